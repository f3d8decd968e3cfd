"""Take the README's screenshots of the dashboard on the demo corpus, in Debian's Chromium: docs/img/compare.png
and docs/img/explorer.png. Not a test; run it by hand after changing the pages:

    python -m tests.browser.readme_screenshots
"""

from __future__ import annotations

import sys
import tempfile

from tests.browser.server import ROOT, dashboard, launch, settle

OUT = ROOT / "docs" / "img"
VIEWPORT = {"width": 1400, "height": 900}
SHOTS = {
    "compare": "compare?dates=2026-01-12&dates=2026-06-30",
    "explorer": "explorer?article=demo-E01-sentinel",
}


def main() -> int:
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as cache, dashboard(env={"FRAMING_CACHE": cache}) as url, \
            sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport=VIEWPORT, device_scale_factor=1)
        page.goto(url)  # the first visit analyses the demo corpus (and says so in a toast): not in the pictures
        settle(page, timeout_ms=120_000)
        for name, path in SHOTS.items():
            page.goto(f"{url}/{path}")
            settle(page, timeout_ms=120_000)
            if name == "explorer":
                page.locator(".fr-article").wait_for()
                page.locator('[data-testid="stMain"]').evaluate("m => m.scrollTo(0, 330)")
            else:
                page.locator('[data-testid="stMain"] [data-testid="stVegaLiteChart"] svg').wait_for()
            page.wait_for_timeout(800)
            page.screenshot(path=str(OUT / f"{name}.png"))
            print(f"wrote {OUT / f'{name}.png'}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
