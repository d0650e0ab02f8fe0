"""The comparison and self-check tables as Chromium gives them to assistive technology (its accessibility tree,
read through the DevTools protocol), at a desktop's and a phone's width, where their rows are laid out
differently: still tables, with every row, cell and header of the markup (which carries no ARIA table roles).
"""

from __future__ import annotations

import pytest

from handbook.model import LANGUAGES
from handbook.site import url_prefix

WIDTHS = {"desktop": (1366, 768), "phone": (390, 844)}
TABLES = {"compare/staff--senior-staff/": "table.comparison-table", "self-check/chief/": "table.self-check-table"}
# What each role counts in the markup: Chromium's tree of the table must have as many.
MARKUP_OF_ROLE = {"row": "tr", "columnheader": "thead th", "rowheader": "tbody th", "cell": "td"}


def ax_subtree(page, selector: str) -> list[dict]:
    """The accessibility tree's nodes of an element and all below it, as Chromium computes them."""
    cdp = page.context.new_cdp_session(page)
    try:
        element = cdp.send("Runtime.evaluate", {"expression": f"document.querySelector({selector!r})"})
        backend = cdp.send("DOM.describeNode", {"objectId": element["result"]["objectId"]})["node"]["backendNodeId"]
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    by_id = {node["nodeId"]: node for node in nodes}
    top = next(node for node in nodes if node.get("backendDOMNodeId") == backend)
    below, waiting = [], [top]
    while waiting:
        node = waiting.pop()
        below.append(node)
        waiting += [by_id[child] for child in node.get("childIds", []) if child in by_id]
    return [node for node in below if not node.get("ignored")]


def role(node: dict) -> str:
    return node["role"]["value"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_tables_stay_tables_at_every_width(browser, site_server, language, width):
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    page = context.new_page()
    try:
        for path, selector in TABLES.items():
            where = f"/{url_prefix(language)}{path}"
            assert page.goto(site_server + where).ok, where
            nodes = ax_subtree(page, selector)
            assert role(nodes[0]) == "table", (where, width, role(nodes[0]))
            for name, markup in MARKUP_OF_ROLE.items():
                expected = page.locator(f"{selector} {markup}").count()
                found = sum(1 for node in nodes if role(node) == name)
                assert expected and found == expected, f"{where} at {width} width: {found} {name}s, {expected} {markup}"
    finally:
        context.close()
