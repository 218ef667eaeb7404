"""Open the report in Debian's headless Chromium through Playwright: for the browser tests and screenshots.

`python -m sitrep.output.browser REPORT.html OUT.png [--full]` writes a screenshot of the top of the page
(the whole page with --full).
Playwright never downloads a browser here: it drives the system's Chromium, told not to phone home,
since the report is meant for machines with no network.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sitrep.errors import UsageProblem

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking switches Chromium keeps trying to reach its update and sync services.
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync")
VIEWPORT = {"width": 1360, "height": 900}
# The top of a report (numbers, disputes, claims) as one picture a person can take in.
SCREENSHOT_HEIGHT = 2000


@contextmanager
def page() -> Iterator:
    """A fresh Playwright page in the system's Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        raise UsageProblem.PLAYWRIGHT_MISSING.error() from exc
    if not CHROMIUM.exists():
        raise UsageProblem.CHROMIUM_MISSING.error(path=CHROMIUM)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=list(FLAGS))
        try:
            yield browser.new_page(viewport=VIEWPORT)
        finally:
            browser.close()


def screenshot(report: Path, png: Path, full: bool = False) -> None:
    with page() as tab:
        tab.set_viewport_size({"width": VIEWPORT["width"], "height": SCREENSHOT_HEIGHT})
        tab.goto(report.resolve().as_uri())
        tab.screenshot(path=str(png), full_page=full)


def main(argv: list[str]) -> int:
    full = "--full" in argv
    paths = [a for a in argv if a != "--full"]
    if len(paths) != 2:
        print("usage: python -m sitrep.output.browser REPORT.html OUT.png [--full]", file=sys.stderr)
        return 2
    screenshot(Path(paths[0]), Path(paths[1]), full)
    print(f"wrote {paths[1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
