"""Visiting many pages in a few browser tabs at once (Playwright's async API), for the checks that cover
every page or run slow accessibility engines: the tabs' renderers work in parallel on the machine's cores.

The session's own browser is driven through the sync API; this runs in a thread of its own with its own
Chromium, so the two never share an event loop.
"""

from __future__ import annotations

import asyncio
import shutil
import threading
from collections.abc import Awaitable, Callable

from playwright.async_api import Page, async_playwright

# Chromium as every browser test launches it. Each visit is a fresh load of a page of one local site, never a
# return to one: Chromium's machinery for going back (the back/forward cache, a new document host and browsing
# instance per navigation, spare and per-site renderer processes) only costs time, a sixth of the whole-site
# visit on two cores. So does the address bar's pop-up, which a headless Chromium still runs as a web page of
# its own. Turning them off changes nothing a page does. Chromium reads only the last --disable-features, so
# the list starts with those Playwright turns off itself (test_launch_flags.py keeps them in step).
PLAYWRIGHT_DISABLED_FEATURES = [
    "AvoidUnnecessaryBeforeUnloadCheckSync",
    "DestroyProfileOnBrowserClose",
    "HttpsUpgrades",
    "HttpsFirstBalancedModeAutoEnable",
    "LensOverlay",
    "MediaRouter",
    "PaintHolding",
    "ThirdPartyStoragePartitioning",
    "AvoidCorsURLLoaderRestartOnRedirect",
    "TcpPortRandomizationWin",
    "OptimizationHints",
    "NetworkTimeServiceQuerying",
    "AimEnabled",
    "PreconnectToSearch",
    "msForceBrowserSignIn",
    "msEdgeUpdateLaunchServicesPreferredVersion",
]
UNUSED_FEATURES = [
    "BackForwardCache",
    "ProactivelySwapBrowsingInstance",
    "RenderDocument",
    "SpareRendererForSitePerProcess",
    "site-per-process",
    "WebUIOmniboxPopup",
    "WebUIOmniboxAimPopup",
    "WebUIOmniboxFullPopup",
]
ARGS = [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-features=" + ",".join(PLAYWRIGHT_DISABLED_FEATURES + UNUSED_FEATURES),
]
# The width a page takes, which is more than the screen's when it scrolls sideways.
WIDTH_OF_PAGE = "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
# The header's titles (the site's name, and the page's, which Material shows once the page is scrolled) taller than
# the header: a title that wraps is drawn below the bar, over the page. Both are measured, shown or not.
TALL_HEADER_TITLES = """[...document.querySelectorAll(".md-header__topic")].flatMap(topic => {
  const height = topic.getBoundingClientRect().height;
  const bar = topic.closest(".md-header").getBoundingClientRect().height;
  const title = JSON.stringify(topic.textContent.trim());
  return height > bar ? [`header title ${title}: ${height} px tall in a ${bar} px header`] : [];
})"""


def visit_all(
    addresses: list[str],
    visit: Callable[[Page, str], Awaitable[object]],
    tabs: int = 2,
    viewport: tuple[int, int] = (1280, 900),
    on_page: Callable[[Page], Awaitable[None]] | None = None,
) -> dict[str, object]:
    """`visit(page, address)` for every address, in `tabs` tabs at once; returns {address: what visit returned}.
    `on_page` is awaited once for each tab when it opens (to listen to its requests, say)."""
    results: dict[str, object] = {}
    failure: list[BaseException] = []

    async def main() -> None:
        executable = shutil.which("chromium")
        assert executable, "chromium is not installed: run `bash scripts/test.sh`"
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=executable, args=ARGS)
            queue: asyncio.Queue[str] = asyncio.Queue()
            for address in addresses:
                queue.put_nowait(address)

            async def tab() -> None:
                context = await browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
                page = await context.new_page()
                if on_page:
                    await on_page(page)
                while not queue.empty():
                    address = queue.get_nowait()
                    results[address] = await visit(page, address)
                await context.close()

            try:
                await asyncio.gather(*(tab() for _ in range(tabs)))
            finally:
                await browser.close()

    def run() -> None:
        try:
            asyncio.run(main())
        except BaseException as error:  # raised again in the test's thread
            failure.append(error)

    thread = threading.Thread(target=run, name="pages-at-once")
    thread.start()
    thread.join()
    if failure:
        raise failure[0]
    return results
