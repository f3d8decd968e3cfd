"""The dashboard in a real browser (Debian's Chromium through Playwright) against `framing dashboard` on 127.0.0.1:
pages load, a filter click changes the chart and the URL, every Compare chart is an interactive Vega chart whose
marks show a tooltip on hover and filter the page on a click, the PNG download is the matplotlib chart, the
explorer highlights findings, hostile articles stay inert, an upload is analysed; a screenshot of every page is
kept in artifacts/screenshots/."""

from __future__ import annotations

import gzip
import json
import re
from urllib.parse import parse_qs, urlparse

import pytest

from tests.browser.conftest import shoot
from tests.browser.server import settle
from tests.dashboard.conftest import HOSTILE_SOURCE

PAGES = {"overview": "", "compare": "compare", "explorer": "explorer", "words": "words", "event": "event",
         "lexicons": "lexicons", "analyse": "analyse"}
MAIN_IMAGE = '[data-testid="stMain"] [data-testid="stImage"] img'
VEGA = '[data-testid="stMain"] [data-testid="stVegaLiteChart"]'
# the data marks of a Vega chart drawn as SVG (points, bars, cells; not the legend's symbols)
MARKS = f"{VEGA} svg g.role-mark.mark-symbol path, {VEGA} svg g.role-mark.mark-rect path"
TOOLTIP = "#vg-tooltip-element"
COMPARE_VIEWS = ("rates", "differences", "heatmap", "stances", "source-types", "roles", "time")


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
    if name in ("compare", "words"):  # words: the distinctive terms and the actor labels, interactive
        page.wait_for_selector(VEGA, timeout=30_000)
    if name == "words":
        page.wait_for_function(f"() => document.querySelectorAll({json.dumps(VEGA)}).length == 2", timeout=30_000)
    if name == "event":  # the outlets side by side, interactive
        page.wait_for_selector(VEGA, timeout=30_000)
    shoot(page, f"page-{name}")


def test_the_dashboard_requests_nothing_from_any_other_host(page):
    # no network calls at run time: not a favicon from a font or emoji CDN, nor anything else
    hosts = set()
    page.on("request", lambda req: hosts.add(urlparse(req.url).hostname) if req.url.startswith("http") else None)
    for name in ("overview", "compare", "words"):
        open_page(page, PAGES[name])
    assert hosts and hosts <= {"127.0.0.1", "localhost"}, hosts


def marks_count(pg) -> int:  # noqa: ANN001
    pg.wait_for_selector(MARKS, timeout=30_000)
    return pg.locator(MARKS).count()


def test_compare_loads_and_a_filter_click_changes_the_chart_and_the_url(page):
    open_page(page, "compare")
    before = marks_count(page)
    leaning = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(has_text="Leaning")
    leaning.click()
    page.get_by_role("option", name="right", exact=True).click()
    page.keyboard.press("Escape")
    page.wait_for_function(f"(before) => document.querySelectorAll({json.dumps(MARKS)}).length < before",
                           arg=before, timeout=30_000)
    settle(page)
    assert "leaning=right" in page.url
    assert "1 source" in page.locator('[data-testid="stMain"]').inner_text() or "leaning right" in \
        page.locator('[data-testid="stMain"]').inner_text()
    no_errors(page)
    shoot(page, "compare-filtered")
    # the URL reproduces the view in a new page
    page.goto(page.url)
    settle(page)
    assert marks_count(page) < before
    assert "leaning right" in page.locator('[data-testid="stMain"]').inner_text()


# -- interactive charts ------------------------------------------------------------------------------------------

def tooltip(pg) -> str | None:  # noqa: ANN001
    """The text of Vega's tooltip when it is shown."""
    return pg.evaluate(f"() => {{ const e = document.querySelector({json.dumps(TOOLTIP)});"
                       " return e && e.classList.contains('visible') ? e.innerText : null; }")


