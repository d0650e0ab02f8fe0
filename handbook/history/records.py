"""What the history holds: the entries of the changes page and their changes, the constants of reading it, and
the dates staff read."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .. import addresses
from ..model import LANGUAGES, Text
from ..ui import label

DATA = "policy_data"
CACHE = Path(".cache") / "history"
CACHE_VERSION = 2  # raise when what is cached per commit changes
# The dates staff read are Kumamoto's: commits are shown in Japan Standard Time whatever the committer's zone.
TIME_ZONE = timezone(timedelta(hours=9), "JST")
NOT_SHOWN_FILES = {"terminology.yml"}  # the translators' term list: no page shows it as such
NOT_SHOWN_FIELDS = {"source_note"}  # maintainers' notes (the editor-notes page), never on staff pages
FEED_FILE = "changes.xml"  # each language's Atom feed, in the language's folder (handbook/feeds.py)
CHANGES_PAGE = addresses.CHANGES


@dataclass(frozen=True)
class TextChange:
    kind: str  # changed | translation | added | removed
    file: str  # relative to policy_data/, e.g. "competencies.yml"
    field: str  # e.g. "tables[0].groups[2].items[1].description"
    pages: tuple[str, ...]  # every page that shows the text, the one where it stands first
    old: Text | None
    new: Text | None
    context: Text | None = None  # the name of what the text belongs to (an item, a rank), if it is not that name


@dataclass(frozen=True)
class EntityChange:
    kind: str  # added | removed
    what: str  # initiative | rank | talent | orientation | term | item
    key: str
    name: Text
    pages: tuple[str, ...]


@dataclass
class Entry:
    """One published change: a commit (or, for the initial publication, the commits that created the data)."""

    sha: str
    date: datetime
    title: str  # the commit's message (the pull request's title), as it was written
    revision: Text | None  # meta.yml's revision at that commit
    initial: bool = False
    texts: list[TextChange] = field(default_factory=list)
    entities: list[EntityChange] = field(default_factory=list)
    english_title: str = ""  # the title's English form ("English: …" in the message), "" when it has none
    _pages: dict = field(default_factory=dict, repr=False, compare=False)  # pages_in, by language

    @property
    def anchor(self) -> str:
        return f"change-{self.sha[:10]}"

    def title_in(self, language: str) -> str:
        """The title for a page of the language: the English form on English pages when the merge gave one."""
        return self.english_title if language != LANGUAGES[0] and self.english_title else self.title

    def title_untranslated(self, language: str) -> bool:
        """A title in Japanese only, on a page of another language (shown marked as Japanese)."""
        return language != LANGUAGES[0] and not self.english_title and not self.initial

    @property
    def pages(self) -> set[str]:
        """The pages (source paths, no fragment) whose content this change touched."""
        return self.pages_in(None)

    def pages_in(self, language: str | None) -> set[str]:
        """The pages whose content changed in a language (an English-only change leaves the Japanese as it was)."""
        if language not in self._pages:
            changes = [*self.entities, *(c for c in self.texts if c.kind != "translation" or language != LANGUAGES[0])]
            self._pages[language] = {page.partition("#")[0] for change in changes for page in change.pages}
        return self._pages[language]


@dataclass
class History:
    entries: list[Entry]  # newest first
    reason: str | None = None  # why there is no history, when there is none

    @property
    def available(self) -> bool:
        return self.reason is None

    def entries_for(self, page: str, language: str | None = None) -> list[Entry]:
        """The entries that changed a page (source path), newest first; the initial publication counts for every
        page. In a language, a translation change counts for the translations' pages only."""
        page = page.partition("#")[0]
        return [entry for entry in self.entries if entry.initial or page in entry.pages_in(language)]


def feeds_published(history: History, site_url: str | None) -> bool:
    """Whether the site offers the feeds: only with a history to tell and the site's address (mkdocs.yml site_url)
    to write their links with. A feed's links must be absolute: a feed reader shows the entries away from the feed,
    and without the address there is none to give."""
    return history.available and bool(site_url)


def format_date(date: datetime, language: str) -> str:
    """29 November 2026 / 2026年11月29日, as ui.yml's date_format says."""
    months = label("month_names")[language].split()
    return label("date_format")[language].format(
        year=date.year, month=date.month, day=date.day, month_name=months[date.month - 1]
    )
