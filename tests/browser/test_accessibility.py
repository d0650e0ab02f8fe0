"""Accessibility of the main kinds of page, in both languages, in a real browser (JIS X 8341-3:2016 AA, the
same criteria as WCAG 2.0 AA).

Two rules engines, vendored in tests/browser/vendor (see its README), check each kind of page at 1280 and
390 px: axe-core against the WCAG 2.0 and 2.1 A and AA rules on every audited page at both widths, and IBM
Equal Access against its WCAG_2_1 policy at one width per language (IBM_WIDTHS). Any violation fails. What
they found, rule by rule and criterion by criterion, goes to the handbook's accessibility statement
(tests/accessibility_record.py). Besides the engines: the page's language, one h1 and no skipped heading
level, charts with a text alternative, and the explorer and the rank-comparison picker used with the
keyboard alone.
"""

from __future__ import annotations

import re

import engines
import pytest
from pages_at_once import TALL_HEADER_TITLES, WIDTH_OF_PAGE, visit_all

import accessibility_record
from handbook.model import LANGUAGES
from handbook.site import url_prefix

ACE_VERSION = "4.0.34"  # the vendored file's (vendor/README.md)
IBM_POLICY = "WCAG_2_1"
FAILING_IMPACTS = {"serious", "critical"}
# The kinds of page the engines audit: home, a rank, an initiative, the explorer, a comparison, an item
# history, the indicators, a self-check sheet, the glossary, the role flow (its ladder chart and the table
# with two rows of headings), the initiatives' index and the 404 page, once: it serves both.
AUDITED = [
    "",
    "ranks/chief/",
    "initiatives/001/",
    "explorer/",
    "compare/staff--senior-staff/",
    "items/psychological-safety/",
    "indicators/",
    "self-check/chief/",
    "glossary/",
    "role-flow/",
    "initiatives/",
]
PAGES = ["", "ranks/chief/", "initiatives/001/", "explorer/", "compare/staff--senior-staff/", "indicators/"]
# Pages with charts, for the chart checks (the Katz model is drawn on the role-flow page).
CHART_PAGES = ["indicators/", "role-flow/"]
WIDTHS = {"desktop": 1280, "phone": 390}
# IBM's engine takes three times axe's time (it matches every focusable element against every style rule), so
# it checks each page at one width, by language: Japanese pages as a phone shows them, English ones as a
# desktop does. Both languages share their templates and styles, so each kind of page still meets it at both
# widths; what differs between the widths of one page is which elements are shown, and axe sees both.
IBM_WIDTHS = {"ja": [WIDTHS["phone"]], "en": [WIDTHS["desktop"]]}
AXE_NAME, IBM_NAME = "axe-core", "IBM Equal Access (accessibility-checker-engine)"


@pytest.fixture(scope="module")
def page(browser):
    """One page for the whole module: each test opens the addresses it needs."""
    context = browser.new_context(viewport={"width": WIDTHS["desktop"], "height": 900})
    page = context.new_page()
    yield page
    context.close()


def visit(page, site_server: str, language: str, path: str, width: int = WIDTHS["desktop"]) -> str:
    """Open a page of the site at a width; returns its address relative to the site root."""
    where = f"/{url_prefix(language)}{path}"
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(site_server + where)
    assert response is not None and response.ok, where
    return where


def axe(page, within: str = "document") -> list[dict]:
    """axe's violations of the WCAG 2.0/2.1 A and AA rules on the open page (or within a selector)."""
    page.add_script_tag(url=engines.address(page.url, engines.AXE))
    script = f"tags => axe.run({within}, {{runOnly: {{type: 'tag', values: tags}}, resultTypes: ['violations']}})"
    return page.evaluate(script, engines.WCAG_TAGS)["violations"]


def describe(violations: list[dict]) -> str:
    """Every violation with its nodes, as a reader needs them to find and fix each one."""
    lines = []
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"]:
            lines.append(f"      at {' '.join(map(str, node['target']))}")
            lines.append(f"         {node['html'][:300]}")
            for summary_line in (node.get("failureSummary") or "").splitlines():
                lines.append(f"         {summary_line}")
    return "\n".join(lines)


def report(found: dict[str, list[dict]]) -> str:
    """Violations by page; prints them all (of any impact) and returns the failing ones as one message."""
    for where, violations in found.items():
        if violations:
            print(f"axe on {where}:\n{describe(violations)}")
    failing = {where: [v for v in vs if v["impact"] in FAILING_IMPACTS] for where, vs in found.items()}
    return "\n".join(f"{where}:\n{describe(vs)}" for where, vs in failing.items() if vs)


