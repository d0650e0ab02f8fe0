"""Search in the header, in a real browser: the query suite of both languages, the held-out everyday
queries, the tools found by name, what it says when it finds nothing or cannot search, the keyboard, and
the same tokens in the browser as in the index."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from handbook.model import LANGUAGES
from handbook.search_index import everyday_terms
from handbook.search_tokens import japanese_tokens
from handbook.site import PageSpec, url_prefix
from handbook.ui import label

SUITE = yaml.safe_load((Path(__file__).with_name("search_queries.yml")).read_text(encoding="utf-8"))
# Every everyday phrasing of handbook/search_terms.yml must find the page it is given for.
EVERYDAY = {
    language: [
        {"query": q, "expect": PageSpec(path, "", None).url}
        for path, phrasings in everyday_terms().items()
        for q in phrasings.get(language, [])
    ]
    for language in LANGUAGES
}
# Queries written from the page titles alone, without looking at the hand list or the index (see each
# file's header for how they were made and what they scored).
HELD_OUT = {
    name: yaml.safe_load((Path(__file__).with_name(name)).read_text(encoding="utf-8"))
    for name in ("search_heldout.yml", "search_heldout_2.yml")
}
LATENCY: dict[str, list[float]] = {}
SEARCH = "assets/js/search/"  # the search's modules, from the site's root


@pytest.fixture(scope="module")
def page(browser):
    context = browser.new_context()
    yield context.new_page()
    context.close()


def top_results(page, site_server: str, language: str, query: str) -> list[str]:
    home = f"{site_server}/{url_prefix(language)}"
    if page.url != home:
        page.goto(home)
    box = page.locator("#hb-search-input")
    box.fill("")
    started = page.evaluate("performance.now()")
    box.fill(query)  # the last keystroke
    shown = page.wait_for_function(
        "q => document.querySelector('[data-hb-search]').getAttribute('data-results-for') === q"
        " && !document.querySelector('.hb-search__panel').hidden && performance.now()",
        arg=query,
    ).json_value()
    LATENCY.setdefault(language, []).append(shown - started)
    hrefs = page.eval_on_selector_all(".hb-search__link", "links => links.slice(0, 5).map(a => a.getAttribute('href'))")
    # the results link from the host's root, through the folder the site is served in: given from the site's root
    folder = urlsplit(site_server).path
    assert all(href.startswith(f"{folder}/") for href in hrefs), hrefs
    return [href.removeprefix(folder) for href in hrefs]


@pytest.mark.parametrize("language", LANGUAGES)
def test_query_suite(page, site_server, language):
    """Every query of the suite finds its page among the first five results."""
    misses = []
    for case in SUITE[language]:
        results = top_results(page, site_server, language, case["query"])
        if f"/{url_prefix(language)}{case['expect']}" not in results:
            misses.append(f"{case['query']!r}: wanted {case['expect']}, got {results}")
    passed = len(SUITE[language]) - len(misses)
    # from the last keystroke to the results shown, once the index is loaded (the first query loads it)
    latency = sorted(LATENCY[language][1:])
    print(
        f"\n{language}: {passed}/{len(SUITE[language])} queries find their page in the top five; results shown "
        f"{latency[len(latency) // 2]:.0f} ms after the last keystroke (median; slowest {latency[-1]:.0f} ms)"
    )
    assert not misses, "\n".join(misses)


def first_five(page, site_server: str, language: str, queries: list[str]) -> list[list[str]]:
    """The first five results' addresses for each query, asked all at once of the function the search box
    itself uses (find() of the page's own module): the same results, without typing each query and waiting."""
    home = f"{site_server}/{url_prefix(language)}"
    if page.url != home:
        page.goto(home)
    found = page.evaluate(
        "([module, queries]) => import(module).then(({find}) => Promise.all(queries.map(q => find(q).then(found =>"
        " Promise.all(found.results.slice(0, 5).map(r => r.data())).then(pages => pages.map(p => p.url))))))",
        [f"{site_server}/{SEARCH}find.js", queries],
    )
    # the results link from the host's root, through the folder the site is served in: given from the site's root
    folder = urlsplit(site_server).path
    return [[url.removeprefix(folder) for url in urls] for urls in found]


@pytest.mark.parametrize("language", LANGUAGES)
def test_everyday_phrasings_find_their_page(page, site_server, language):
    """Every phrasing of the hand list finds its page among the first five results."""
    cases = EVERYDAY[language]
    found = first_five(page, site_server, language, [case["query"] for case in cases])
    misses = [
        f"{case['query']!r}: wanted {case['expect']}, got {results}"
        for case, results in zip(cases, found, strict=True)
        if f"/{url_prefix(language)}{case['expect']}" not in results
    ]
    assert not misses, "\n".join(misses)


@pytest.mark.parametrize("name", HELD_OUT)
def test_held_out_queries_find_their_page(page, site_server, name):
    """At least nine in ten of each set of held-out everyday queries find one of their pages in the first five."""
    misses, total = [], 0
    for language in LANGUAGES:
        cases = HELD_OUT[name][language]
        queries = [case["query"] for case in cases]
        for case, results in zip(cases, first_five(page, site_server, language, queries), strict=True):
            wanted = case["expect"] if isinstance(case["expect"], list) else [case["expect"]]
            if not {f"/{url_prefix(language)}{url}" for url in wanted} & set(results):
                misses.append(f"{language} {case['query']!r}: wanted {wanted}, got {results}")
        total += len(cases)
    print(f"\n{name}: {total - len(misses)}/{total} find their page in the first five; missed:\n" + "\n".join(misses))
    assert len(misses) <= total // 10, "\n".join(misses)


@pytest.mark.parametrize(
    ("language", "query", "tool"),
    [
        ("ja", "自己チェックシート", "self-check/"),
        ("ja", "比較", "compare/"),
        ("en", "self-check", "self-check/"),
        ("en", "compare", "compare/"),
    ],
)
def test_a_tool_is_found_first_by_its_name(page, site_server, language, query, tool):
    """Even "compare", which the accessibility statement's test tables name many times: they are left out of the
    index (data-search-exclude)."""
    first = top_results(page, site_server, language, query)[0]
    assert first.startswith(f"/{url_prefix(language)}{tool}"), first
    if tool == "compare/":
        assert first == f"/{url_prefix(language)}{tool}"  # the page that offers every comparison


def test_nothing_found_offers_a_way_on(page, site_server):
    """No result: the status says so, and links to the initiatives and the explorer follow it."""
    ways = page.locator(".hb-search__ways")
    top_results(page, site_server, "ja", "心理的安全性")
    assert ways.is_hidden()
    assert top_results(page, site_server, "ja", "ゑゐゑゐ") == []
    assert page.text_content(".hb-search__status") == label("search_none")["ja"]
    assert ways.is_visible()
    links = ways.locator("a")
    assert links.all_text_contents() == [label("initiatives")["ja"], label("explorer")["ja"]]
    links.nth(1).click()
    page.wait_for_url(f"{site_server}/explorer/")


def test_words_apart_and_pages_with_some_of_them(page, site_server):
    """A query whose words stand apart in the text (with a particle between) still finds the page; one whose
    words are on no page together finds the pages with some of them, and says so."""
    assert "/initiatives/029/" in top_results(page, site_server, "ja", "男性の育児休業")
    assert not page.text_content(".hb-search__status").startswith(label("search_partial")["ja"])
    assert top_results(page, site_server, "ja", "運転士 育児休業")
    assert page.text_content(".hb-search__status").startswith(label("search_partial")["ja"])


def test_search_from_disk_says_it_cannot(browser, built_site):
    """Opened as files, a browser loads no module (pagefind.js): the box says to open the site through a web
    server, and nothing fails unseen in the console."""
    context = browser.new_context()
    disk = context.new_page()
    errors = []
    disk.on("pageerror", lambda error: errors.append(str(error)))
    disk.goto((built_site / "index.html").as_uri())
    disk.fill("#hb-search-input", "評価")
    disk.wait_for_function("document.querySelector('[data-hb-search]').getAttribute('data-results-for') === '評価'")
    assert disk.text_content(".hb-search__status") == label("search_offline")["ja"]
    assert disk.locator(".hb-search__results li").count() == 0
    assert not errors
    context.close()


def test_suite_is_large_enough():
    assert len(SUITE["ja"]) + len(SUITE["en"]) >= 40 and len(SUITE["ja"]) >= 20 and len(SUITE["en"]) >= 20


def test_each_language_searches_its_own_pages(page, site_server):
    english = f"/{url_prefix('en')}"
    assert all(not href.startswith(english) for href in top_results(page, site_server, "ja", "評価"))
    assert all(href.startswith(english) for href in top_results(page, site_server, "en", "evaluation"))


def test_results_open_with_the_keyboard(page, site_server):
    top_results(page, site_server, "ja", "運転士")
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("#hb-search-input", "aria-activedescendant") == "hb-search-option-0"
    page.keyboard.press("Enter")
    page.wait_for_url("**/ranks/**")


def test_browser_and_python_tokenise_alike(page, site_server):
    """The query is tokenised in the browser exactly as the index was in Python."""
    page.goto(f"{site_server}/")
    samples = [
        "心理的安全性",
        "ワーク・ライフ・バランス",
        "K-ボックス",
        "1on1ミーティング",
        "ﾃﾞｼﾞﾀﾙ人材",
        "ＥＢＰＭ",
        "課",
        "ヒューマンスキル（対人関係能力）",
        "々",
    ]
    found = page.evaluate(
        "([module, samples]) => import(module).then(({japaneseTokens}) => samples.map(japaneseTokens))",
        [f"{site_server}/{SEARCH}tokens.js", samples],
    )
    for text, tokens in zip(samples, found, strict=True):
        assert tokens == japanese_tokens(text), text
