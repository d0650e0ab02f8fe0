"""The whole policy, and the maintainers' notes on its data."""

from __future__ import annotations

from dataclasses import dataclass, field

from .initiatives import Area, AreasSection, GlossaryTerm, Indicators, Initiative
from .orientations import Orientation, Talent, TalentsSection
from .prose import KeyValue, KeyValueActions, Meta, Organisation
from .ranks import CompetencyItem, CompetencyTable, PostType, Rank, RanksSection, Tier
from .texts import Section, Text, UnknownId


@dataclass
class EditorNote:
    """A maintainers' note on the data (`source_note`): where it is written and which page it concerns.
    Staff pages never show these; the maintainers' page lists them."""

    file: str  # relative to policy_data, e.g. "initiatives/015.yml"
    line: int
    field: str
    text: Text
    page: str  # the handbook page the noted data appears on


@dataclass
class Policy:
    meta: Meta
    terminology: list[dict]
    glossary: list[GlossaryTerm]
    organisation: Organisation
    key_values: list[KeyValue]
    key_value_actions: list[KeyValueActions]
    orientations: list[Orientation]
    results: Text  # the name of the non-orientation category 仕事の実績
    orientations_section: Section
    tiers: list[Tier]
    post_types: list[PostType]
    ranks: list[Rank]
    tables: list[CompetencyTable]
    ranks_section: RanksSection
    talents: list[Talent]
    talents_section: TalentsSection
    indicators: Indicators
    areas: list[Area]
    areas_section: AreasSection
    initiatives: list[Initiative]  # the current ones; withdrawn ones only in withdrawn_initiatives
    sections: dict[str, Section] = field(default_factory=dict)  # by number, "01" … "11"
    withdrawn_initiatives: list[Initiative] = field(default_factory=list)  # their pages stay as notices
    editor_notes: list[EditorNote] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_id = {
            "rank": {rank.id: rank for rank in self.ranks},
            "orientation": {o.id: o for o in self.orientations},
            "talent": {t.id: t for t in self.talents},
            "initiative": {i.number: i for i in self.initiatives},
        }

    def _find(self, what: str, wanted: str):
        entities = self._by_id[what]
        if wanted not in entities:
            raise UnknownId(what, wanted, entities)
        return entities[wanted]

    def rank(self, rank_id: str) -> Rank:
        return self._find("rank", rank_id)

    def orientation(self, orientation_id: str) -> Orientation:
        return self._find("orientation", orientation_id)

    def talent(self, talent_id: str) -> Talent:
        return self._find("talent", talent_id)

    def initiative(self, number: str) -> Initiative:
        return self._find("initiative", number)

    def place(self, number: str) -> Section | Initiative:
        """What a reference or a glossary entry points at: a section ("08") or an initiative ("009")."""
        if number in self.sections:
            return self.sections[number]
        return self.initiative(number)

    def orientation_name(self, orientation_id: str) -> Text:
        return self.results if orientation_id == "results" else self.orientation(orientation_id).name

    @property
    def competency_items(self) -> list[tuple[Rank, CompetencyItem]]:
        """Every (rank, item) the ranks are evaluated on: 27 per rank in this policy."""
        return [(rank, item) for rank in self.ranks for item in rank.table.items]
