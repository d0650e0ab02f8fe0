"""The accessibility statement's test results, folded away, on the narrowest phone: opened, nothing of them is
off screen (every page is measured at 320 px in test_every_page.py, but with the results folded)."""

from __future__ import annotations

from pages_at_once import WIDTH_OF_PAGE

from handbook.model import LANGUAGES
from handbook.site import url_prefix

PHONE = 320
# Elements of the opened results past the screen's edge, or scrolling sideways in a frame (a table wider than
# the phone, which Material's frame lets scroll: the results' last column was off screen).
OFF_SCREEN = """width => [...document.querySelectorAll("details.a11y-details *")].filter(element =>
  element.getBoundingClientRect().right > width + 1 || element.scrollWidth > element.clientWidth + 1
    && ["auto", "scroll"].includes(getComputedStyle(element).overflowX))
  .map(element => element.outerHTML.slice(0, 120))"""


def test_the_statement_results_open_from_their_summary_and_fit_a_phone(browser, site_server):
    context = browser.new_context(viewport={"width": PHONE, "height": 800})
    page = context.new_page()
    try:
        for language in LANGUAGES:
            page.goto(f"{site_server}/{url_prefix(language)}accessibility/")
            table = page.locator("details.a11y-details table")
            assert not table.is_visible(), f"{language}: the results start folded"
            page.locator("details.a11y-details > summary").click()
            assert table.is_visible(), f"{language}: the summary opens them"
            assert page.evaluate(WIDTH_OF_PAGE) <= PHONE, language
            off_screen = page.evaluate(OFF_SCREEN, PHONE)
            assert not off_screen, f"{language}: off screen at {PHONE} px:\n" + "\n".join(off_screen)
    finally:
        context.close()