def hover_marks(pg, want: str | None = None):  # noqa: ANN001, ANN201
    """Hover the chart's marks one by one until a tooltip shows (one that contains ``want``, when given); the mark
    and the tooltip's text."""
    marks = pg.locator(MARKS)
    marks.first.wait_for(timeout=30_000)
    for i in range(marks.count()):
        m = marks.nth(i)
        box = m.bounding_box()
        if not box or box["width"] * box["height"] == 0:
            continue
        m.hover(force=True)
        try:
            pg.wait_for_function(f"() => document.querySelector({json.dumps(TOOLTIP)})?.classList.contains("
                                 "'visible')", timeout=2_000)
        except Exception:  # noqa: BLE001  (a mark under another: the next one)
            continue
        text = tooltip(pg)
        if text and (want is None or want in text):
            return m, text
    raise AssertionError(f"no mark of the chart showed a tooltip{' with ' + want if want else ''}")


def caption_count(pg) -> int:  # noqa: ANN001
    """The article count the Compare page states ("167 articles (...)"), once the page shows it."""
    pg.wait_for_function("() => /[\\d,]+ articles \\(/.test(document.querySelector('[data-testid=\"stMain\"]')"
                         "?.innerText || '')", timeout=30_000)
    m = re.search(r"([\d,]+) articles \(", pg.locator('[data-testid="stMain"]').inner_text())
    assert m, "no article count on the page"
    return int(m.group(1).replace(",", ""))


def expected_rates(store, **filters) -> dict:  # noqa: ANN001, ANN003
    """The rates table the page should show, computed by the library on the same store."""
    from framing.compare import rates
    from framing.corpus import open_store

    with open_store(store, read_only=True) as s:
        a = s.articles_frame()
    for col, v in filters.items():
        a = a[a[col] == v]
    return rates(a, by="source", metrics=["loaded_author_rate"]).set_index("group")


def test_hovering_a_rates_mark_shows_its_value_interval_articles_and_words(page, browser_store):
    open_page(page, "compare")
    _, text = hover_marks(page, "Capital Wire")
    row = expected_rates(browser_store).loc["Capital Wire"]
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    assert lines[lines.index("group") + 1] == "Capital Wire"
    assert lines[lines.index("95% interval") + 1] == f"{row['lo']:.4g} to {row['hi']:.4g}"
    assert lines[lines.index("articles") + 1] == str(row["n_articles"])
    assert lines[lines.index("words") + 1] == f"{row['n_words']:,}"
    assert f"{row['value']:.4g}" in lines
    shoot(page, "compare-tooltip", full=False)
    no_errors(page)


def test_a_click_on_a_group_filters_the_page_and_the_url_and_can_be_undone(page, browser_store):
    open_page(page, "compare")
    total = caption_count(page)
    mark, _ = hover_marks(page, "Patriot Dispatch")
    mark.click(force=True)
    page.wait_for_function("() => location.search.includes('source=Patriot')", timeout=30_000)
    settle(page)
    assert "source=Patriot+Dispatch" in page.url or "source=Patriot%20Dispatch" in page.url
    n = caption_count(page)
    assert n == expected_rates(browser_store, source="Patriot Dispatch").loc["Patriot Dispatch", "n_articles"]
    assert n < total
    assert "Patriot Dispatch" in page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]').filter(
        has_text="Sources").inner_text()  # the filter bar shows the choice
    assert marks_count(page) == 1
    shoot(page, "compare-clicked")
    # the URL reproduces the filtered view
    page.goto(page.url)
    settle(page)
    assert caption_count(page) == n
    # the way back: the button under the chart clears the filter
    page.get_by_role("button", name="Show every source again").click()
    page.wait_for_function("() => !location.search.includes('source=')", timeout=30_000)
    settle(page)
    assert caption_count(page) == total
    no_errors(page)


