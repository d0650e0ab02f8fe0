"""Page weight: what a first visit to a rank page downloads, and what the search loads once it is used.

Each visit starts in a fresh browser context (empty cache). Bytes are the uncompressed bodies of every
response (the test server sends no compression; a real server's gzip would only make them smaller).
The search index (Pagefind, under /pagefind/) must not be fetched until the search box is used.
(That nothing comes from another host is checked on every page by tests/site/test_links.py.)
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from handbook.model import LANGUAGES
from handbook.site import url_prefix

BUDGET = 600 * 1024  # bytes, first visit of a rank page, everything included
PAGE = "ranks/chief/"
QUERY = {"ja": "心理的安全性", "en": "psychological safety"}


class Traffic:
    """Every request and response of one page, from the moment it is attached."""

    def __init__(self, page):
        self.responses = []
        page.on("response", lambda response: self.responses.append(response))

    def mark(self) -> int:
        return len(self.responses)

    def bytes(self, since: int = 0, under: str = "") -> int:
        return sum(
            len(response.body())
            for response in self.responses[since:]
            if under in urlsplit(response.url).path and response.status < 300
        )

    def urls(self, since: int = 0) -> list[str]:
        return [response.url for response in self.responses[since:]]


def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


@pytest.fixture
def fresh_page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_rank_page_weight_and_lazy_search(fresh_page, site_server, language):
    page, where = fresh_page, f"/{url_prefix(language)}{PAGE}"
    traffic = Traffic(page)
    page.goto(site_server + where, wait_until="networkidle")

    first_visit = traffic.bytes()
    by_file = sorted(((len(r.body()), urlsplit(r.url).path) for r in traffic.responses if r.status < 300), reverse=True)
    print(f"\n{language}: first visit of {where}: {kib(first_visit)} in {len(by_file)} files")
    for size, path in by_file:
        print(f"    {kib(size):>10}  {path}")
    failed = [f"{r.status} {urlsplit(r.url).path}" for r in traffic.responses if r.status >= 400]
    if failed:
        # Material fetches sitemap.xml beside every <link rel=alternate>; static-i18n makes those links the
        # page's own twins, so these miss (squidfunk/mkdocs-material#6582). Not counted above.
        print(f"    error responses (not counted): {', '.join(failed)}")
    assert first_visit < BUDGET, f"{kib(first_visit)} is over the budget of {kib(BUDGET)}"
    assert not [url for url in traffic.urls() if "/pagefind/" in url], (
        "the search index was loaded before the search was used"
    )

    before_search = traffic.mark()
    page.focus("#hb-search-input")
    page.keyboard.type(QUERY[language])
    page.wait_for_function(
        "q => document.querySelector('[data-hb-search]').getAttribute('data-results-for') === q", arg=QUERY[language]
    )
    page.wait_for_load_state("networkidle")
    search = traffic.bytes(before_search, under="/pagefind/")
    fetched = [urlsplit(url).path for url in traffic.urls(before_search)]
    print(f"{language}: the query {QUERY[language]!r} loaded {kib(search)} from /pagefind/ in {len(fetched)} responses")
    assert search > 0 and all("/pagefind/" in path for path in fetched), fetched
    assert page.locator(".hb-search__link").count() > 0
