"""Reading in a real browser: how Japanese lines break in narrow table cells, a comparison's folded items, and
the heading a link jumps to."""

from __future__ import annotations

import pytest

from handbook.typography import NO_START


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


# Each character of the table cells that starts a line, with the characters before it: where a line broke.
LINE_STARTS = """() => {
  const found = [], range = document.createRange();
  for (const cell of document.querySelectorAll("article td, article th")) {
    let previous = null, before = "";
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest(".visually-hidden")) continue;
      for (let i = 0; i < node.data.length; i++) {
        if (/\\s/.test(node.data[i])) continue;
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        if (previous && box.top >= previous.bottom - 2 && box.left <= previous.left) found.push([before, node.data[i]]);
        previous = box; before = (before + node.data[i]).slice(-6);
      }
    }
  }
  return found;
}"""


@pytest.mark.parametrize("path", ["compare/chief--deputy-manager/", "compare/staff--senior-staff/", "", "role-flow/"])
def test_no_line_of_a_narrow_cell_starts_with_a_closing_mark(page, site_server, path):
    """At a small phone's width (320 px) the cells are narrower than many phrases: their lines break where the
    browser must, but never before 「。」「、」, a small kana or 「ー」 (「自己チェックシ/ート」)."""
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{site_server}/{path}")
    starts = page.evaluate(LINE_STARTS)
    assert len(starts) > 10, "the cells' lines are read"
    wrong = [f"{before}/{first}" for before, first in starts if first in NO_START]
    assert not wrong, f"/{path}: lines starting with a closing mark: {wrong[:10]}"


def test_a_heading_jumped_to_shows_no_stray_mark(page, site_server):
    """Material shows the heading's ¶ link in red whenever the heading is the target of the address (a home card
    jumps to 「職位を探す」): hidden there as on any other heading, shown on hover and keyboard focus."""
    page.set_viewport_size({"width": 1366, "height": 800})
    page.goto(f"{site_server}/#find-rank")
    mark = page.locator("#find-rank > .headerlink")
    opacity = "el => getComputedStyle(el).opacity"
    page.wait_for_timeout(300)  # Material fades it in over 125 ms
    assert mark.evaluate(opacity) == "0"
    mark.focus()
    page.wait_for_timeout(300)
    assert mark.evaluate(opacity) == "1"


def test_a_comparison_folds_the_items_worded_the_same_and_opens_them_with_the_keyboard(page, site_server, policy):
    """主査級 → 主幹級: every item worded the same, folded away; the basic roles side by side are what shows. The fold
    is a native disclosure: reached with Tab, opened with Enter, announced as expanded."""
    page.goto(f"{site_server}/compare/chief--deputy-manager/")
    rows = page.locator("details.alike-items tbody tr")
    assert rows.count() == len(policy.rank("chief").table.items) and not rows.first.is_visible()
    assert page.locator("table.roles-comparison").is_visible()
    page.focus("details.alike-items > summary")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert rows.first.is_visible() and page.evaluate("document.querySelector('details.alike-items').open")
    cdp = page.context.new_cdp_session(page)
    try:
        found = "document.querySelector('details.alike-items > summary')"
        summary = cdp.send("Runtime.evaluate", {"expression": found})
        node = cdp.send("Accessibility.getPartialAXTree", {"objectId": summary["result"]["objectId"]})["nodes"][0]
    finally:
        cdp.detach()
    assert {p["name"]: p["value"]["value"] for p in node.get("properties", [])}.get("expanded") is True