def test_an_actor_labels_cell_shows_its_share_and_a_click_filters_to_its_group(page):
    open_page(page, "words")
    mark, text = hover_marks(page, "share of the concept's mentions")
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    group = lines[lines.index("group") + 1]
    assert re.fullmatch(r"\d+%", lines[lines.index("share of the concept's mentions") + 1])
    assert {"mentions", "inside quotations", "inside scare quotes"} <= set(lines)
    shoot(page, "words-labels-tooltip", full=False)
    mark.click(force=True)
    page.wait_for_function("() => location.search.includes('source=')", timeout=30_000)
    settle(page)
    assert parse_qs(urlparse(page.url).query)["source"] == [group]
    no_errors(page)


@pytest.mark.parametrize("width", [1280, 1400])
def test_the_distinctive_terms_chart_is_not_clipped(page, width):
    """Regression: the small multiples of the distinctive terms were wider than the page's column (on a window
    1,400 px wide, the last column of panels was cut off at the column's edge). They wrap to fit it, the sidebar
    open, on a window 1,280 or 1,400 px wide: every panel is inside the chart's box and the box inside the page."""
    page.set_viewport_size({"width": width, "height": 1000})
    open_page(page, "words")
    chart = page.locator(VEGA).first
    chart.locator("svg").first.wait_for()
    sizes = chart.evaluate("""c => {
        const svg = c.querySelector('svg'), main = document.querySelector('[data-testid="stMainBlockContainer"]');
        const box = c.getBoundingClientRect(), s = svg.getBoundingClientRect();
        const marks = [...svg.querySelectorAll('g.role-mark.mark-rect path')].map(m => m.getBoundingClientRect());
        const style = getComputedStyle(main);
        return {svg_right: s.right, svg_width: svg.width.baseVal.value, box_right: box.right,
                main_right: main.getBoundingClientRect().right - parseFloat(style.paddingRight),
                marks: marks.length, marks_right: Math.max(...marks.map(m => m.right))};
    }""")
    assert sizes["marks"] >= 11 * 5  # the panels' bars are drawn
    assert sizes["svg_right"] <= sizes["box_right"] + 1, sizes
    assert sizes["box_right"] <= sizes["main_right"] + 1, sizes
    assert sizes["marks_right"] <= sizes["box_right"], sizes
    shoot(page, f"words-terms-{width}", full=False)
    no_errors(page)


def tooltip_groups(text: str) -> set[str]:
    """The group(s) a tooltip names (``group``, or ``group A`` and ``group B``)."""
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    return {lines[i + 1] for i, x in enumerate(lines[:-1]) if x in ("group", "group A", "group B")}


@pytest.mark.parametrize("view", COMPARE_VIEWS)
def test_every_compare_chart_is_interactive(page, view):
    open_page(page, f"compare?view={view}")
    page.wait_for_selector(VEGA)
    assert page.locator(MAIN_IMAGE).count() == 0  # the Vega chart, not a PNG
    total = caption_count(page)
    mark, text = hover_marks(page)
    assert "95% interval" in text and "articles" in text or "group A" in text
    groups = tooltip_groups(text)
    assert groups
    shoot(page, f"compare-{view}-tooltip", full=False)
    mark.click(force=True)  # the click filters the page to the mark's group(s)
    page.wait_for_function("() => location.search.includes('source=')", timeout=30_000)
    settle(page)
    assert set(parse_qs(urlparse(page.url).query)["source"]) == groups
    assert caption_count(page) < total
    no_errors(page)


def test_a_click_on_a_pair_of_differences_filters_to_both_groups(page):
    open_page(page, "compare?view=differences")
    mark, text = hover_marks(page)
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    a, b = lines[lines.index("group A") + 1], lines[lines.index("group B") + 1]
    mark.click(force=True)
    page.wait_for_function("() => location.search.includes('source=')", timeout=30_000)
    settle(page)
    main = page.locator('[data-testid="stMain"]').inner_text()
    assert f"source {', '.join(sorted([a, b]))}" in main or f"source {a}, {b}" in main
    no_errors(page)


