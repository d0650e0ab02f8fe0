"""Where each part of the policy stands in the source text, and where each text of the data should stand.

The source (policy_data/source/policy.txt, the PDF's text) is cut into places: the part before section 01 and
after section 11 (the front and back matter), each numbered section (found by the heading the data gives it,
e.g. 「各職位に求められる役割／能力08」), each rank's pages in section 08 (its roles and its competency table)
and each initiative's block in section 11. A text of the data stands at one or more places (see
`expected_places`): a competency table's item in the table of every rank that prints it, an initiative's text in
that initiative's block, and so on. So a sentence changed in one rank's table only is not hidden by the same
old wording in another table.

The PDF's text is not always in reading order (POLICY_MAP.md): the boxes of a chart may stand before its
heading, and a block after the next one's. A place therefore reaches from its heading to the next heading
found, and a few data parts name a wider place (the charts of 09 and 10 with section 08's end, the detailed
plans of the key talents with section 11).

Texts are compared as fidelity.normalise compares them: NFKC, no whitespace, no footnote marks after a word.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import Words

_WHITESPACE = re.compile(r"\s+")
_FOOTNOTE_MARK = re.compile(r"(?<=\S)※[0-9]+")
# The data leaves out the bullet that starts a line of the source (○ ● □ ・ ▶ ※ 〇).
LEADING_MARKS = "○●□・▶※〇"
WHOLE = "whole"
_NUMBERS_AROUND = re.compile(r"^\d{3}|\d{3}$")


def normalise_line(line: str) -> str:
    text = unicodedata.normalize("NFKC", line)
    return _WHITESPACE.sub("", _FOOTNOTE_MARK.sub("", text))


@dataclass(frozen=True)
class Place:
    key: str  # "section 08", "rank chief", "initiative 012", "front", "back", WHOLE
    name: Words  # as a maintainer reads it: 「08 主査級」 / "08, Chief level"
    start: int  # first line (0-based)
    end: int  # line after the last


@dataclass
class Source:
    """A source text cut into lines, normalised, with the places found in it (`locate`)."""

    lines: list[str]
    places: dict[str, Place] = field(default_factory=dict)
    missing: list[Words] = field(default_factory=list)  # places the data names that were not found

    @classmethod
    def read(cls, path: Path) -> Source:
        return cls(path.read_text(encoding="utf-8").splitlines())

    @cached_property
    def _normalised(self) -> tuple[str, list[int]]:
        pieces, offsets, position = [], [], 0
        for line in self.lines:
            offsets.append(position)
            piece = normalise_line(line)
            pieces.append(piece)
            position += len(piece)
        offsets.append(position)
        return "".join(pieces), offsets

    @property
    def text(self) -> str:
        """The whole source, normalised."""
        return self._normalised[0]

    def offset(self, line: int) -> int:
        return self._normalised[1][line]

    def line_at(self, offset: int) -> int:
        """The 0-based line holding a position of the normalised text."""
        return bisect.bisect_right(self._normalised[1], offset) - 1

    def region(self, key: str) -> str:
        place = self.places.get(key)
        if place is None:
            return self.text
        return self.text[self.offset(place.start) : self.offset(place.end)]

    def raw_region(self, key: str) -> str:
        """The lines of a place as printed (NFKC, whitespace kept): figures are read line by line."""
        place = self.places.get(key) or self.places[WHOLE]
        return unicodedata.normalize("NFKC", "\n".join(self.lines[place.start : place.end]))

    def place_of_line(self, line: int) -> Place:
        """The narrowest place holding a line (a rank or an initiative before its section)."""
        holding = [p for p in self.places.values() if p.start <= line < p.end and p.key != WHOLE]
        return min(holding, key=lambda p: p.end - p.start) if holding else self.places[WHOLE]

    def find(self, needle: str, start: int = 0, end: int | None = None) -> int:
        """The first position of a normalised needle between two lines, or -1."""
        return self.text.find(needle, self.offset(start), self.offset(len(self.lines) if end is None else end))

    # --- the places -----------------------------------------------------------------------------------------

    def locate(self, documents: dict) -> Source:
        """Find the places the data names: sections by their headings, ranks by their names in section 08,
        initiatives by their titles and numbers in section 11."""
        count = len(self.lines)
        self.places = {WHOLE: Place(WHOLE, Words("原典全体", "the whole source"), 0, count)}
        self.missing = []
        headings = []  # (line, number, title)
        after = 0
        for number, title in _sections(documents):
            position = self.find(normalise_line(title) + number, after)
            if position == -1:
                self.missing.append(Words(f"{number} の見出し「{title}{number}」", f"the heading of {number}"))
                continue
            line = self.line_at(position)
            headings.append((line, number, title))
            after = line + 1
        for index, (line, number, title) in enumerate(headings):
            end = headings[index + 1][0] if index + 1 < len(headings) else count
            self.places[f"section {number}"] = Place(
                f"section {number}", Words(f"{number}「{title}」", f"section {number}"), line, end
            )
        if headings:
            self.places["front"] = Place("front", Words("01 より前", "before section 01"), 0, headings[0][0])
        self._ranks(documents)
        self._initiatives(documents)
        return self

    def _ranks(self, documents: dict) -> None:
        section = self.places.get("section 08")
        if section is None or "ranks.yml" not in documents:
            return
        found, after = [], section.start
        for rank in documents["ranks.yml"].data.get("ranks", []):
            name = rank["name"]["ja"]
            line = next(
                (n for n in range(after, section.end) if normalise_line(self.lines[n]) == normalise_line(name)), None
            )
            if line is None:
                self.missing.append(Words(f"08 の職位「{name}」", f"the rank {name} in section 08"))
                continue
            found.append((line, rank["id"], rank["name"]))
            after = line + 1
        for index, (line, rank_id, name) in enumerate(found):
            end = found[index + 1][0] if index + 1 < len(found) else section.end
            self.places[f"rank {rank_id}"] = Place(
                f"rank {rank_id}", Words(f"08 の「{name['ja']}」", f"section 08, {name['en']}"), line, end
            )

    def _initiatives(self, documents: dict) -> None:
        section = self.places.get("section 11")
        if section is None:
            return
        starts = []
        for name, document in documents.items():
            if not name.startswith("initiatives/"):
                continue
            number, title = document.data["number"], normalise_line(document.data["title"]["ja"])
            # the block's heading: the last line of the section that is its title (the index at the section's
            # start lists every title first), with a number before or after it or not (the PDF's text moves
            # the numbers); else its title followed by its number, or the title's last occurrence
            line = next(
                (
                    n
                    for n in range(section.end - 1, section.start, -1)
                    if _NUMBERS_AROUND.sub("", normalise_line(self.lines[n])) == title
                ),
                None,
            )
            if line is None:
                position = self.find(title + number, section.start, section.end)
                if position == -1:
                    position = self.text.rfind(title, self.offset(section.start), self.offset(section.end))
                line = self.line_at(position) if position != -1 else None
            if line is None:
                self.missing.append(Words(f"取組 {number}「{title}」", f"initiative {number}"))
                continue
            starts.append((line, number, title))
        starts.sort()
        back = self._back_matter(documents, section)
        for index, (line, number, title) in enumerate(starts):
            end = starts[index + 1][0] if index + 1 < len(starts) else back
            self.places[f"initiative {number}"] = Place(
                f"initiative {number}", Words(f"取組 {number}「{title}」", f"initiative {number}"), line, end
            )
        if back < section.end:
            self.places["back"] = Place("back", Words("11 より後", "after section 11"), back, len(self.lines))

    def _back_matter(self, documents: dict, section: Place) -> int:
        """The line where the back matter (the cover note) starts, or the end of section 11."""
        cover = documents.get("meta.yml").data.get("cover_note", {}) if "meta.yml" in documents else {}
        title = cover.get("title", {}).get("ja") if isinstance(cover, dict) else None
        if title:
            position = self.text.rfind(normalise_line(title), self.offset(section.start), self.offset(section.end))
            if position != -1:
                return self.line_at(position)
        return section.end


def _sections(documents: dict) -> list[tuple[str, str]]:
    """(number, Japanese title) of every numbered section the data gives a heading, in number order."""
    found = {}

    def walk(node):
        if isinstance(node, dict):
            number, title = node.get("number"), node.get("title")
            if isinstance(number, str) and re.fullmatch(r"\d{2}", number) and isinstance(title, dict):
                found.setdefault(number, title.get("ja", ""))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for name, document in documents.items():
        if not name.startswith("initiatives/"):
            walk(document.data)
    return sorted(found.items())


# --- where a text of the data should stand ----------------------------------------------------------------------

# (file, first key of the path) -> the places, for files whose parts stand in different sections.
_PARTS = {
    ("organisation.yml", "target_image"): ["section 02"],
    ("organisation.yml", "growth_actions"): ["section 04"],
    ("organisation.yml", "development_plans"): ["section 04"],
    ("organisation.yml", "growth_cycle"): ["section 05"],
    ("meta.yml", "basic_concept"): ["section 01"],
    ("orientations.yml", "results"): ["section 03", "section 08"],  # the competency tables' fifth column
    ("ranks.yml", "tiers"): [WHOLE],  # names the data gives the groups of ranks
    ("ranks.yml", "job_titles"): ["section 09"],
    ("ranks.yml", "job_titles_scope"): ["section 09"],
    ("ranks.yml", "role_flow"): ["section 09"],
    ("ranks.yml", "rank_image"): ["section 10"],
    ("ranks.yml", "katz_model"): ["section 10"],
}
_FILES = {
    "orientations.yml": ["section 03"],
    "talents.yml": ["section 06", "section 11"],  # the detailed plans stand with the initiatives
    "indicators.yml": ["section 07"],
    "areas.yml": ["section 05", "section 07", "section 11"],  # the activity indicators are listed in 07
    "ranks.yml": ["section 08"],
    "competencies.yml": ["section 08"],
}
# The PDF's text puts some initiatives' tables and boxes up to this many blocks away from their own.
INITIATIVE_REACH = 4
# A text this short (a label, a table cell) stands in many places: it is looked for in the whole source.
SHORTEST_PLACED = 9


@dataclass(frozen=True)
class Expected:
    """Where a text should stand: in every one of `every` (a table printed for several ranks), or else in one of
    `one_of` (its place, or the places around it where the PDF's text may have put it)."""

    every: tuple[str, ...] = ()
    one_of: tuple[str, ...] = ()

    @property
    def own(self) -> str:
        """The place a message names: the first one."""
        return (self.every or self.one_of)[0]


def _with_previous(keys: list[str]) -> tuple[str, ...]:
    """A section, and the end of the one before it: the PDF's text often puts a chart's boxes before its heading."""
    out = []
    for key in keys:
        out.append(key)
        if key.startswith("section ") and key != "section 01":
            out.append(f"section {int(key.split()[1]) - 1:02d}")
    return tuple(dict.fromkeys(out))


def expected_places(name: str, path: tuple, data: dict) -> Expected:
    """The places of the source where the text at `path` of the data file `name` should stand."""
    top = path[0] if path else None
    if name.startswith("initiatives/"):
        number = int(Path(name).stem)
        reach = range(number - INITIATIVE_REACH, number + INITIATIVE_REACH + 1)
        return Expected(one_of=tuple(f"initiative {n:03d}" for n in sorted(reach, key=lambda n: abs(n - number))))
    if name == "competencies.yml" and top == "tables" and len(path) > 1:
        return Expected(every=tuple(f"rank {rank}" for rank in data["tables"][path[1]].get("ranks", [])))
    if name == "ranks.yml" and top == "ranks" and len(path) > 1:
        return Expected(one_of=(f"rank {data['ranks'][path[1]]['id']}",))
    if name == "glossary.yml" and top == "terms" and len(path) > 1:
        place = data["terms"][path[1]].get("defined_in", "")
        if len(place) == 3:
            return expected_places(f"initiatives/{place}.yml", (), data)
        return Expected(one_of=_with_previous([f"section {place}"]))
    if (name, top) in _PARTS:
        return Expected(one_of=_with_previous(_PARTS[name, top]))
    if name in _FILES:
        return Expected(one_of=_with_previous(_FILES[name]))
    return Expected(one_of=(WHOLE,))  # meta.yml's front and back matter: the title, the top message, the cover note
