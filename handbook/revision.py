"""A revised policy compared with the current source text, sentence by sentence, and the data that holds each
sentence that changed, was added or was removed (scripts/revision_report.py).

Both texts are cut into sentences: a paragraph of the PDF's text (lines up to a blank line; a table cell is one)
is cut after 。！？; page furniture (GROWTH TO FEEL 15, page numbers) is left out. The two lists of sentences are
aligned in order (difflib), so a sentence changed in one rank's table is found at that table even when the same
wording stands unchanged in another. A changed or removed sentence is held by the data texts that stood at its
place in the current source and no longer do in the new one (handbook/fidelity.py missing_places): these are the
texts to edit. An added sentence is either in the data already or "not in the data yet".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .errors import Words
from .fidelity import DataText, data_texts, missing_places
from .source_map import WHOLE, Place, Source, normalise_line

_FURNITURE = re.compile(r"^\s*(GROWTH TO FEEL\s*\d*|\d{1,2})\s*$")
_SENTENCE_END = re.compile(r"(?<=[。！？])")
SIMILAR = 0.5  # two sentences at the same point of both texts this alike are one sentence changed


@dataclass(frozen=True)
class Sentence:
    text: str  # normalised (no whitespace), as compared
    line: int  # 1-based line where it starts
    place: Place


@dataclass
class Change:
    kind: str  # changed | added | removed
    old: Sentence | None
    new: Sentence | None
    data: list[DataText] = field(default_factory=list)  # the texts to edit (or, when added, that already hold it)
    elsewhere: bool = False  # the data texts found stand at another place than the sentence's


def sentences(source: Source) -> list[Sentence]:
    """The source's sentences in reading order of its text."""
    out: list[Sentence] = []
    paragraph: list[int] = []

    def close() -> None:
        pieces = [(number, normalise_line(source.lines[number])) for number in paragraph]
        text = "".join(piece for _, piece in pieces)
        starts, position = [], 0
        for number, piece in pieces:
            starts.append((position, number))
            position += len(piece)
        position = 0
        for part in _SENTENCE_END.split(text):
            if part:
                line = max(number for start, number in starts if start <= position)
                out.append(Sentence(part, line + 1, source.place_of_line(line)))
            position += len(part)
        paragraph.clear()

    for number, line in enumerate(source.lines):
        if not line.strip() or _FURNITURE.match(line):
            if paragraph:
                close()
            continue
        paragraph.append(number)
    if paragraph:
        close()
    return out


def _within(item: DataText, source: Source, line: int) -> bool:
    """Whether a source line lies in one of the places where the data text should stand."""
    keys = [key for key in (*item.expected.every, *item.expected.one_of) if key in source.places] or [WHOLE]
    return any(source.places[key].start < line <= source.places[key].end for key in keys)


def _holders(sentence: Sentence, texts: list[DataText], old: Source, new: Source) -> tuple[list[DataText], bool]:
    """The data texts that hold a sentence of the current source at its place and no longer stand at their place
    in the new source; failing that, those that hold it anywhere."""
    holding = [t for t in texts if t.text and (t.text in sentence.text or sentence.text in t.text)]
    if not holding:  # a sentence the data cut in two, or joined with the next: the texts sharing a long piece of it
        holding = [t for t in texts if len(t.text) >= 12 and _shared(t.text, sentence.text) >= 12]
    affected = [t for t in holding if missing_places(t, new)]
    here = [t for t in affected if _within(t, old, sentence.line)]
    return (here, False) if here else (affected, bool(affected))


def _shared(a: str, b: str) -> int:
    match = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return match.size


def compare(old: Source, new: Source, documents: dict) -> list[Change]:
    """Every sentence changed, added or removed between two sources, with the data texts that hold it."""
    before, after = sentences(old), sentences(new)
    texts = list(data_texts(documents))
    changes: list[Change] = []
    matcher = SequenceMatcher(None, [s.text for s in before], [s.text for s in after], autojunk=False)
    for kind, i1, i2, j1, j2 in matcher.get_opcodes():
        if kind == "equal":
            continue
        olds, news = before[i1:i2], after[j1:j2]
        used: set[int] = set()
        for sentence in olds:
            best, score = None, SIMILAR
            for index, candidate in enumerate(news):
                if index in used:
                    continue
                ratio = SequenceMatcher(None, sentence.text, candidate.text, autojunk=False).ratio()
                if ratio >= score:
                    best, score = index, ratio
            if best is None:
                changes.append(Change("removed", sentence, None))
            else:
                used.add(best)
                changes.append(Change("changed", sentence, news[best]))
        changes += [Change("added", None, candidate) for index, candidate in enumerate(news) if index not in used]
    for change in changes:
        if change.old is not None:
            change.data, change.elsewhere = _holders(change.old, texts, old, new)
        else:
            holding = [t for t in texts if change.new.text in t.text and len(t.text) < 4 * len(change.new.text)]
            change.data = [t for t in holding if _within(t, new, change.new.line)] or holding
    return changes  # in the order of the texts


KIND_WORDS = {
    "changed": Words("変更", "changed"),
    "added": Words("追加", "added"),
    "removed": Words("削除", "removed"),
}
