"""The script modules a page loads, and the words each shows.

The scripts are ES modules in overrides/assets/js/ (deferred: they never hold up the page's first paint). A
page loads only the entry modules its kind names (PageKind.scripts, handbook/pages/), each from a
<script type="module"> that overrides/main.html writes from the page's meta (Build.meta → page.meta, under either
generator), linked relative to the page and carrying the module's words from ui.yml as JSON (data-words, read by
overrides/assets/js/words.js). theme.js and the search, which every page and the 404 page need, are in
mkdocs.yml's extra_javascript instead.
"""

from __future__ import annotations

import json

from . import addresses
from .growth import MESSAGES as GROWTH_WORDS
from .pages import kinds
from .ui import label

FOLDER = "assets/js/"  # from the site's root

# every entry module a kind may name (its path in FOLDER, without .js) → the ui.yml keys of the words it shows
WORDS: dict[str, tuple[str, ...]] = {
    "tables": ("table_scrolls",),
    "print": (),
    "explorer": ("explorer_count",),
    "compare": (),
    "growth/main": GROWTH_WORDS,
}


def page_scripts(kind: str, language: str, here: str) -> list[dict[str, str]]:
    """The entry modules of a page of that kind at `here` (its address from the site root): each one's link from
    the page and its words in the page's language (JSON, "" when it shows none; the template escapes it)."""

    def words(name: str) -> str:
        table = {key: label(key)[language] for key in WORDS[name]}
        return json.dumps(table, ensure_ascii=False, separators=(",", ":")) if table else ""

    return [
        {"src": addresses.file_link(f"{FOLDER}{name}.js", here), "words": words(name)} for name in kinds()[kind].scripts
    ]
