"""How faithfully the data reproduces the source text.

Both sides are compared after NFKC and with all whitespace removed, because the PDF extraction broke
lines mid-word and mixed full- and half-width forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

from .yaml_source import text_mappings

SOURCE_PATH = Path(__file__).resolve().parent.parent / "policy_data" / "source" / "policy.txt"

_WHITESPACE = re.compile(r"\s+")
# A footnote mark right after a word (DX※１推進): the data leaves it out and links the glossary's definition
# instead. A ※ that starts a line is a note (※５段階評価の平均値), kept.
_FOOTNOTE_MARK = re.compile(r"(?<=\S)※[0-9]+")
# Keys whose Japanese is editorial (ours), not policy text: notes, and the contact the maintainers set (meta.yml).
EDITORIAL_KEYS = {"source_note", "contact"}


def normalise(text: str) -> str:
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


def source_text(path: Path = SOURCE_PATH) -> str:
    """The source, normalised, without its footnote marks."""
    text = unicodedata.normalize("NFKC", path.read_text(encoding="utf-8"))
    return normalise(_FOOTNOTE_MARK.sub("", text))


def japanese_strings(tree) -> Iterator[tuple[tuple, str]]:
    """Every `ja` string of a loaded YAML tree, with its path, skipping editorial notes."""
    for path, mapping in text_mappings(tree):
        if not EDITORIAL_KEYS.intersection(str(part) for part in path):
            yield path + ("ja",), mapping["ja"]


def missing_from_source(strings: Iterable[str], source: str) -> list[str]:
    return [s for s in strings if normalise(s) not in source]


_SENTENCE_END = re.compile(r"(?<=[。！？])")
_PAGE_FURNITURE = re.compile(r"GROWTHTOFEEL\d+")


def source_sentences(source: str) -> list[str]:
    """The source's sentences: runs of text ending in 。, with page furniture removed."""
    text = _PAGE_FURNITURE.sub("", source)
    return [s for s in _SENTENCE_END.split(text) if len(s) >= 8 and s.endswith(("。", "！", "？"))]


def covered_mask(source: str, strings: Iterable[str]) -> bytearray:
    """Marks each source character that some data string reproduces (at any of its occurrences)."""
    mask = bytearray(len(source))
    for s in {normalise(s) for s in strings}:
        if len(s) < 2:
            continue
        start = source.find(s)
        while start != -1:
            mask[start : start + len(s)] = b"\x01" * len(s)
            start = source.find(s, start + 1)
    return mask


def sentence_coverage(source: str, strings: Iterable[str], threshold: float = 0.9) -> tuple[float, list[str]]:
    """Share of the source's sentences whose characters the strings reproduce (≥ threshold of each).

    A sentence in the flattened PDF often carries its table heading in front of it, so a sentence counts
    as found when nearly all its characters are covered, not only when one string equals it.
    """
    mask = covered_mask(source, strings)
    found, missing, position = 0, [], 0
    sentences = source_sentences(source)
    for sentence in sentences:
        start = source.find(sentence, position)
        position = start + len(sentence)
        if sum(mask[start:position]) >= threshold * len(sentence):
            found += 1
        else:
            missing.append(sentence)
    return found / max(len(sentences), 1), missing
