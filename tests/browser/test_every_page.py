"""Every page of both languages, as the narrowest phone shows it (320 px, the width at which WCAG 2.1 asks content
to reflow): none is wider than the screen, none asks for anything that is not there, none logs an error,
nothing on it moves once drawn (the layout shift of its loading, as Lighthouse counts it, under 0.1), and its
header's titles each stay on the header's one line.

A page wider than a desktop's screen but not a phone's would take a desktop-only style: the accessibility audit
measures each kind of page at its desktop width too (test_accessibility.py). Measuring every page at a second
width cost a relayout of each, a third of this test's time."""

from __future__ import annotations

from pages_at_once import TALL_HEADER_TITLES, WIDTH_OF_PAGE, visit_all

from handbook.model import LANGUAGES
from handbook.site import page_specs, url_prefix

PHONE = 320
MOST_SHIFT = 0.1
# Adds up the layout shifts of the page's loading that no input caused (what Lighthouse reports as CLS).
COUNT_SHIFTS = """window.__shift = 0; new PerformanceObserver(list => { for (const entry of list.getEntries())
  if (!entry.hadRecentInput) window.__shift += entry.value; }).observe({type: "layout-shift", buffered: true});"""


def test_no_page_scrolls_sideways_asks_for_what_is_missing_or_logs_an_error(site_server, policy):
    addresses = [f"/{url_prefix(language)}{spec.url}" for spec in page_specs(policy) for language in LANGUAGES]
    addresses.append("/404.html")
    problems: dict[str, list[str]] = {}
    current: dict[int, str] = {}

    async def listen(page) -> None:
        await page.add_init_script(COUNT_SHIFTS)

        def note(text: str) -> None:
            problems.setdefault(current.get(id(page), "?"), []).append(text)

        page.on(
            "console",
            lambda message: note(f"console {message.type}: {message.text}") if message.type == "error" else None,
        )
        page.on("pageerror", lambda error: note(f"script error: {error}"))
        page.on(
            "response", lambda response: note(f"{response.status} {response.url}") if response.status >= 400 else None
        )

    async def visit(page, address: str) -> int:
        current[id(page)] = address
        response = await page.goto(site_server + address, wait_until="load")
        assert response is not None
        shift = await page.evaluate("new Promise(done => requestAnimationFrame(() => done(window.__shift)))")
        if shift >= MOST_SHIFT:
            problems.setdefault(address, []).append(f"layout shift {shift:.3f} while loading (at most {MOST_SHIFT})")
        if tall_titles := await page.evaluate(TALL_HEADER_TITLES):
            problems.setdefault(address, []).extend(tall_titles)
        return await page.evaluate(WIDTH_OF_PAGE)

    measured = visit_all(addresses, visit, viewport=(PHONE, 800), on_page=listen)
    assert len(measured) == len(addresses)
    too_wide = {address: width for address, width in measured.items() if width > PHONE}
    assert not too_wide, f"pages wider than a {PHONE} px screen (their width in px):\n" + "\n".join(
        f"  {address}: {width}" for address, width in sorted(too_wide.items())
    )
    # the 404 page answers 404 by design when a server serves it for a missing address; here it is asked for by name
    assert not problems, "\n".join(f"{a}: {p}" for a, ps in sorted(problems.items()) for p in ps)
