"""The dashboard in a real browser (Debian's Chromium through Playwright) against `framing dashboard` on 127.0.0.1:
pages load, a filter click changes the chart and the URL, the explorer highlights findings, hostile articles stay
inert, an upload is analysed; a screenshot of every page is kept in artifacts/screenshots/."""

from __future__ import annotations

import json
import re

import pytest

from tests.browser.conftest import shoot
from tests.browser.server import settle
from tests.dashboard.conftest import HOSTILE_SOURCE

PAGES = {"overview": "", "compare": "compare", "explorer": "explorer", "words": "words", "event": "event",
         "lexicons": "lexicons", "analyse": "analyse"}
MAIN_IMAGE = '[data-testid="stMain"] [data-testid="stImage"] img'


def open_page(pg, path: str):  # noqa: ANN001, ANN201
    pg.goto(f"{pg.base}/{path}")
    settle(pg)
    return pg


def no_errors(pg) -> None:  # noqa: ANN001
    assert pg.locator('[data-testid="stException"]').count() == 0
    errors = pg.locator('[data-testid="stAlertContentError"]')
    assert errors.count() == 0, errors.all_inner_texts()
    assert not pg.dialogs


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_without_an_error(page, name):
    open_page(page, PAGES[name])
    no_errors(page)
    assert page.locator("h1").first.is_visible()
    if name in ("compare", "words", "event"):
        page.wait_for_selector(MAIN_IMAGE, timeout=30_000)
    shoot(page, f"page-{name}")


def test_compare_loads_and_a_filter_click_changes_the_chart_and_the_url(page):
    open_page(page, "compare")
    page.wait_for_selector(MAIN_IMAGE)
    before = page.locator(MAIN_IMAGE).get_attribute("src")
    leaning = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Leaning")
    leaning.click()
    page.get_by_role("option", name="right", exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_function(
        "(before) => { const i = document.querySelector('[data-testid=\"stMain\"] [data-testid=\"stImage\"] img');"
        " return i && i.getAttribute('src') !== before; }", arg=before, timeout=30_000)
    settle(page)
    assert "leaning=right" in page.url
    assert "1 source" in page.locator('[data-testid="stMain"]').inner_text() or "leaning right" in \
        page.locator('[data-testid="stMain"]').inner_text()
    no_errors(page)
    shoot(page, "compare-filtered")
    # the URL reproduces the view in a new page
    page.goto(page.url)
    settle(page)
    assert page.locator(MAIN_IMAGE).get_attribute("src") is not None
    assert "leaning right" in page.locator('[data-testid="stMain"]').inner_text()


def test_the_explorer_shows_every_finding_highlighted_with_its_explanation(page):
    open_page(page, "explorer?article=demo-E01-sentinel")
    art = page.locator(".fr-article")
    art.wait_for()
    assert page.locator(".fr-legend").is_visible()
    loaded = art.locator("span.fr-loaded")
    assert loaded.count() >= 5
    assert art.locator("span.fr-quote-direct").count() >= 1 and art.locator("span.fr-cue").count() >= 3
    first = art.locator("span.fr-loaded-pejorative").first
    assert first.inner_text() == "thugs"
    assert "loaded_terms lexicon as pejorative" in first.get_attribute("title")
    first.hover()  # the explanation is the element's title: the browser shows it on hover
    bg = art.locator("span.fr-quote-direct").first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert bg == "rgb(220, 235, 250)"
    no_errors(page)
    shoot(page, "explorer-highlights")


def test_the_script_article_stays_inert(page):
    open_page(page, "explorer?article=hostile-script")
    art = page.locator(".fr-article")
    art.wait_for()
    page.wait_for_timeout(1500)  # time for any onerror / onload handler to fire
    assert not page.dialogs
    assert page.evaluate("() => window.__pwned === undefined")
    for tag in ("script", "img", "a", "iframe", "svg", "style", "b", "i"):
        assert art.locator(tag).count() == 0, tag
    assert page.evaluate("() => document.querySelectorAll('a[href^=\"javascript\" i], [onerror], [onload]').length"
                         ) == 0
    text = art.inner_text()
    assert "<script>window.__pwned=1;alert('xss')</script>" in text
    assert '<img src=x onerror="window.__pwned=2;alert(2)">' in text
    assert "[click here](javascript:alert(3))" in text and "**not bold**" in text
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert "<script>window.__pwned=1;alert(1)</script> [click me](javascript:alert(2))" in main  # the title
    assert "javascript:alert(3)" in main  # the URL, as text
    assert page.locator('[data-testid="stMain"] a[href*="evil.example"]').count() == 0
    no_errors(page)
    shoot(page, "explorer-hostile")


def test_hostile_source_names_stay_inert_in_filters_charts_and_events(page):
    open_page(page, "compare?" + "&".join(f"source={s}" for s in ("Capital%20Wire", "%3Cimg%20src%3Dx%20onerror"
                                                                    "%3Dalert(8)%3E%20Gazette")))
    page.wait_for_selector(MAIN_IMAGE)
    page.wait_for_timeout(1000)
    assert HOSTILE_SOURCE in page.locator('[data-testid="stSidebar"]').inner_text()
    open_page(page, "event?event_id=E04")
    page.wait_for_selector(MAIN_IMAGE)
    page.wait_for_timeout(1000)
    assert not page.dialogs and page.evaluate("() => window.__pwned === undefined")
    no_errors(page)


def test_an_uploaded_file_is_analysed_and_compared(page):
    open_page(page, "analyse")
    page.get_by_role("tab", name="Upload a file").click()
    rows = [{"text": 'The so-called "experts" slammed the plan, furious officials said.', "source": "My Paper",
             "title": "Upload one"},
            {"text": "The thugs rioted, police said.", "source": "My Paper"}]
    data = "".join(json.dumps(r) + "\n" for r in rows).encode()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": "mine.jsonl", "mimeType": "application/json", "buffer": data}])
    page.get_by_text("Your articles", exact=True).wait_for(timeout=60_000)
    settle(page)
    assert page.locator(".fr-article span.fr-loaded").count() >= 1
    page.wait_for_selector(MAIN_IMAGE)
    assert re.search(r"mine\.jsonl", page.locator('[data-testid="stMain"]').inner_text())
    no_errors(page)
    shoot(page, "analyse-upload")


def test_a_bad_upload_shows_a_message(page):
    open_page(page, "analyse")
    page.get_by_role("tab", name="Upload a file").click()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": "broken.jsonl", "mimeType": "application/json", "buffer": b"{not json}\n[1]\n"}])
    page.get_by_text("Nothing to analyse").wait_for(timeout=30_000)
    assert "2 line(s) or row(s) could not be analysed" in page.locator('[data-testid="stMain"]').inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
