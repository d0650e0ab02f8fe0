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

Also here: the per-page dates and the Atom feeds of the same entries (one per language).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from difflib import SequenceMatcher
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .errors import field_name
from .load import INITIATIVE_DIR, REPOSITORY, SINGLE_FILES, page_of
from .model import LANGUAGES, Policy, Text
from .site import page_specs, url_prefix
from .ui import label, separators
from .yaml_source import read_yaml, text_mappings

DATA = "policy_data"
CACHE = Path(".cache") / "history"
CACHE_VERSION = 2  # raise when what is cached per commit changes
# The dates staff read are Kumamoto's: commits are shown in Japan Standard Time whatever the committer's zone.
TIME_ZONE = timezone(timedelta(hours=9), "JST")
NOT_SHOWN_FILES = {"terminology.yml"}  # the translators' term list: no page shows it as such
NOT_SHOWN_FIELDS = {"source_note"}  # maintainers' notes (the editor-notes page), never on staff pages
# Feed ids are tag: URIs (RFC 4151), the same wherever the site is served.
FEED_ID = "tag:city.kumamoto.jp,2024:staff-handbook/changes"
FEED_FILE = "changes.xml"
CHANGES_PAGE = "changes.md"
# Pages that only show the competencies again in another arrangement: a competency change counts for them, but
# the changes page links the rank and item pages.
DERIVED_KINDS = {"self_check", "comparison", "explorer"}


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


# --- reading the repository ----------------------------------------------------------------------------------


class _Git:
    def __init__(self, repository: Path):
        self.repository = repository
        self._batch: subprocess.Popen | None = None

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["git", "-C", str(self.repository), *args],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=True,
        )
        return result.stdout

    def blob(self, sha: str, path: str) -> bytes | None:
        """A file's content at a commit (git cat-file --batch: one process for every file read)."""
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "-C", str(self.repository), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        self._batch.stdin.write(f"{sha}:{path}\n".encode())
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().decode().split()
        if len(header) != 3:
            return None  # "<name> missing"
        content = self._batch.stdout.read(int(header[2]) + 1)[:-1]
        return content if header[1] == "blob" else None

    def close(self) -> None:
        if self._batch is not None:
            self._batch.stdin.close()
            self._batch.wait()
            self._batch = None


