"""Browser fixtures, shared by every browser test: the real built site served over HTTP on 127.0.0.1,
and Debian's Chromium driven by Playwright. Both live for the whole session.

A missing Chromium is a failure, not a skip: `bash scripts/test.sh` installs it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import engines
import pages_at_once
import pytest
from playwright.sync_api import Browser, sync_playwright

from handbook_testing import SiteHandler, served


class _Handler(SiteHandler):
    def translate_path(self, path: str) -> str:
        if path.startswith(engines.ROUTE):  # the accessibility engines, beside the site
            return str(engines.VENDOR / Path(path[len(engines.ROUTE) :]).name)
        return super().translate_path(path)

    def end_headers(self):
        # The theme's styles and scripts may be kept for the session, as an intranet server would let them be:
        # without this the browser asks for each again on every page, and the tests that visit every page
        # spend their time on those requests.
        if any(folder in self.path for folder in ("/assets/", "/pagefind/", engines.ROUTE)):
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


@pytest.fixture(scope="session")
def site_server(built_site: Path):
    """Base address of the built site, without a trailing slash, e.g. http://127.0.0.1:40123/handbook: served in
    the folder its address names (handbook_testing.SITE_URL), a missing address answered with its 404 page."""
    with served(built_site, _Handler) as address:
        yield address.rstrip("/")


@pytest.fixture(scope="session")
def browser() -> Browser:
    """A headless Chromium (the system's /usr/bin/chromium, not a downloaded one)."""
    executable = shutil.which("chromium")
    assert executable, "chromium is not installed: run `bash scripts/test.sh`, or `apt-get install chromium`"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=pages_at_once.ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
