"""What the handbook does to the pages a generator drew, and what it writes beside them.

Each page is finished in one pass (PageFinisher.page): the handbook's HTML blocks put back in place of their
placeholders, the theme's markup mended, text in the other language marked, Japanese phrase boundaries marked.
Then the site's outputs are written once (write_outputs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..book import copy_books
from ..exports import write_downloads
from ..feeds import write_feeds
from ..history import History
from ..model import LANGUAGES, Policy
from ..search_index import SearchIndexer
from ..sitemap import finish_sitemaps
from ..typography import PhraseBreaker, mark_other_language, policy_terms
from .blocks import put_back

# Material markup that its base template writes outside any block an override could replace:
# - the drawer's overlay is a <label> for a hidden checkbox with no text (a label of nothing to WCAG checkers);
#   it becomes a plain element, closed by overrides/assets/js/theme.js;
# - autocomplete="off" is not allowed on a checkbox;
# - icons (inline SVG, 24×24) inside buttons and links are decoration: their control is named by its text or
#   aria-label, so they are hidden from assistive technology;
# - Material's script fetches a sitemap.xml beside every <link rel="alternate"> of a page's head, and
#   static-i18n points those links at the page's twins, so every page view asked for two sitemaps that do not
#   exist (squidfunk/mkdocs-material#6582); the language menu in the header does not need them.
THEME_FIXES = [
    (
        re.compile(r'<label class="md-overlay" for="__drawer"(?: aria-hidden="true")?></label>'),
        '<div class="md-overlay" aria-hidden="true"></div>',
    ),
    (re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"'), r"\1"),
    (
        re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'),
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">',
    ),
    (re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">'), ""),
]

if TYPE_CHECKING:
    from .steps import Build

_breaker: tuple[Policy, PhraseBreaker] | None = None


def _phrase_breaker(policy: Policy) -> PhraseBreaker:
    """One per policy, kept across the builds of one process (the preview's rebuilds): its cache of phrases is
    most of what makes a rebuild fast."""
    global _breaker
    if _breaker is None or _breaker[0] is not policy:
        _breaker = (policy, PhraseBreaker(policy_terms(policy)))
    return _breaker[1]


class PageFinisher:
    """Finishes the pages of one build: created once, with the policy read once, and the blocks the build's
    pages set aside (filled as the pages are rendered)."""

    def __init__(self, policy: Policy, blocks: dict[str, str] | None = None):
        self.breaker = _phrase_breaker(policy)
        self.blocks = {} if blocks is None else blocks
        self.search: SearchIndexer | None = None  # set when the build makes the search index (Build.index_search)
        self._not_found: str | None = None

    def page(self, html: str, language: str, address: str | None = None) -> str:
        """A drawn page finished; with its address from the site root ("en/ranks/chief/"), it is also handed to the
        search index."""
        html = put_back(html, self.blocks)
        for pattern, replacement in THEME_FIXES:
            html = pattern.sub(replacement, html)
        html = self.breaker.break_html(mark_other_language(html, language))
        if self.search is not None and address is not None:
            self.search.add(address, html)
        return html

    def not_found_page(self, html: str, language: str) -> str:
        """The site's one 404 page (both languages in one page), which a generator may draw once per language:
        the first language's, finished, is kept."""
        if language == LANGUAGES[0] or self._not_found is None:
            self._not_found = self.page(html, LANGUAGES[0])
        return self._not_found


@dataclass(frozen=True)
class Outputs:
    """What write_outputs wrote, and its one line for the build's log."""

    downloads: int
    feeds: int  # 0 without the history or the site's address (the changes page says so)
    sitemaps: int  # 0 without the site's address
    indexed: int | None  # pages in the search index; None when the build made none (the preview's quick builds)
    history: History

    def summary(self) -> str:
        changes = (
            f"{len(self.history.entries)} entries, {self.feeds} Atom feeds"
            if self.feeds
            else f"no feeds ({self.history.reason or 'no site address'})"
        )
        index = f"{self.indexed} pages" if self.indexed is not None else "not made by this build"
        return f"Downloads: {self.downloads} files; what changed: {changes}; search index: {index}"


def write_outputs(build: Build, site_dir: Path) -> Outputs:
    """The downloads, the Atom feeds, the sitemaps and the search index (when the build makes one) of a drawn and
    finished site."""
    site_dir = Path(site_dir)
    downloads = write_downloads(build.policy, site_dir) + copy_books(site_dir)  # the PDFs, when the build has them
    feeds = write_feeds(build.history, build.policy, site_dir, build.site_url)
    sitemaps = finish_sitemaps(site_dir, build.site_url)
    search = build.finisher.search
    indexed = search.write(site_dir) if search is not None else None
    return Outputs(len(downloads), len(feeds), len(sitemaps), indexed, build.history)
