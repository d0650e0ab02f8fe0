"""What changed in the policy, from the repository's history: every commit on the current branch's first-parent
line that changed a data file of policy_data/, compared with its parent text by text.

Each text mapping ({ja, en}) is known by its file and field path (list entries with an id by that id, so an
inserted rank or item does not shift the others). A text whose Japanese changed is "changed", one whose English
alone changed is "translation"; texts appear and disappear as "added" and "removed", and an entity that comes or
goes (an initiative file, a rank, a talent, an orientation, a glossary term, a competency item) is named once
instead of every text it holds. The commits that created the data (until every data file exists, and up to the
day meta.yml's `published` gives) are one entry, the initial publication. Each commit's comparison is cached in
.cache/history/<sha>.json, so a build reads only the commits it has not seen. Without a history (no git, not a
work tree, a shallow clone) `site_history` says why.

Also here: the per-page dates, and when the Atom feeds of the same entries are published (handbook/feeds.py
writes them).
"""

from .diff import compare_file
from .read import read_history, site_history
from .records import (
    CACHE,
    CHANGES_PAGE,
    DATA,
    FEED_FILE,
    TIME_ZONE,
    EntityChange,
    Entry,
    History,
    TextChange,
    feeds_published,
    format_date,
)

__all__ = [
    "CACHE",
    "CHANGES_PAGE",
    "DATA",
    "FEED_FILE",
    "TIME_ZONE",
    "EntityChange",
    "Entry",
    "History",
    "TextChange",
    "compare_file",
    "feeds_published",
    "format_date",
    "read_history",
    "site_history",
]
