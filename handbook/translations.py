"""Which English texts need a translator's review.

policy_data/translations.lock.yml records, for every text ({ja, en}), a short fingerprint of its Japanese
and of its English as they were when the English was last reviewed. A text is listed when:

- its English is missing or empty ("missing");
- it is not in the lock, or the reviewed text at its place moved elsewhere in the file ("new");
- its Japanese no longer matches the lock ("changed": the English may be out of date);
- its Japanese matches the lock but its English does not ("edited": an English-only edit not yet recorded as
  reviewed; the lock is kept current so that a later "changed" can tell whether the English was edited too).

A text whose Japanese and English together match a reviewed pair elsewhere in the same file is not listed:
that is a reviewed text that moved (an entry was inserted above it, so its position changed).

`mark_reviewed` rewrites the lock for the current data; a translator runs it after checking the list.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import load
from .errors import field_name
from .load import DATA_DIR
from .yaml_source import read_yaml, text_mappings

LOCK_NAME = "translations.lock.yml"
LOCK_HEADER = """\
# Translation review lock. Do not edit by hand: it is written by
#   .venv/bin/python scripts/translation_report.py --update
# which a translator runs after checking the English of every text the report lists.
# Key: "<file>:<field>". Value: the first 12 hex digits of the SHA-256 of the Japanese and of the
# English at the time the English was last reviewed.
"""


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class TextEntry:
    file: str  # relative to policy_data, e.g. "initiatives/035.yml"
    field: str  # dotted path of the {ja, en} mapping, e.g. "blocks[0].heading"
    line: int | None  # line of the Japanese
    ja: str
    en: str | None  # None when missing

    @property
    def key(self) -> str:
        return f"{self.file}:{self.field}"

    @property
    def has_english(self) -> bool:
        return isinstance(self.en, str) and bool(self.en.strip())


@dataclass(frozen=True)
class Finding:
    text: TextEntry
    status: str  # "missing", "new", "changed" or "edited"
    english_edited: bool = False  # for "changed": the English was also edited since the review

    def explain(self) -> str:
        if self.status == "missing":
            return "the English is missing."
        if self.status == "new":
            return "new text: its English has not been reviewed yet."
        if self.status == "edited":
            return "the English was edited (the Japanese is the same): record it as reviewed when it is right."
        also = " (the English was edited too: check that it now matches)" if self.english_edited else ""
        return f"the Japanese changed since the English was last reviewed; the English may be out of date{also}."


def data_file_names(data_dir: Path = DATA_DIR) -> list[str]:
    """The data files, in the order the validator reads them."""
    return [name for name, _ in load.data_files(data_dir)]


def read_texts(data_dir: Path = DATA_DIR) -> tuple[list[TextEntry], list[str]]:
    """Every text of every data file, and the files that could not be read (as messages)."""
    texts, unreadable = [], []
    for name in data_file_names(data_dir):
        path = data_dir / name
        if not path.exists():
            continue
        document, faults = read_yaml(path, f"policy_data/{name}")
        if document is None:
            unreadable.extend(str(fault) for fault in faults)
            continue
        for text_path, node in text_mappings(document.data):
            en = node.get("en")
            texts.append(
                TextEntry(
                    name,
                    field_name(text_path),
                    document.line(text_path + ("ja",)),
                    node["ja"],
                    en if isinstance(en, str) else None,
                )
            )
    return texts, unreadable


def read_lock(data_dir: Path = DATA_DIR) -> dict[str, dict[str, str]]:
    path = data_dir / LOCK_NAME
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def findings(texts: list[TextEntry], lock: dict[str, dict[str, str]]) -> list[Finding]:
    # How often each reviewed (Japanese, English) pair occurs in each file, in the lock and now. A file
    # may hold the same text several times (competency items shared by tables), hence counts, not sets.
    reviewed, current = Counter(), Counter()
    for key, entry in lock.items():
        reviewed[key.split(":", 1)[0], entry.get("ja"), entry.get("en")] += 1
    for text in texts:
        if text.has_english:
            current[text.file, fingerprint(text.ja), fingerprint(text.en)] += 1
    out = []
    for text in texts:
        if not text.has_english:
            out.append(Finding(text, "missing"))
            continue
        ja, en = fingerprint(text.ja), fingerprint(text.en)
        entry = lock.get(text.key)
        if entry and entry.get("ja") == ja:
            if entry.get("en") != en and current[text.file, ja, en] > reviewed[text.file, ja, en]:
                out.append(Finding(text, "edited"))
            continue
        if current[text.file, ja, en] <= reviewed[text.file, ja, en]:
            continue  # a reviewed text that moved (an entry was inserted or removed above it)
        if entry is None:
            out.append(Finding(text, "new"))
        elif (
            current[text.file, entry.get("ja"), entry.get("en")]
            >= reviewed[text.file, entry.get("ja"), entry.get("en")]
        ):
            out.append(Finding(text, "new"))  # the text reviewed at this place is still there, further down
        else:
            out.append(Finding(text, "changed", english_edited=entry.get("en") != en))
    return out


def mark_reviewed(data_dir: Path = DATA_DIR, files: set[str] | None = None) -> int:
    """Rewrite the lock with the current texts (only those of `files`, when given); returns how many
    texts the lock holds. Texts without English are left out, so they stay listed."""
    texts, unreadable = read_texts(data_dir)
    if unreadable:
        raise ValueError(
            "cannot mark the translations as reviewed while a file cannot be read:\n" + "\n".join(unreadable)
        )
    lock = read_lock(data_dir)
    entries: dict[str, dict[str, str]] = {}
    for name in data_file_names(data_dir):
        if files is None or name in files:
            for text in texts:
                if text.file == name and text.has_english:
                    entries[text.key] = {"ja": fingerprint(text.ja), "en": fingerprint(text.en)}
        else:  # not reviewed this time: keep what the lock says
            entries.update((key, entry) for key, entry in lock.items() if key.split(":", 1)[0] == name)
    lines = [LOCK_HEADER]
    for key, entry in entries.items():
        lines.append(f'{json.dumps(key, ensure_ascii=False)}: {{ja: "{entry["ja"]}", en: "{entry["en"]}"}}\n')
    (data_dir / LOCK_NAME).write_text("".join(lines), encoding="utf-8")
    return len(entries)
