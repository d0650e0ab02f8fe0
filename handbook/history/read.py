"""The history of the current branch's first-parent line, entry by entry: each commit compared with its parent
(cached), the initial publication as one entry, each change's title in both languages."""

from __future__ import annotations

import os
import re
import subprocess
import tempfile
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from ..data import REPOSITORY, SINGLE_FILES
from ..model import Text
from .cache import cached, store
from .diff import compare_file, text_of
from .git import Git, Reader, is_data_file, unavailable
from .records import CACHE, CACHE_VERSION, DATA, NOT_SHOWN_FILES, TIME_ZONE, EntityChange, Entry, History, TextChange


def _rank_ids(reader: Reader, sha: str | None) -> list[str] | None:
    data = reader.data(sha, "ranks.yml")
    try:
        return [rank["id"] for rank in data["ranks"]]
    except (KeyError, TypeError):
        return None


def _complete(git: Git, sha: str | None) -> bool:
    """Every data file of the policy exists at this commit."""
    if sha is None:
        return False
    names = set(git.run("ls-tree", "--name-only", sha, f"{DATA}/").split("\n"))
    return all(f"{DATA}/{name}" in names for name in SINGLE_FILES)


def compare_commit(git: Git, reader: Reader, sha: str, parent: str | None) -> dict:
    revision_data = reader.data(sha, "meta.yml")
    revision = revision_data.get("revision") if isinstance(revision_data, dict) else None
    record = {
        "version": CACHE_VERSION,
        "revision": asdict(text_of(revision)) if isinstance(revision, dict) else None,
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
    names = [path[len(DATA) + 1 :] for path in changed if is_data_file(path)]
    # a change of files no page shows (the translators' term list) is no change staff can read
    record["data_changed"] = any(name not in NOT_SHOWN_FILES for name in names)
    if record["initial"] or not names:
        return record
    old_ranks, new_ranks = _rank_ids(reader, parent), _rank_ids(reader, sha)
    for name in names:
        if name in NOT_SHOWN_FILES:
            continue
        if Reader.UNREADABLE in (reader.read(parent, name), reader.read(sha, name)):
            continue  # a version that does not parse: nothing reliable to compare
        old, new = reader.data(parent, name), reader.data(sha, name)
        texts, entities = compare_file(name, old, new, old_ranks, new_ranks)
        record["texts"] += [asdict(change) for change in texts]
        record["entities"] += [asdict(change) for change in entities]
    return record


def as_text(value) -> Text | None:
    return Text(value["ja"], value["en"]) if value else None


def from_record(record: dict) -> tuple[list[TextChange], list[EntityChange]]:
    texts = [
        TextChange(
            c["kind"],
            c["file"],
            c["field"],
            tuple(c["pages"]),
            as_text(c["old"]),
            as_text(c["new"]),
            as_text(c["context"]),
        )
        for c in record["texts"]
    ]
    entities = [
        EntityChange(c["kind"], c["what"], c["key"], as_text(c["name"]), tuple(c["pages"])) for c in record["entities"]
    ]
    return texts, entities


_COMMENT = re.compile(r"<!--.*?-->", re.S)  # the pull request template's instructions
_ENGLISH_LINE = re.compile(r"English\s*[:：]\s*(\S.*)", re.I)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
_NUMBER = re.compile(r" \(#\d+\)$")


def titles(message: str) -> tuple[str, str]:
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
    reason = unavailable(repository)
    if reason:
        return History([], reason)
    cache_dir = Path(cache_dir) if cache_dir is not None else repository / CACHE
    git = Git(repository)
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
                    titles(message),
                )
            )
        with tempfile.TemporaryDirectory() as scratch:
            reader = Reader(git, Path(scratch))
            published = _published(reader, commits[0][0]) if commits else None
            first_day = published.date() if published else None
            entries: list[Entry] = []
            for sha, parent, date, (title, english) in reversed(commits):  # oldest first
                record = cached(cache_dir, sha)
                if record is None:
                    record = compare_commit(git, reader, sha, parent)
                    store(cache_dir, sha, record)
                if not record["data_changed"]:
                    continue
                revision = as_text(record["revision"])
                initial = record["initial"] or (first_day is not None and date.date() <= first_day)
                if initial and entries and entries[-1].initial:
                    entries[-1] = Entry(sha, date, "", revision, initial=True)  # one entry: the publication
                    continue
                texts, entities = ([], []) if initial else from_record(record)
                if initial:
                    title = english = ""
                entries.append(Entry(sha, date, title, revision, initial, texts, entities, english))
    except (subprocess.CalledProcessError, OSError, ValueError) as error:
        return History([], f"the history could not be read ({error})")
    finally:
        git.close()
    return History(entries[::-1])


def _published(reader: Reader, sha: str) -> datetime | None:
    """The day of the first publication, as meta.yml gives it at this commit (None if it gives none)."""
    meta = reader.data(sha, "meta.yml")
    value = meta.get("published") if isinstance(meta, dict) else None
    try:
        return datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:  # the schema refuses it before a build gets here
        return None


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
