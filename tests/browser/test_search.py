"""Search in the header, in a real browser: the query suite of both languages, the keyboard, and the same
tokens in the browser as in the index."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from handbook.model import LANGUAGES
from handbook.search_index import everyday_terms, japanese_tokens
from handbook.site import PageSpec, url_prefix

SUITE = yaml.safe_load((Path(__file__).with_name("search_queries.yml")).read_text(encoding="utf-8"))
# Everyday phrasings of handbook/search_terms.yml join the suite: each must find the page it is given for.
for _path, _phrasings in everyday_terms().items():
    for _language, _queries in _phrasings.items():
        SUITE[_language] += [{"query": q, "expect": PageSpec(_path, "", None).url} for q in _queries]
LATENCY: dict[str, list[float]] = {}


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
    for text in samples:
        assert page.evaluate("t => window.handbookSearchTokens(t)", text) == japanese_tokens(text), text