# Both engines tally their results in the page and send back only counts and failures: the explorer alone
# yields some 19,000 IBM results, and carrying each one to Python cost a quarter of the audit's time.
# axe leaves text as dark as its background (a contrast of 1:1) "incomplete", as it might be hidden on purpose;
# here nothing is, so such text is invisible by mistake (the initiatives' step links once were) and fails.
RUN_AXE = """tags => axe.run(document,
    {runOnly: {type: "tag", values: tags}, resultTypes: ["violations", "incomplete"]})
  .then(r => ({version: r.testEngine.version,
    violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, tags: v.tags,
      nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 200)}))})),
    invisible: r.incomplete.filter(v => v.id === "color-contrast").flatMap(v => v.nodes)
      .filter(n => n.any.some(check => check.data && check.data.messageKey === "equalRatio"))
      .map(n => ({target: n.target.join(" "), html: n.html.slice(0, 200)})),
    passes: r.passes.map(v => ({id: v.id, tags: v.tags}))}))"""
# IBM's engine asks each focusable element whether it matches every selector of the page's style sheets, with
# pseudo-elements cut off wrongly (`a::before` becomes `a:`): 163 invalid selectors, each answered by the browser
# with a new SyntaxError, a fifth of the engine's time. While it runs, an invalid selector is answered with the
# error the browser gave the first time; valid ones still go to the browser. Its answers stay the same.
RUN_ACE = """async policy => {
  const matches = Element.prototype.matches, invalid = new Map();
  Element.prototype.matches = function (selector) {
    const known = invalid.get(selector);
    if (known) throw known;
    try { return matches.call(this, selector); } catch (error) { invalid.set(selector, error); throw error; }
  };
  const checker = new ace.Checker();
  let report;
  try { report = await checker.check(document, [policy]); } finally { Element.prototype.matches = matches; }
  const rules = {};
  for (const guideline of checker.getGuidelines()) {
    if (guideline.id !== policy) continue;
    for (const checkpoint of guideline.checkpoints) {
      for (const rule of checkpoint.rules || []) (rules[rule.id] = rules[rule.id] || []).push(checkpoint.num);
    }
  }
  const tally = {}, failures = [];
  for (const r of report.results) {
    if (r.value[1] !== "PASS" && r.value[1] !== "FAIL") continue;
    const failed = r.value[0] === "VIOLATION" && r.value[1] === "FAIL";
    const counts = (tally[r.ruleId] = tally[r.ruleId] || {passed: 0, failed: 0});
    counts[failed ? "failed" : "passed"] += 1;
    if (failed) failures.push({rule: r.ruleId, message: r.message, path: r.path.dom, snippet: r.snippet.slice(0, 200)});
  }
  return {rules, tally, failures};
}"""
CRITERION_TAG = re.compile(r"^wcag(\d)(\d)(\d+)$")


@pytest.fixture(scope="module")
def audit(site_server):
    """Both engines on each audited page of both languages, at each width, in two tabs at once; and the width
    the page takes there."""
    ibm_widths = {f"/{url_prefix(language)}{path}": IBM_WIDTHS[language] for language in LANGUAGES for path in AUDITED}
    ibm_widths["/404.html"] = list(WIDTHS.values())  # one page for both languages

    async def visit(page, address):
        await page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})
        response = await page.goto(site_server + address)
        assert response is not None and response.ok, address
        await page.add_script_tag(url=engines.address(page.url, engines.AXE))
        await page.add_script_tag(url=engines.address(page.url, engines.ACE))
        found = {}
        for width in WIDTHS.values():
            await page.set_viewport_size({"width": width, "height": 900})
            await page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
            found[width] = {
                "page width": await page.evaluate(WIDTH_OF_PAGE),
                "tall header titles": await page.evaluate(TALL_HEADER_TITLES),
                "axe": await page.evaluate(RUN_AXE, engines.WCAG_TAGS),
            }
            if width in ibm_widths[address]:
                found[width]["ibm"] = await page.evaluate(RUN_ACE, IBM_POLICY)
        return found

    return visit_all(list(ibm_widths), visit)


def criteria_of_axe(tags: list[str]) -> list[str]:
    return [".".join(m.groups()) for m in map(CRITERION_TAG.match, tags) if m]


