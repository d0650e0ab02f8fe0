"""The areas, their themes and initiatives (section 11), the glossary, and the key HR indicators and outcome
targets (section 07)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import addresses
from .orientations import Talent
from .texts import Block, Figure, Section, Text


@dataclass
class Theme:
    id: str
    name: Text
    area: Area = field(repr=False)
    initiatives: list[Initiative] = field(default_factory=list)  # derived from each initiative's theme


@dataclass
class Area:
    id: str
    name: Text
    description: Text | None
    activity_indicators: list[Text]
    themes: list[Theme] = field(default_factory=list)

    @property
    def initiatives(self) -> list[Initiative]:
        return [initiative for theme in self.themes for initiative in theme.initiatives]


@dataclass
class AreasSection:
    section: Section
    blocks: list[Block]


@dataclass
class Withdrawal:
    """An initiative a revision withdrew: its page stays at its address as a short notice."""

    revision: Text  # the revision that withdrew it
    merged_into: Initiative | None = None  # the initiative it was merged into, if any


@dataclass
class Initiative:
    number: str
    title: Text
    theme: Theme
    text: list[Text]
    blocks: list[Block]
    featured: bool = False  # shown in section 05 as one of its theme's main initiatives
    talents: list[Talent] = field(default_factory=list)
    source_note: Text | None = None
    withdrawn: Withdrawal | None = None  # kept out of every list of the policy (Policy.withdrawn_initiatives)

    @property
    def area(self) -> Area:
        return self.theme.area

    @property
    def page(self) -> str:
        return addresses.initiative(self.number)


@dataclass
class GlossaryTerm:
    id: str
    term: Text
    definition: Text
    reading: Text | None
    aliases: list[str]
    defined_in: Initiative | Section | None  # where the source defines it

    @property
    def anchor(self) -> str:
        return f"{addresses.GLOSSARY}#{self.id}"

    @property
    def defined_in_kind(self) -> str:
        """'initiative' or 'section': how a page names the place of the definition."""
        return "initiative" if isinstance(self.defined_in, Initiative) else "section"


@dataclass
class Indicator:
    """An HR figure with one or more values. `scale` is the full length of its chart's bars, in the unit of
    its values; it is drawn as a chart only when it has several values of one unit."""

    id: str
    label: Text
    values: list[Figure]
    as_of: Text | None = None
    measure: Text | None = None
    scale: float | None = None
    notes: list[Text] = field(default_factory=list)
    source_note: Text | None = None
    initiative: Initiative | None = None  # the initiative whose targets include this figure

    @property
    def charted(self) -> bool:
        return len(self.values) > 1 and len({value.unit for value in self.values}) == 1


@dataclass
class OutcomeTarget:
    id: str
    level: str  # organisation | staff
    goal: Text
    label: Text
    baseline: Figure
    target: Figure
    scale: float
    survey: Text | None = None
    notes: list[Text] = field(default_factory=list)
    source_note: Text | None = None


@dataclass
class UnquantifiedIndicator:
    """An indicator whose figures the source does not give (only labels and a unit)."""

    label: Text
    rows: list[Text]
    as_of: Text | None = None
    unit: Text | None = None
    notes: list[Text] = field(default_factory=list)
    source_note: Text | None = None


@dataclass
class Indicators:
    section: Section
    basics: list[Indicator]
    outcome_targets: list[OutcomeTarget]
    closing: list[Text]
    omitted: list[UnquantifiedIndicator]

    def targets_by_level(self) -> list[tuple[str, list[OutcomeTarget]]]:
        levels: dict[str, list[OutcomeTarget]] = {}
        for target in self.outcome_targets:
            levels.setdefault(target.level, []).append(target)
        return list(levels.items())
