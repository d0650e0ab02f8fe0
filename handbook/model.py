"""The policy as typed records, built once from the validated YAML.

Entities that pages are made of (ranks, competencies, orientations, talents, areas, initiatives, glossary
terms) are dataclasses. Content that is only ever displayed as it stands (the top message, the role-flow
figure, free-form blocks) stays a tree of dicts and lists whose texts are `Text`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("ja", "en")


@dataclass(frozen=True)
class Text:
    ja: str
    en: str

    def __getitem__(self, language: str) -> str:
        return self.ja if language == "ja" else self.en


def as_tree(node: Any) -> Any:
    """Turn every {ja, en} mapping of a loaded YAML tree into a Text."""
    if isinstance(node, dict):
        if set(node) == {"ja", "en"} and all(isinstance(v, str) for v in node.values()):
            return Text(node["ja"].strip(), node["en"].strip())
        return {key: as_tree(value) for key, value in node.items()}
    if isinstance(node, list):
        return [as_tree(value) for value in node]
    return node


@dataclass
class CompetencyItem:
    id: str
    name: Text
    description: Text
    group: "CompetencyGroup" = field(repr=False)
    source_note: Text | None = None


@dataclass
class CompetencyGroup:
    orientation: str          # an orientation id, or "results"
    kind: str                 # attitude | ability | results
    name: Text
    items: list[CompetencyItem] = field(default_factory=list)
    source_note: Text | None = None


@dataclass
class CompetencyTable:
    id: str
    rank_ids: list[str]
    groups: list[CompetencyGroup]
    source_note: Text | None = None

    @property
    def items(self) -> list[CompetencyItem]:
        return [item for group in self.groups for item in group.items]


@dataclass
class Tier:
    id: str
    name: Text
    ranks: list["Rank"] = field(default_factory=list)


@dataclass
class Role:
    post_type: "PostType | None"
    duties: list[Text]


@dataclass
class PostType:
    id: str
    name: Text


@dataclass
class JobTitle:
    job_type: Text
    name: Text
    rank: "Rank"


@dataclass
class Rank:
    id: str
    name: Text
    tier: Tier
    table: CompetencyTable
    roles: list[Role]
    position: int                    # 0 = the highest rank
    above: "Rank | None" = None
    below: "Rank | None" = None
    job_titles: list[JobTitle] = field(default_factory=list)
    source_note: Text | None = None


@dataclass
class Orientation:
    id: str
    name: Text
    aim: Text | None
    behaviours: list[Text]
    abilities_to_grow: list[Text]
    source_note: Text | None = None


@dataclass
class Talent:
    id: str
    number: int
    name: Text
    content: dict                    # role, abilities, levels, blocks … as in talents.yml


@dataclass
class Theme:
    id: str
    name: Text
    area: "Area" = field(repr=False)
    initiatives: list["Initiative"] = field(default_factory=list)
    featured: list["Initiative"] = field(default_factory=list)


@dataclass
class Area:
    id: str
    name: Text
    description: Text | None
    activity_indicators: list[Text]
    themes: list[Theme] = field(default_factory=list)


@dataclass
class Initiative:
    number: str
    title: Text
    theme: Theme
    text: list[Text]
    blocks: list[dict]
    talents: list[Talent] = field(default_factory=list)
    source_note: Text | None = None

    @property
    def area(self) -> Area:
        return self.theme.area


@dataclass
class GlossaryTerm:
    id: str
    term: Text
    definition: Text
    reading: Text | None
    defined_in: str | None
    aliases: list[str]


@dataclass
class Policy:
    meta: dict
    terminology: list[dict]
    glossary: list[GlossaryTerm]
    organisation: dict
    orientations: list[Orientation]
    results: Text                    # the name of the non-orientation category 仕事の実績
    orientations_section: dict
    tiers: list[Tier]
    post_types: list[PostType]
    ranks: list[Rank]
    tables: list[CompetencyTable]
    ranks_data: dict                 # section 08 header, role flow (09), rank image and Katz model (10)
    talents: list[Talent]
    talents_data: dict
    indicators: dict
    areas: list[Area]
    areas_data: dict
    initiatives: list[Initiative]

    def rank(self, rank_id: str) -> Rank:
        return next(rank for rank in self.ranks if rank.id == rank_id)

    def orientation(self, orientation_id: str) -> Orientation:
        return next(o for o in self.orientations if o.id == orientation_id)

    def talent(self, talent_id: str) -> Talent:
        return next(t for t in self.talents if t.id == talent_id)

    def initiative(self, number: str) -> Initiative:
        return next(i for i in self.initiatives if i.number == number)

    def orientation_name(self, orientation_id: str) -> Text:
        return self.results if orientation_id == "results" else self.orientation(orientation_id).name