def test_both_engines_find_no_violation(audit, record_property):
    """No violation of any impact (axe) or any IBM rule (policy WCAG_2_1), on any audited page or width;
    what they checked is recorded, criterion by criterion, for the accessibility statement."""
    failing, criteria, axe_version = [], {}, None

    def count(numbers, engine, key, times=1):
        for number in numbers:
            found = criteria.setdefault(number, {}).setdefault(engine, {"passed": 0, "failed": 0})
            found[key] += times

    for address, by_width in sorted(audit.items()):
        for width, found in by_width.items():
            axe_version = found["axe"]["version"]
            for rule in found["axe"]["passes"]:
                count(criteria_of_axe(rule["tags"]), AXE_NAME, "passed")
            for violation in found["axe"]["violations"]:
                count(criteria_of_axe(violation["tags"]), AXE_NAME, "failed")
                nodes = "; ".join(f"{n['target']}: {n['html']}" for n in violation["nodes"][:3])
                failing.append(
                    f"{address} ({width} px), axe {violation['id']} [{violation['impact']}]: "
                    f"{violation['help']}: {nodes}"
                )
            failing += [
                f"{address} ({width} px), axe color-contrast: text as dark as its background, invisible: "
                f"{node['target']}: {node['html']}"
                for node in found["axe"]["invisible"]
            ]
            if "ibm" not in found:
                continue
            rules = found["ibm"]["rules"]
            for rule, tally in found["ibm"]["tally"].items():
                for key, times in tally.items():
                    count(rules.get(rule, []), "IBM Equal Access", key, times)
            failing += [
                f"{address} ({width} px), IBM {f['rule']}: {f['message']} at {f['path']}: {f['snippet']}"
                for f in found["ibm"]["failures"]
            ]
    record_property(
        accessibility_record.ENGINES,
        {
            "engines": {AXE_NAME: axe_version, IBM_NAME: ACE_VERSION},
            "pages": sorted(audit),
            "widths": {
                AXE_NAME: {language: list(WIDTHS.values()) for language in LANGUAGES},
                IBM_NAME: IBM_WIDTHS,
            },
            "criteria": criteria,
        },
    )
    assert not failing, f"{len(failing)} accessibility violations:\n" + "\n".join(failing)


def test_no_kind_of_page_scrolls_sideways_on_a_desktop_or_a_phone(audit):
    """Each kind of page fits the desktop's and the phone's screen (every page is measured at 320 px in
    test_every_page.py; a style for wide screens only would show here)."""
    too_wide = [
        f"{address}: {found['page width']} px wide on a {width} px screen"
        for address, by_width in sorted(audit.items())
        for width, found in by_width.items()
        if found["page width"] > width
    ]
    assert not too_wide, "\n".join(too_wide)


def test_no_kind_of_page_has_a_header_title_taller_than_the_header(audit):
    """The header's titles (the site's and the page's) stay on the header's one line on each kind of page at
    the phone's and the desktop's width (every page at 320 px: test_every_page.py). The desktop's header is as
    wide at 1280 px as at 1366 px, a common office laptop's screen: Material's grid stops at 1220 px."""
    too_tall = [
        f"{address} at {width} px: {title}"
        for address, by_width in sorted(audit.items())
        for width, found in by_width.items()
        for title in found["tall header titles"]
    ]
    assert not too_tall, "\n".join(too_tall)


@pytest.mark.parametrize("language,query", [("ja", "心理的安全性"), ("en", "evaluation"), ("ja", "ゑゐゑゐ")])
def test_axe_with_search_results_open(page, site_server, language, query):
    """The header search's results (a combobox and its listbox), open with an option selected; and, for a
    query that finds nothing, the panel that offers a way on."""
    where = visit(page, site_server, language, "")
    page.fill("#hb-search-input", query)
    page.wait_for_function(
        "q => document.querySelector('[data-hb-search]').getAttribute('data-results-for') === q", arg=query
    )
    page.keyboard.press("ArrowDown")
    failing = report({f"the search results of {where}": axe(page, within="'[data-hb-search]'")})
    assert not failing, "serious or critical accessibility violations:\n" + failing


