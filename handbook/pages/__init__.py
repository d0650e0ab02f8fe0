"""The kinds of page the handbook has, each declared once, in a module of this package: its pages (with their
place in the navigation), the names its template needs, whether search indexes it and with what words, and whether
it only shows data that stands on other pages.

A kind's template is templates/<name>.md.j2 and its words are in ui.yml. Adding a kind is a module here (with a
KINDS list), its template and its words: the site's pages, navigation, renderer and search index find it here.
Which pages show a given place of the data is the addresses' business (handbook/addresses.py).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .. import addresses
from ..model import Policy, Text
from ..ui import label

if TYPE_CHECKING:
    from ..render import PageRenderer


@dataclass(frozen=True)
class PageSpec:
    path: str  # source path relative to docs/, e.g. "ranks/chief.md" (handbook/addresses.py)
    kind: str  # its PageKind's name, e.g. "rank"
    title: Text  # the page's title in both languages
    entity: Any = field(default=None, compare=False)  # what it shows: a Rank, an Initiative, (lower, upper) …
    in_nav: bool = True  # False for pages reached only through links (there are too many)

    @property
    def url(self) -> str:
        """The page's address relative to the site root, with directory URLs."""
        return addresses.url(self.path)


def _no_context(renderer: PageRenderer, spec: PageSpec) -> dict:
    return {}


def _no_words(policy: Policy, spec: PageSpec, language: str) -> list[str]:
    return []


@dataclass(frozen=True)
class PageKind:
    name: str  # its template is templates/<name>.md.j2
    place: float  # where its pages stand in the navigation (and in the order of pages)
    # ui.yml's key of the navigation section its pages are listed under; None: each page is an entry of its own
    section: str | None = None
    path: str | None = None  # the one page of a kind that has one page (handbook/addresses.py)
    title: str | None = None  # ui.yml's key of that page's title (default: the kind's name)
    # the pages of a kind that has one per entity (in_nav False: reached through links only)
    pages: Callable[[Policy], list[PageSpec]] | None = None
    in_nav: bool = True
    context: Callable[[PageRenderer, PageSpec], dict] = _no_context  # names its template needs besides the common ones
    indexed: bool = True  # in the search index (handbook/search_index.py)
    keywords: Callable[[Policy, PageSpec, str], list[str]] = _no_words  # words that find it besides its title
    # A tool, found by its name (a ui.yml key, weighted as a title) and by what it is for (ui.yml keys: also the
    # result's excerpt), not by its body, which only repeats what other pages are about (a self-check sheet its
    # rank's items, the explorer every item).
    tool: tuple[str, tuple[str, ...]] | None = None
    # Shows the competencies again in another arrangement: a competency's change counts for its pages, but the
    # changes page and the feeds link the rank and item pages.
    derived: bool = False
    # Part of the whole handbook's PDF (handbook/book.py): not the tools, nor the pages about the site itself.
    in_book: bool = True
    # The script modules its pages load (overrides/assets/js/<name>.js, handbook/page_scripts.py): those of the
    # controls its template has (a scrolling table, a print button, the growth record, the explorer's filters).
    scripts: tuple[str, ...] = ()
    # Its printout names the policy and its revision at the top, not only the site and the page's address: what a
    # staff member takes to an interview (a rank's page, a self-check sheet).
    prints_policy: bool = False

    def specs(self, policy: Policy) -> list[PageSpec]:
        if self.pages is not None:
            return self.pages(policy)
        return [PageSpec(self.path, self.name, label(self.title or self.name), in_nav=self.in_nav)]


@lru_cache(maxsize=1)
def kinds() -> dict[str, PageKind]:
    """Every kind, by name, in the order of the navigation: the KINDS of each module of this package."""
    found = []
    for module in pkgutil.iter_modules(__path__):
        found += importlib.import_module(f"{__name__}.{module.name}").KINDS
    names = [kind.name for kind in found]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise ValueError(f"page kinds declared twice: {', '.join(sorted(duplicates))}")
    return {kind.name: kind for kind in sorted(found, key=lambda kind: kind.place)}


def kind_of(spec: PageSpec) -> PageKind:
    return kinds()[spec.kind]