def test_the_png_download_is_the_matplotlib_chart(page):
    open_page(page, "compare?view=stances")
    page.wait_for_selector(VEGA)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Download chart (PNG)").click()
    d = info.value
    data = open(d.path(), "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 10_000
    assert d.suggested_filename.endswith(".png") and "stances" in d.suggested_filename
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="Download table (CSV)").click()
    assert open(info.value.path(), encoding="utf-8").readline().startswith("group,")


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
    page.wait_for_selector(VEGA)
    page.wait_for_timeout(1000)
    assert HOSTILE_SOURCE in page.locator('[data-testid="stSidebar"]').inner_text()
    # in the chart: an axis label and a tooltip of text (no element made of it)
    assert HOSTILE_SOURCE in page.locator(VEGA).inner_text() or \
        page.locator(f"{VEGA} svg text").filter(has_text="onerror").count() >= 1
    _, text = hover_marks(page, "Gazette")
    assert HOSTILE_SOURCE in text
    assert page.locator(f"{TOOLTIP} img").count() == 0 and page.locator(f"{VEGA} img").count() == 0
    open_page(page, "event?event_id=E04")
    page.wait_for_selector(VEGA)
    page.wait_for_timeout(1000)
    assert page.locator(f"{VEGA} svg text").filter(has_text="onerror").count() >= 1  # an axis label, as text
    assert page.locator(f"{VEGA} img").count() == 0
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


def test_a_gzipped_upload_is_accepted_by_the_browser_and_analysed(page):
    """Regression: the uploader refused mine.jsonl.gz in the browser ("application/gzip files are not allowed")."""
    open_page(page, "analyse")
    page.get_by_role("tab", name="Upload a file").click()
    data = gzip.compress(json.dumps({"text": "The thugs rioted, police said.", "source": "My Paper"}).encode() + b"\n")
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": "mine.jsonl.gz", "mimeType": "application/gzip", "buffer": data}])
    page.get_by_text("Your articles", exact=True).wait_for(timeout=60_000)
    settle(page)
    assert "not allowed" not in page.locator('[data-testid="stMain"]').inner_text()
    no_errors(page)


def test_an_upload_with_the_text_under_another_name_is_analysed_once_its_column_is_chosen(page):
    open_page(page, "analyse")
    page.get_by_role("tab", name="Upload a file").click()
    data = (b'ID,source,content_original\n'
            b'a1,Daily Planet,"Critics slammed the ""reform"", officials said."\n')
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": "allsides.csv", "mimeType": "text/csv", "buffer": data}])
    page.get_by_text("no column has one of the usual names of the article text").wait_for(timeout=30_000)
    settle(page)
    assert "--text-field" not in page.locator('[data-testid="stMain"]').inner_text()
    page.locator('[data-testid="stSelectbox"]').filter(has_text="Text (required)").click()
    page.get_by_role("option", name="content_original", exact=True).click()
    page.get_by_role("button", name="Analyse with these fields").click()
    page.get_by_text("Your articles", exact=True).wait_for(timeout=60_000)
    settle(page)
    assert page.locator(".fr-article span.fr-loaded").count() >= 1
    no_errors(page)
    shoot(page, "analyse-upload-fields")


def test_a_bad_upload_shows_a_message(page):
    open_page(page, "analyse")
    page.get_by_role("tab", name="Upload a file").click()
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
        files=[{"name": "broken.jsonl", "mimeType": "application/json", "buffer": b"{not json}\n[1]\n"}])
    page.get_by_text("Nothing to analyse").wait_for(timeout=30_000)
    assert "2 line(s) or row(s) could not be analysed" in page.locator('[data-testid="stMain"]').inner_text()
    assert page.locator('[data-testid="stException"]').count() == 0
