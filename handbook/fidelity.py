"""How faithfully the data reproduces the source text.

Both sides are compared after NFKC and with all whitespace removed, because the PDF extraction broke
lines mid-word and mixed full- and half-width forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import Words, field_name
from .source_map import LEADING_MARKS, SHORTEST_PLACED, WHOLE, Expected, Source, expected_places
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


# --- each text at its place ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    """A Japanese text (or a figure) of the data that does not stand at its place in the source."""

    file: str  # "policy_data/competencies.yml"
    line: int | None
    field: str  # "tables[0].groups[0].items[1].description.ja"
    text: str
    place: Words  # where it should stand
    elsewhere: Words | None = None  # where it stands instead, if anywhere
    figure: bool = False

    def said_in(self, language: str) -> str:
        place, elsewhere = getattr(self.place, language), self.elsewhere and getattr(self.elsewhere, language)
        if language == "ja":
            what = "数値" if self.figure else "文"
            if elsewhere:
                return f"この{what}は原典の{place}にありません（原典の{elsewhere}にはあります）。"
            return f"この{what}は原典の{place}にも、ほかの場所にもありません。"
        what = "figure" if self.figure else "text"
        if elsewhere:
            return f"this {what} is not in {place} of the source (it stands in {elsewhere})."
        return f"this {what} is neither in {place} of the source nor anywhere else in it."


def source_path(data_dir: Path) -> Path:
    """The source text of a data folder (a copy may have its own), else the project's."""
    own = data_dir / "source" / "policy.txt"
    return own if own.exists() else SOURCE_PATH


def _named(source: Source, keys) -> Words:
    places = [source.places[key].name for key in keys if key in source.places]
    return Words("・".join(p.ja for p in places), ", ".join(p.en for p in places)) if places else Words("", "")


def _elsewhere(source: Source, text: str) -> Words | None:
    position = source.text.find(text)
    if position == -1:
        return None
    return source.place_of_line(source.line_at(position)).name


@dataclass(frozen=True)
class DataText:
    """A Japanese text of the data, normalised, with where it is and where in the source it should stand."""

    file: str  # "policy_data/competencies.yml"
    line: int | None
    field: str
    ja: str  # as written
    text: str  # normalised, without a leading bullet mark
    expected: Expected


def data_texts(documents: dict) -> Iterator[DataText]:
    """Every Japanese text of the policy (not the translators' terms, not the editors' notes)."""
    for name, document in sorted(documents.items()):
        if name == "terminology.yml":
            continue
        for path, mapping in text_mappings(document.data):
            if EDITORIAL_KEYS.intersection(str(part) for part in path):
                continue
            text = normalise(mapping["ja"]).lstrip(LEADING_MARKS)
            expected = expected_places(name, path, document.data)
            if len(text) < SHORTEST_PLACED:
                expected = Expected(one_of=(WHOLE,))
            yield DataText(
                document.file, document.line(path + ("ja",)), field_name(path + ("ja",)), mapping["ja"], text, expected
            )


def missing_places(item: DataText, source: Source) -> list[str]:
    """The places where the text should stand and does not ([] when it stands at its place). A place the source
    lacks (its heading was not found) counts as the whole source."""
    every = [key for key in item.expected.every if key in source.places]
    if every:
        return [key for key in every if item.text not in source.region(key)]
    one_of = [key for key in item.expected.one_of if key in source.places] or [WHOLE]
    return [] if any(item.text in source.region(key) for key in one_of) else one_of[:1]


def check_places(documents: dict, source: Source) -> list[Finding]:
    """Every Japanese text of the data that does not stand at its place in the source (see
    handbook/source_map.py), and every figure of indicators.yml not written at the indicators' place."""
    findings = []
    for item in data_texts(documents):
        missing = missing_places(item, source)
        if missing:
            findings.append(
                Finding(
                    item.file,
                    item.line,
                    item.field,
                    item.ja,
                    _named(source, missing),
                    _elsewhere(source, item.text),
                )
            )
    if "indicators.yml" in documents:
        findings += _figures(documents["indicators.yml"], source)
    return findings


def _number_forms(value) -> list[str]:
    """How the source may print a figure: 94.0 as 94.0 or 94, 3.8 as 3.80, 6400 as 6,400."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return []
    forms = {f"{value:g}", f"{value:,}"}
    if isinstance(value, float):
        forms |= {f"{value:.1f}", f"{value:.2f}", f"{value:,.1f}"}
    return sorted(forms, key=len, reverse=True)


def _figures(document, source: Source) -> list[Finding]:
    """The figures of indicators.yml, each looked for as a number at its place: on a line of the source, not part
    of a longer number (a line joined to the next would run two figures together)."""
    expected = expected_places("indicators.yml", ("basics",), document.data)
    places = [key for key in expected.one_of if key in source.places]
    region = "\n".join(source.raw_region(key) for key in places) if places else source.raw_region(WHOLE)
    findings = []
    figures = [
        (("basics", i, "values", j), value)
        for i, basic in enumerate(document.data.get("basics", []))
        for j, value in enumerate(basic.get("values", []))
    ]
    figures += [
        (("outcome_targets", i, end), target[end])
        for i, target in enumerate(document.data.get("outcome_targets", []))
        for end in ("baseline", "target")
        if isinstance(target.get(end), dict)
    ]
    for path, figure in figures:
        forms = _number_forms(figure.get("value"))
        if not forms:
            continue
        pattern = re.compile(r"(?<![\d.,])(?:" + "|".join(map(re.escape, forms)) + r")(?![\d]|\.\d)")
        if pattern.search(region):
            continue
        findings.append(
            Finding(
                document.file,
                document.line(path + ("value",)),
                field_name(path + ("value",)),
                str(figure["value"]),
                _named(source, places),
                _elsewhere_figure(source, pattern),
                figure=True,
            )
        )
    return findings


def _elsewhere_figure(source: Source, pattern: re.Pattern) -> Words | None:
    whole = source.raw_region(WHOLE)
    found = pattern.search(whole)
    return source.place_of_line(whole.count("\n", 0, found.start())).name if found else None