HEADINGS = """() => {
  const article = document.querySelector("article");
  return {
    lang: document.documentElement.lang,
    h1: document.querySelectorAll("h1").length,
    headings: article ? [...article.querySelectorAll("h1, h2, h3, h4, h5, h6")]
      .filter(h => !h.closest("[hidden]"))
      .map(h => [Number(h.tagName[1]), h.textContent.trim().slice(0, 60)]) : null,
  };
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_and_heading_outline(page, site_server, language):
    faults = []
    for path in PAGES:
        where = visit(page, site_server, language, path)
        outline = page.evaluate(HEADINGS)
        headings = outline["headings"]
        if outline["lang"] != language:
            faults.append(f"{where}: <html lang> is {outline['lang']!r}")
        if outline["h1"] != 1:
            faults.append(f"{where}: {outline['h1']} h1 elements")
        if not headings:
            faults.append(f"{where}: no <article>, or no heading in it")
            continue
        if headings[0][0] != 1:
            faults.append(f"{where}: the article starts with h{headings[0][0]}, not h1")
        faults += [
            f"{where}: skipped heading level h{a} '{ta}' → h{b} '{tb}'"
            for (a, ta), (b, tb) in zip(headings, headings[1:], strict=False)
            if b > a + 1
        ]
    assert not faults, "\n".join(faults)


CHARTS = """() => [...document.querySelectorAll("article svg")].map(svg => {
  const ids = (svg.getAttribute("aria-labelledby") || "").split(/\\s+/).filter(Boolean);
  const named = ids.map(id => document.getElementById(id));
  return {
    chart: svg.getAttribute("class"),
    hidden: svg.getAttribute("aria-hidden") === "true",
    role: svg.getAttribute("role"),
    labelledby: ids,
    firstIsTitle: !!named[0] && named[0].tagName.toLowerCase() === "title" && svg.contains(named[0]),
    name: named.filter(Boolean).map(e => e.textContent.trim()).join(" "),
    titleText: (svg.querySelector(":scope > title") || {textContent: ""}).textContent.trim(),
  };
})"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_charts_have_a_text_alternative(page, site_server, language):
    for path in CHART_PAGES:
        where = visit(page, site_server, language, path)
        charts = [c for c in page.evaluate(CHARTS) if not c["hidden"]]
        assert charts, f"{where}: no chart found on the page"
        for chart in charts:
            assert chart["role"] == "img", (where, chart)
            assert chart["labelledby"], (where, chart)
            assert chart["firstIsTitle"], (
                f"{where}: aria-labelledby does not point first at the chart's <title>: {chart}"
            )
            assert chart["titleText"] and chart["name"].startswith(chart["titleText"]), (where, chart)
            # The name the browser computes for it (what a screen reader announces) starts with that title.
            assert page.get_by_role("img", name=chart["titleText"]).count() >= 1, (where, chart)


def visible_rows(page) -> int:
    return page.eval_on_selector_all("[data-explorer] tbody tr", "rows => rows.filter(r => !r.hidden).length")


def tab_to(page, wanted: str, limit: int = 80) -> int:
    """Press Tab until the element matching `wanted` has the focus; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if page.evaluate("sel => document.activeElement && document.activeElement.matches(sel)", wanted):
            return presses
    raise AssertionError(
        f"{wanted} was not reached with {limit} presses of Tab; focus is on "
        + page.evaluate("document.activeElement && document.activeElement.outerHTML.slice(0, 200)")
    )


def skip_to_content(page) -> None:
    """The first Tab reaches Material's 'skip to content' link; Enter follows it, past the header and navigation."""
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")


@pytest.mark.parametrize("language", LANGUAGES)
def test_explorer_with_the_keyboard_only(page, site_server, policy, language):
    visit(page, site_server, language, "explorer/")
    total = sum(len(rank.table.items) for rank in policy.ranks)
    assert visible_rows(page) == total
    skip_to_content(page)
    tab_to(page, "#filter-rank")
    page.keyboard.press("ArrowDown")  # the first rank
    first_rank = policy.ranks[0]
    assert page.input_value("#filter-rank") == first_rank.id
    assert visible_rows(page) == len(first_rank.table.items)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # past the tier, to the orientation
    assert page.evaluate("document.activeElement.id") == "filter-orientation"
    page.keyboard.press("ArrowDown")  # the first orientation
    orientation = policy.orientations[0].id
    assert page.input_value("#filter-orientation") == orientation
    expected = sum(1 for group in first_rank.table.groups if group.orientation == orientation for _ in group.items)
    assert visible_rows(page) == expected > 0
    tab_to(page, "#filter-text", limit=3)
    word = first_rank.table.items[0].name[language].split()[0]
    page.keyboard.type(word)
    assert 0 < visible_rows(page) <= expected
    shown = page.inner_text("[data-explorer-count]")
    assert str(visible_rows(page)) in shown and str(total) in shown
    tab_to(page, "button[type=reset]", limit=3)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => [...document.querySelectorAll('[data-explorer] tbody tr')].filter(r => !r.hidden).length === n", arg=total
    )
    assert page.input_value("#filter-rank") == ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_comparison_picker_with_the_keyboard_only(page, site_server, policy, language):
    visit(page, site_server, language, "compare/")
    skip_to_content(page)
    tab_to(page, "#compare-from")
    ranks = [rank.id for rank in policy.ranks]
    # The picker starts on the two highest ranks; choose the same rank twice, then a real pair.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "compare-to"
    page.keyboard.press("ArrowDown")  # now the same rank as "from"
    assert page.input_value("#compare-to") == page.input_value("#compare-from")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    assert page.is_visible(".compare-error"), "choosing the same rank twice says so"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Home")  # the first rank of the list
    chosen = {page.input_value("#compare-from"), page.input_value("#compare-to")}
    assert page.input_value("#compare-to") == ranks[0] and len(chosen) == 2
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert set(page.url.rstrip("/").rsplit("/", 1)[1].split("--")) == chosen, page.url
    assert "/compare/" in page.url
    assert page.evaluate("document.documentElement.lang") == language