def _unavailable(repository: Path) -> str | None:
    """Why the repository has no usable history, or None."""
    if shutil.which("git") is None:
        return "git is not installed"
    try:
        top = subprocess.run(
            ["git", "-C", str(repository), "rev-parse", "--show-toplevel"], capture_output=True, text=True
        )
        if top.returncode != 0 or Path(top.stdout.strip()).resolve() != repository.resolve():
            said = top.stderr.strip().splitlines()[:1]  # e.g. git's "detected dubious ownership"
            return "not a git work tree (e.g. a copy from an archive)" + (f": {said[0]}" if said else "")
        shallow = subprocess.run(
            ["git", "-C", str(repository), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True
        )
        if shallow.stdout.strip() == "true":
            return "a shallow clone (fetch the full history, e.g. actions/checkout with fetch-depth: 0)"
        head = subprocess.run(
            ["git", "-C", str(repository), "rev-parse", "--verify", "-q", "HEAD"], capture_output=True, text=True
        )
        if head.returncode != 0:
            return "the repository has no commits"
    except OSError as error:
        return f"git could not be run ({error})"
    return None


def _is_data_file(path: str) -> bool:
    """policy_data/<file>.yml of the data (not schemas, source texts, the README or the translation lock)."""
    relative = path[len(DATA) + 1 :]
    return relative in SINGLE_FILES or (
        relative.startswith(INITIATIVE_DIR + "/") and relative.endswith(".yml") and relative.count("/") == 1
    )


class _Reader:
    """Data files of commits, parsed as the build parses them (handbook.yaml_source.read_yaml)."""

    MISSING, UNREADABLE = object(), object()

    def __init__(self, git: _Git, scratch: Path):
        self.git, self.scratch = git, scratch
        self._parsed: dict[tuple[str, str], object] = {}

    def read(self, sha: str | None, name: str):
        """The file's data at a commit, MISSING when the file is not there, UNREADABLE when it does not parse."""
        if sha is None:
            return self.MISSING
        key = (sha, name)
        if key not in self._parsed:
            content = self.git.blob(sha, f"{DATA}/{name}")
            value = self.MISSING
            if content is not None:
                file = self.scratch / "file.yml"
                file.write_bytes(content)
                try:
                    document, _ = read_yaml(file, f"{DATA}/{name}")
                    value = document.data if document is not None else self.UNREADABLE
                except Exception:  # an old commit's file that no longer reads: skipped
                    value = self.UNREADABLE
            self._parsed[key] = value
        return self._parsed[key]

    def data(self, sha: str | None, name: str):
        """The file's data, or None when it is missing or does not parse."""
        value = self.read(sha, name)
        return None if value is self.MISSING or value is self.UNREADABLE else value


# --- which pages show a text -----------------------------------------------------------------------------------

_META_PAGES = {
    "title": ["index.md", "about.md"],
    "revision": ["index.md", "about.md"],
    "vision": ["message.md", "index.md"],
    "top_message": ["message.md"],
    "philosophy": ["message.md"],
    "comprehensive_plan": ["message.md"],
}


def _at(data, path: tuple):
    for part in path:
        data = data[part]
    return data


def pages_of(name: str, path: tuple, data, ranks: list[str] | None = None) -> list[str]:
    """Every page that shows the data at `path` of the data file `name` (read as `data`), the one where it stands
    first: load.page_of, and for a competency also every rank using its table, their self-check sheets, the
    comparisons with those ranks, the item's history and the explorer. `ranks` are the rank ids, top first."""
    if name == "competencies.yml" and len(path) > 1 and path[0] == "tables":
        table = data["tables"][path[1]]
        rank_ids = list(table["ranks"])
        item = _at(data, path[:6]) if len(path) > 6 and path[2] == "groups" and path[4] == "items" else None
        anchor = f"#{item['id']}" if isinstance(item, dict) and "id" in item else ""
        pages = [f"ranks/{rank}.md{anchor}" for rank in rank_ids] + [f"self-check/{rank}.md" for rank in rank_ids]
        if anchor:
            pages.append(f"items/{item['id']}.md")
        order = ranks or []
        pages += [
            f"compare/{lower}--{upper}.md"
            for i, upper in enumerate(order)
            for lower in order[i + 1 :]
            if lower in rank_ids or upper in rank_ids
        ]
        return pages + ["explorer.md"]
    if name == "meta.yml" and path and path[0] in _META_PAGES:
        return list(_META_PAGES[path[0]])
    first = page_of(name, path, data)
    pages = [first]
    if name.startswith(INITIATIVE_DIR + "/") and path[:1] in (("title",), ("theme",)):
        pages.append("initiatives/index.md")
    elif name == "ranks.yml" and path[:1] == ("ranks",) and len(path) > 2 and path[2] == "name":
        rank = data["ranks"][path[1]]["id"]
        pages += [f"self-check/{rank}.md", "ranks/index.md", "index.md"]
    elif name in ("orientations.yml", "talents.yml") and len(path) > 2 and path[2] in ("name", "aim", "role"):
        pages.append("index.md")
    return pages


_FILE_PAGES = {
    "competencies.yml": "ranks/index.md",
    "ranks.yml": "ranks/index.md",
    "talents.yml": "talents/index.md",
    "orientations.yml": "orientations/index.md",
    "organisation.yml": "staff-image.md",
    "meta.yml": "about.md",
    "indicators.yml": "indicators.md",
    "areas.yml": "initiatives/index.md",
    "glossary.yml": "glossary.md",
}


def _safe_pages(name: str, path: tuple, data, ranks: list[str] | None) -> tuple[str, ...]:
    try:
        return tuple(pages_of(name, path, data, ranks))
    except (KeyError, IndexError, TypeError):  # an old commit's data in a shape the mapping no longer knows
        if name.startswith(INITIATIVE_DIR + "/"):
            return (f"initiatives/{Path(name).stem}.md",)
        return (_FILE_PAGES.get(name, "index.md"),)


def _context(data, path: tuple) -> Text | None:
    """The name (or title) of the nearest thing that holds the text at path, when that text is not the name."""
    for end in range(len(path) - 1, -1, -1):
        try:
            node = _at(data, path[:end])
        except (KeyError, IndexError, TypeError):
            return None
        if isinstance(node, dict):
            for key in ("name", "title", "term", "label"):
                value = node.get(key)
                if isinstance(value, dict) and isinstance(value.get("ja"), str) and path[:end] + (key,) != path:
                    return _text(value)
    return None


def _text(node: dict) -> Text:
    return Text(str(node.get("ja") or "").strip(), str(node.get("en") or "").strip())


# --- comparing two versions of a file --------------------------------------------------------------------------


def _key(data, path: tuple) -> tuple:
    """The path with each list entry that has an id named by it, so an inserted entry shifts no other."""
    key, node = [], data
    for part in path:
        child = node[part]
        if isinstance(part, int) and isinstance(child, dict) and isinstance(child.get("id"), str):
            key.append(f"id={child['id']}")
        else:
            key.append(part)
        node = child
    return tuple(key)


def _shown_values(data) -> dict[tuple, tuple[tuple, Text]]:
    """Every text staff read (and every figure's number), by key: (raw path, text)."""
    out = {}
    for path, node in text_mappings(data):
        if not NOT_SHOWN_FIELDS & {p for p in path if isinstance(p, str)}:
            out[_key(data, path)] = (path, _text(node))

    def figures(node, path):
        if isinstance(node, dict):
            value = node.get("value")
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                out[_key(data, path + ("value",))] = (path + ("value",), Text(f"{value:,}", f"{value:,}"))
            for key, child in node.items():
                if key not in NOT_SHOWN_FIELDS:
                    figures(child, path + (key,))
        elif isinstance(node, list):
            for index, child in enumerate(node):
                figures(child, path + (index,))

    figures(data, ())
    return out


_ENTITY_LISTS = {
    "ranks.yml": ("ranks", "rank", "name"),
    "talents.yml": ("talents", "talent", "name"),
    "orientations.yml": ("orientations", "orientation", "name"),
    "glossary.yml": ("terms", "term", "term"),
}


def _entities(name: str, data) -> dict[tuple[str, str], tuple[tuple, Text]]:
    """The entities of a file that staff know by name: (what, key) -> (raw path, name)."""
    out = {}
    try:
        if name.startswith(INITIATIVE_DIR + "/"):
            number = str(data.get("number") or Path(name).stem)
            title = _text(data["title"])
            out["initiative", number] = ((), Text(f"{number} {title.ja}", f"{number} {title.en}"))
        elif name in _ENTITY_LISTS:
            key, what, title = _ENTITY_LISTS[name]
            for index, entry in enumerate(data[key]):
                out[what, entry["id"]] = ((key, index), _text(entry[title]))
        elif name == "competencies.yml":
            for t, table in enumerate(data["tables"]):
                for g, group in enumerate(table["groups"]):
                    for i, item in enumerate(group["items"]):
                        out["item", f"{table['id']}/{item['id']}"] = (
                            ("tables", t, "groups", g, "items", i),
                            _text(item["name"]),
                        )
    except (KeyError, IndexError, TypeError, AttributeError):
        return {}
    return out


def _entity_pages(name: str, what: str, path: tuple, data, ranks) -> tuple[str, ...]:
    if what == "initiative":
        return (f"initiatives/{Path(name).stem}.md", "initiatives/index.md")
    if what == "item":
        return _safe_pages(name, path + ("name",), data, ranks)
    if what == "term":
        return ("glossary.md",)
    pages = _safe_pages(name, path + ("name",), data, ranks)
    index = {"rank": "ranks/index.md", "talent": "talents/index.md", "orientation": "orientations/index.md"}[what]
    return pages + (index,)


def compare_file(name: str, old, new, old_ranks=None, new_ranks=None) -> tuple[list[TextChange], list[EntityChange]]:
    """What changed in one data file between two parsed versions (None: the file is not there)."""
    entities: list[EntityChange] = []
    old_entities = _entities(name, old) if old is not None else {}
    new_entities = _entities(name, new) if new is not None else {}
    hidden_old, hidden_new = [], []
    for what_key in sorted(new_entities.keys() - old_entities.keys()):
        path, entity_name = new_entities[what_key]
        entities.append(
            EntityChange("added", *what_key, entity_name, _entity_pages(name, what_key[0], path, new, new_ranks))
        )
        hidden_new.append(path)
    for what_key in sorted(old_entities.keys() - new_entities.keys()):
        path, entity_name = old_entities[what_key]
        entities.append(
            EntityChange("removed", *what_key, entity_name, _entity_pages(name, what_key[0], path, old, old_ranks))
        )
        hidden_old.append(path)

    def shown(data, hidden):
        values = _shown_values(data) if data is not None else {}
        return {k: v for k, v in values.items() if not any(v[0][: len(h)] == h for h in hidden)}

    before, after = shown(old, hidden_old), shown(new, hidden_new)
    # 1. the same text at the same place: unchanged
    for key in [k for k in before if k in after and before[k][1] == after[k][1]]:
        del before[key], after[key]
    # 2. a text changed in place (unless either wording stands elsewhere on the other side: that is a move)
    pairs: list[tuple[tuple, tuple]] = []
    old_wordings = {text for _, text in before.values()}
    new_wordings = {text for _, text in after.values()}
    for key in [k for k in before if k in after]:
        if before[key][1] not in new_wordings and after[key][1] not in old_wordings:
            pairs.append((before.pop(key), after.pop(key)))
    # 3. a text moved unchanged (an entry inserted before it, a field renamed): no change
    moved_to: dict[Text, list[tuple]] = {}
    for key, (_, text) in after.items():
        moved_to.setdefault(text, []).append(key)
    for key in list(before):
        if moved_to.get(before[key][1]):
            del after[moved_to[before[key][1]].pop(0)], before[key]
    # 4. a text changed and moved within one list: paired with the most similar one of the same list
    for key in list(before):
        scored = [
            (SequenceMatcher(None, before[key][1].ja, after[k][1].ja).ratio(), k) for k in after if k[:-1] == key[:-1]
        ]
        if scored and max(scored)[0] >= 0.5:
            pairs.append((before.pop(key), after.pop(max(scored)[1])))
    texts: list[TextChange] = []
    for (_, old_text), (new_path, new_text) in pairs:
        kind = "translation" if old_text.ja == new_text.ja else "changed"
        texts.append(
            TextChange(
                kind,
                name,
                field_name(new_path),
                _safe_pages(name, new_path, new, new_ranks),
                old_text,
                new_text,
                _context(new, new_path),
            )
        )
    for path, text in after.values():
        texts.append(
            TextChange(
                "added",
                name,
                field_name(path),
                _safe_pages(name, path, new, new_ranks),
                None,
                text,
                _context(new, path),
            )
        )
    for path, text in before.values():
        texts.append(
            TextChange(
                "removed",
                name,
                field_name(path),
                _safe_pages(name, path, old, old_ranks),
                text,
                None,
                _context(old, path),
            )
        )
    return texts, entities


# --- one commit, cached ----------------------------------------------------------------------------------------


def _rank_ids(reader: _Reader, sha: str | None) -> list[str] | None:
    data = reader.data(sha, "ranks.yml")
    try:
        return [rank["id"] for rank in data["ranks"]]
    except (KeyError, TypeError):
        return None


def _complete(git: _Git, sha: str | None) -> bool:
    """Every data file of the policy exists at this commit."""
    if sha is None:
        return False
    names = set(git.run("ls-tree", "--name-only", sha, f"{DATA}/").split("\n"))
    return all(f"{DATA}/{name}" in names for name in SINGLE_FILES)


def _compare_commit(git: _Git, reader: _Reader, sha: str, parent: str | None) -> dict:
    revision_data = reader.data(sha, "meta.yml")
    revision = revision_data.get("revision") if isinstance(revision_data, dict) else None
    record = {
        "version": CACHE_VERSION,
        "revision": asdict(_text(revision)) if isinstance(revision, dict) else None,
        "initial": not _complete(git, parent),
        "data_changed": False,
        "texts": [],
        "entities": [],
    }
    if parent is None:
        changed = [p for p in git.run("ls-tree", "-r", "--name-only", sha, "--", DATA).split("\n") if p]
    else:
        changed = [
            p
            for p in git.run("diff-tree", "-r", "--no-commit-id", "--name-only", parent, sha, "--", DATA).split("\n")
            if p
        ]
    names = [path[len(DATA) + 1 :] for path in changed if _is_data_file(path)]
    # a change of files no page shows (the translators' term list) is no change staff can read
    record["data_changed"] = any(name not in NOT_SHOWN_FILES for name in names)
    if record["initial"] or not names:
        return record
    old_ranks, new_ranks = _rank_ids(reader, parent), _rank_ids(reader, sha)
    for name in names:
        if name in NOT_SHOWN_FILES:
            continue
        if _Reader.UNREADABLE in (reader.read(parent, name), reader.read(sha, name)):
            continue  # a version that does not parse: nothing reliable to compare
        old, new = reader.data(parent, name), reader.data(sha, name)
        texts, entities = compare_file(name, old, new, old_ranks, new_ranks)
        record["texts"] += [asdict(change) for change in texts]
        record["entities"] += [asdict(change) for change in entities]
    return record


def _as_text(value) -> Text | None:
    return Text(value["ja"], value["en"]) if value else None


def _from_record(record: dict) -> tuple[list[TextChange], list[EntityChange]]:
    texts = [
        TextChange(
            c["kind"],
            c["file"],
            c["field"],
            tuple(c["pages"]),
            _as_text(c["old"]),
            _as_text(c["new"]),
            _as_text(c["context"]),
        )
        for c in record["texts"]
    ]
    entities = [
        EntityChange(c["kind"], c["what"], c["key"], _as_text(c["name"]), tuple(c["pages"])) for c in record["entities"]
    ]
    return texts, entities


_COMMENT = re.compile(r"<!--.*?-->", re.S)  # the pull request template's instructions
_ENGLISH_LINE = re.compile(r"English\s*[:：]\s*(\S.*)", re.I)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
_NUMBER = re.compile(r" \(#\d+\)$")


def _titles(message: str) -> tuple[str, str]:
    """The commit's title and its English form. For a merge commit of a pull request the title is the pull
    request's (the message's next line), with its number. The English form is a line "English: …" after the
    title (the pull request template asks for it in the description, which GitHub puts in the merge commit);
    a title without Japanese is its own English form; otherwise there is none ("")."""
    lines = [line.strip() for line in _COMMENT.sub("", message).strip().splitlines() if line.strip()]
    if not lines:
        return "", ""
    merge = re.match(r"Merge pull request #(\d+) from ", lines[0])
    if merge and len(lines) > 1:
        title, rest, number = f"{lines[1]} (#{merge.group(1)})", lines[2:], f" (#{merge.group(1)})"
    else:
        title, rest = lines[0], lines[1:]
        number = _NUMBER.search(title).group() if _NUMBER.search(title) else ""
    english = next((m.group(1).strip() for m in map(_ENGLISH_LINE.fullmatch, rest) if m), "")
    if english and number and not english.endswith(number):
        english += number
    if not english and not _JAPANESE.search(title):
        english = title
    return title, english


def read_history(repository: Path = REPOSITORY, cache_dir: Path | None = None) -> History:
    """Every published change of the policy data, newest first; an empty History with a reason when the
    repository has no history to read."""
    repository = Path(repository)
    reason = _unavailable(repository)
    if reason:
        return History([], reason)
    cache_dir = Path(cache_dir) if cache_dir is not None else repository / CACHE
    git = _Git(repository)
    try:
        log = git.run("log", "--first-parent", "-z", "--format=%H%x1f%P%x1f%cI%x1f%B", "HEAD", "--", DATA)
        commits = []
        for record in filter(None, (r.strip("\n") for r in log.split("\0"))):
            sha, parents, date, message = record.split("\x1f", 3)
            commits.append(
                (
                    sha,
                    parents.split()[0] if parents.split() else None,
                    datetime.fromisoformat(date).astimezone(TIME_ZONE),
                    _titles(message),
                )
            )
        with tempfile.TemporaryDirectory() as scratch:
            reader = _Reader(git, Path(scratch))
            published = _published(reader, commits[0][0]) if commits else None
            first_day = published.date() if published else None
            entries: list[Entry] = []
            for sha, parent, date, (title, english) in reversed(commits):  # oldest first
                record = _cached(cache_dir, sha)
                if record is None:
                    record = _compare_commit(git, reader, sha, parent)
                    _store(cache_dir, sha, record)
                if not record["data_changed"]:
                    continue
                revision = _as_text(record["revision"])
                initial = record["initial"] or (first_day is not None and date.date() <= first_day)
                if initial and entries and entries[-1].initial:
                    entries[-1] = Entry(sha, date, "", revision, initial=True)  # one entry: the publication
                    continue
                texts, entities = ([], []) if initial else _from_record(record)
                if initial:
                    title = english = ""
                entries.append(Entry(sha, date, title, revision, initial, texts, entities, english))
    except (subprocess.CalledProcessError, OSError, ValueError) as error:
        return History([], f"the history could not be read ({error})")
    finally:
        git.close()
    return History(entries[::-1])


def _published(reader: _Reader, sha: str) -> datetime | None:
    """The day of the first publication, as meta.yml gives it at this commit (None if it gives none)."""
    meta = reader.data(sha, "meta.yml")
    value = meta.get("published") if isinstance(meta, dict) else None
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:  # the schema refuses it before a build gets here
        return None


def _cached(cache_dir: Path, sha: str) -> dict | None:
    try:
        record = json.loads((cache_dir / f"{sha}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if record.get("version") == CACHE_VERSION else None


def _store(cache_dir: Path, sha: str, record: dict) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = cache_dir / f".{sha}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        temporary.replace(cache_dir / f"{sha}.json")
    except OSError:
        pass  # a read-only checkout: the history is computed again next time


_memo: dict[Path, tuple[str, History]] = {}


def site_history(repository: Path = REPOSITORY) -> History:
    """read_history, once per repository HEAD in this process: each language build and each `mkdocs serve`
    rebuild asks for it, and it changes only with a new commit."""
    repository = Path(os.path.abspath(repository))
    try:
        head = subprocess.run(
            ["git", "-C", str(repository), "rev-parse", "-q", "--verify", "HEAD"], capture_output=True, text=True
        ).stdout.strip()
    except OSError:
        head = ""
    cached = _memo.get(repository)
    if cached and cached[0] == head and head:
        return cached[1]
    history = read_history(repository)
    _memo[repository] = (head, history)
    return history


# --- words and feeds -------------------------------------------------------------------------------------------


def format_date(date: datetime, language: str) -> str:
    """29 November 2026 / 2026年11月29日, as ui.yml's date_format says."""
    months = label("month_names")[language].split()
    return label("date_format")[language].format(
        year=date.year, month=date.month, day=date.day, month_name=months[date.month - 1]
    )


def _rfc3339(date: datetime) -> str:
    return date.isoformat(timespec="seconds")


def atom_feed(history: History, policy: Policy, language: str, limit: int = 50) -> str:
    """The entries as an Atom feed (RFC 4287) for the language's changes.xml, beside its pages: links relative to
    the feed (the site works from any folder), ids as tag: URIs."""
    specs = page_specs(policy)
    titles = {spec.path: spec.title[language] for spec in specs if spec.kind not in DERIVED_KINDS}
    words = {"title": policy.meta["title"][language], "revision": policy.meta["revision"][language]}
    changes_url = url_for(CHANGES_PAGE)
    entries = history.entries[:limit]
    updated = entries[0].date if entries else datetime(2024, 9, 1, tzinfo=TIME_ZONE)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">',
        f"<id>{FEED_ID}/{language}</id>",
        f"<title>{escape(label('feed_title')[language].format(**words))}</title>",
        f"<updated>{_rfc3339(updated)}</updated>",
        f"<author><name>{escape(label('site_name')[language])}</name></author>",
        f'<link rel="self" type="application/atom+xml" href="{FEED_FILE}"/>',
        f'<link rel="alternate" type="text/html" href="{changes_url}"/>',
    ]
    for entry in entries:
        title = label("change_initial")[language] if entry.initial else entry.title
        parts = []
        if entry.initial:
            parts.append(label("change_initial_text")[language])
        else:
            colon = separators(language)["colon"]
            parts += [
                label(f"change_entity_{c.kind}")[language].format(what=label(f"entity_{c.what}")[language])
                + colon
                + escape(c.name[language])
                for c in entry.entities
            ]
            for kind in ("changed", "translation", "added", "removed"):
                number = sum(1 for c in entry.texts if c.kind == kind)
                if number:
                    parts.append(f"{label(f'change_{kind}')[language]}{colon}{number}")
            if not entry.texts and not entry.entities:
                parts.append(label("change_none_shown")[language])
        content = "".join(f"<p>{part}</p>" for part in parts)
        pages = [page for page in titles if page in entry.pages]
        if pages:
            links = "".join(f"<li><a href={quoteattr(url_for(page))}>{escape(titles[page])}</a></li>" for page in pages)
            content += f"<p>{escape(label('changes_pages')[language])}</p><ul>{links}</ul>"
        out += [
            "<entry>",
            f"<id>{FEED_ID}/{entry.sha}</id>",
            f"<title>{escape(title)}</title>",
            f"<updated>{_rfc3339(entry.date)}</updated>",
            f'<link rel="alternate" type="text/html" href={quoteattr(changes_url + "#" + entry.anchor)}/>',
            f'<content type="html">{escape(content)}</content>',
            "</entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def url_for(page: str) -> str:
    """A page's address relative to its language's folder (where that language's feed is)."""
    stem = page[:-3]
    if stem == "index":
        return "./"
    return stem[: -len("index")] if stem.endswith("/index") else stem + "/"


def write_feeds(history: History, policy: Policy, site_dir: Path) -> list[Path]:
    """changes.xml in each language's folder; nothing when there is no history (the changes page says so)."""
    if not history.available:
        return []
    written = []
    for language in LANGUAGES:
        target = Path(site_dir) / url_prefix(language) / FEED_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(atom_feed(history, policy, language), encoding="utf-8")
        written.append(target)
    return written
