"""The comparison and self-check tables in Chromium, at a desktop's and a phone's width, where their rows are
laid out differently. As assistive technology gets them (Chromium's accessibility tree, read through the
DevTools protocol): still tables, with every row, cell and header of the markup (which carries no ARIA table
roles), and each rating named by its number, meaning and item. As a reader sees them: each circle's number and
meaning beside it wherever the row is, whether scrolled to or reached with the keyboard.
"""

from __future__ import annotations

import re

import pytest

from handbook.model import LANGUAGES
from handbook.site import url_prefix
from handbook.ui import label, separators

WIDTHS = {"desktop": (1366, 768), "phone": (390, 844)}
TABLES = {"compare/staff--senior-staff/": "table.comparison-table", "self-check/chief/": "table.self-check-table"}
# What each role counts in the markup: Chromium's tree of the table must have as many.
MARKUP_OF_ROLE = {"row": "tr", "columnheader": "thead th", "rowheader": "tbody th", "cell": "td"}


def ax_roles(page, selector: str, role: str | None = None) -> list[tuple[str, str]]:
    """(role, name) of each node of Chromium's accessibility tree in an element and all below it, in order;
    only those of a role if one is given."""
    cdp = page.context.new_cdp_session(page)
    try:
        element = cdp.send("Runtime.evaluate", {"expression": f"document.querySelector({selector!r})"})
        query = {"objectId": element["result"]["objectId"], **({"role": role} if role else {})}
        nodes = cdp.send("Accessibility.queryAXTree", query)["nodes"]
        return [(n["role"]["value"], n.get("name", {}).get("value", "")) for n in nodes if not n.get("ignored")]
    finally:
        cdp.detach()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_the_tables_stay_tables_at_every_width(browser, site_server, language, width):
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    page = context.new_page()
    try:
        for path, selector in TABLES.items():
            where = f"/{url_prefix(language)}{path}"
            assert page.goto(site_server + where).ok, where
            roles = [role for role, _ in ax_roles(page, selector)]
            assert roles[0] == "table", f"{where} at {width} width: a {roles[0]}, not a table"
            for role, markup in MARKUP_OF_ROLE.items():
                expected, found = page.locator(selector).first.locator(markup).count(), roles.count(role)
                assert expected and found == expected, f"{where} at {width} width: {found} {role}s, {expected} {markup}"
    finally:
        context.close()


# For a radio: is its circle on screen, and which texts are drawn on top (not hidden, not under the site's header
# bar) in its column: under the circle within its label, and above it in the table's header row?
AROUND = """radio => {
  const shown = el => {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth)
      return null;
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit && (hit === el || el.contains(hit)) ? r : null;
  };
  const circle = shown(radio);
  if (!circle) return {value: radio.value, circle: false, under: [], above: []};
  const middle = circle.left + circle.width / 2;
  const texts = (root, where) => [...root.querySelectorAll("*")]
    .map(el => [el.textContent.replace(/\\s+/g, ""), shown(el)])
    .filter(([, r]) => r && r.left <= middle && middle <= r.right && where(r)).map(([text]) => text);
  return {value: radio.value, circle: true,
          under: texts(radio.closest("label"), r => r.top >= circle.bottom - 1 && r.top - circle.bottom < 48),
          above: texts(radio.closest("table").tHead, r => r.bottom <= circle.top)};
}"""
LAST_ROW = "[...document.querySelectorAll('tr[data-growth-row]')].pop()"
# Keyboard, the hard case: the last row's circles just under the site's header bar (where the sheet's header row
# stays), focus in its notes; Shift+Tab then reaches a circle, which must come out from under the header row.
UNDER_THE_HEADER = """() => {
  const row = LAST_ROW, circle = row.querySelector("input[type=radio]");
  window.scrollTo(0, circle.getBoundingClientRect().top + window.scrollY - 60);
  row.querySelector("textarea").focus({preventScroll: true});
}""".replace("LAST_ROW", LAST_ROW)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def look_around(page, script: str) -> list[dict]:
    return page.evaluate(f"() => {{ const around = {AROUND}; return ({script}); }}")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("width", WIDTHS)
def test_every_circle_shows_its_number_and_meaning(browser, site_server, policy, language, width):
    """Every self-check sheet, scrolled to its last row, then that row reached with the keyboard: each circle
    with its number under it and its meaning near it (under it on a phone, at the head of its column, kept in
    view, on a desktop); every radio named by its number, its meaning and its item."""
    sep = separators(language)
    meanings = {str(n): label(f"scale_{n}")[language] for n in range(1, 6)}
    context = browser.new_context(viewport=dict(zip(("width", "height"), WIDTHS[width], strict=True)))
    page = context.new_page()
    problems = []
    try:
        for rank in policy.ranks:
            where = f"/{url_prefix(language)}self-check/{rank.id}/"
            assert page.goto(site_server + where).ok, where
            names = [squeeze(name) for _, name in ax_roles(page, "table.self-check-table", "radio")]
            items = [
                squeeze(f"{sep['paren_open']}{item.name[language]}{sep['paren_close']}") for item in rank.table.items
            ]
            expected = [squeeze(f"{n} {meaning}") + item for item in items for n, meaning in meanings.items()]
            wrong = [(name, should) for name, should in zip(names, expected, strict=False) if name != should]
            if wrong or len(names) != len(expected):
                problems.append(f"{where}: {len(names)} radios, {len(expected)} expected; named {wrong[:3]} …")
            page.evaluate(f"() => {LAST_ROW}.scrollIntoView({{block: 'end'}})")
            scrolled = look_around(page, f"[...{LAST_ROW}.querySelectorAll('input[type=radio]')].map(around)")
            page.evaluate(UNDER_THE_HEADER)
            page.keyboard.press("Shift+Tab")
            focused = look_around(page, f"[document.activeElement].filter(e => {LAST_ROW}.contains(e)).map(around)")
            assert len(scrolled) == 5 and len(focused) == 1, (where, scrolled, focused)
            for how, seen in (("scrolled to", scrolled), ("with the keyboard", focused)):
                for circle in seen:
                    n, meaning = circle["value"], squeeze(meanings[circle["value"]])
                    if not (circle["circle"] and n in circle["under"] and meaning in circle["under"] + circle["above"]):
                        problems.append(f"{where} last row {how}, circle {n}: {circle}")
    finally:
        context.close()
    assert not problems, f"at {width} width:\n" + "\n".join(problems)
