"""The policy as typed records, built once from the validated YAML (handbook.load).

Every entity a page is made of, or that another entity points to, is a record here, with its references
resolved to records, so templates only read fields. Each entity that has a page knows its source path
(`page`); where that page lives in each language is decided by `handbook.site`. Prose that a single page
shows as it stands (the top message, the target image cards) stays a tree of dicts and lists whose
texts are `Text`: templates read it field by field, and a missing field stops the build (StrictUndefined).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import addresses

# The languages of the handbook; the first is the default one, served at the site root.
LANGUAGES = ("ja", "en")


class UnknownId(KeyError):
    """A look-up by id found nothing: says which id, of what, and which ids exist."""

    def __init__(self, what: str, wanted: str, known):
        super().__init__(f"there is no {what} '{wanted}' (known: {', '.join(map(str, known))})")


@dataclass(frozen=True)
class Reference:
    """A pointer inside a text to another part of the policy, as the printed policy wrote it ("（P14～20）",
    "次ページ以降"): the words in each language and the place they point at (a section or initiative number).
    The site shows a link to that place instead of the page reference."""

    ja: str
    en: str
    to: str


@dataclass(frozen=True)
class Text:
    ja: str
    en: str
    see: Reference | None = None

    def __getitem__(self, language: str) -> str:
        if language == "ja":
            return self.ja
        if language == "en":
            return self.en
        raise UnknownId("language", language, LANGUAGES)


@dataclass(frozen=True)
class Figure:
    """A number from the policy, with its unit and what it counts."""

    value: int | float
    unit: Text | None = None
    label: Text | None = None
    year: Text | None = None


def as_tree(node: Any) -> Any:
    """Turn every {ja, en} mapping of a loaded YAML tree into a Text, and every {value: …} into a Figure."""
    if isinstance(node, dict):
        if (
            set(node) in ({"ja", "en"}, {"ja", "en", "see"})
            and isinstance(node["ja"], str)
            and isinstance(node["en"], str)
        ):
            see = node.get("see")
            return Text(
                node["ja"].strip(), node["en"].strip(), Reference(see["ja"], see["en"], see["to"]) if see else None
            )
        tree = {key: as_tree(value) for key, value in node.items()}
        if "value" in tree and set(tree) <= {"value", "unit", "label", "year"}:
            return Figure(tree["value"], tree.get("unit"), tree.get("label"), tree.get("year"))
        return tree
    if isinstance(node, list):
        return [as_tree(value) for value in node]
    return node


@dataclass
class Section:
    """A numbered section of the source (01–11): its number, title and opening paragraphs."""

    number: str
    title: Text
    page: str  # the page (and place on it) that shows it, e.g. "role-flow.md#rank-image"
    intro: list[Text] = field(default_factory=list)
    closing: list[Text] = field(default_factory=list)
    source_note: Text | None = None


@dataclass
class Table:
    caption: Text | None
    columns: list[Text]
    rows: list[list[Text | Figure | None]]
    notes: list[Text] = field(default_factory=list)
    source_note: Text | None = None


@dataclass
class Block:
    """A free-form part of a page: an optional heading over paragraphs, a list, a table and notes."""

    heading: Text | None = None
    paragraphs: list[Text] = field(default_factory=list)
    items: list[Text] = field(default_factory=list)
    table: Table | None = None
    notes: list[Text] = field(default_factory=list)
    source_note: Text | None = None


@dataclass
class CompetencyItem:
    id: str
    name: Text
    description: Text
    group: CompetencyGroup = field(repr=False)
    source_note: Text | None = None

    @property
    def history_page(self) -> str:
        return addresses.item(self.id)


@dataclass
class CompetencyGroup:
    orientation: str  # an orientation id, or "results"
    kind: str  # attitude | ability | results
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
    ranks: list[Rank] = field(default_factory=list)


@dataclass
class PostType:
    id: str
    name: Text


@dataclass
class Role:
    post_type: PostType | None
    duties: list[Text]


@dataclass
class JobTitle:
    job_type: Text
    name: Text
    rank: Rank


@dataclass
class JobType:
    """業務職 or 運輸職: its titles, each mapped onto a rank."""

    name: Text
    titles: list[JobTitle]
    note: Text


@dataclass
class Rank:
    id: str
    name: Text
    tier: Tier
    table: CompetencyTable
    roles: list[Role]
    position: int  # 0 = the highest rank
    above: Rank | None = None
    below: Rank | None = None
    job_titles: list[JobTitle] = field(default_factory=list)
    sharing_table: list[Rank] = field(default_factory=list)  # other ranks with the same competency table
    source_note: Text | None = None

    @property
    def page(self) -> str:
        return addresses.rank(self.id)

    @property
    def self_check_page(self) -> str:
        return addresses.self_check(self.id)


def link_ranks(ranks: list[Rank]) -> dict[str, Rank]:
    """Join ranks given from the highest down: each to the ranks above and below it and to the others that
    share its competency table. Returns them by id."""
    for upper, lower in zip(ranks, ranks[1:], strict=False):
        upper.below, lower.above = lower, upper
    by_id = {rank.id: rank for rank in ranks}
    for rank in ranks:
        rank.sharing_table = [by_id[rid] for rid in rank.table.rank_ids if rid != rank.id]
    return by_id


@dataclass
class Orientation:
    id: str
    name: Text
    aim: Text | None
    behaviours: list[Text]
    abilities_to_grow: list[Text]
    source_note: Text | None = None

    @property
    def page(self) -> str:
        return addresses.orientation(self.id)


@dataclass
class TalentAbility:
    name: Text
    text: Text


@dataclass
class TalentLevel:
    id: str
    name: Text
    plan_name: Text | None
    description: Text | None
    role: Text | None
    means: list[Text]
    target: Figure | None  # a number to reach, with its year
    target_text: Text | None  # or words instead of a number
    target_label: Text | None
    target_year: Text | None
    source_note: Text | None = None


@dataclass
class Talent:
    id: str
    number: int
    name: Text
    role: Text
    development_aim: Text | None
    abilities: list[TalentAbility]
    abilities_summary: Text | None
    levels_caption: Text | None
    levels: list[TalentLevel]
    blocks: list[Block]
    source_note: Text | None = None
    initiatives: list[Initiative] = field(default_factory=list)  # the initiatives that name this talent

    @property
    def page(self) -> str:
        return addresses.talent(self.id)


@dataclass
class TalentsSection:
    section: Section
    background: list[Text]
    issues: list[Text]
    blocks: list[Block]


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
class Initiative:
    number: str
    title: Text
    theme: Theme
    text: list[Text]
    blocks: list[Block]
    featured: bool = False  # shown in section 05 as one of its theme's main initiatives
    talents: list[Talent] = field(default_factory=list)
    source_note: Text | None = None

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
class KeyValue:
    """One of the three key values of the target image (対話・つながり・ビジョンの共有)."""

    id: str
    name: Text
    organisation_aim: Text


@dataclass
class KeyValueActions:
    key_value: KeyValue
    number: int
    staff_actions: list[Text]
    manager_actions: list[Text]


@dataclass
class EditorNote:
    """A maintainers' note on the data (`source_note`): where it is written and which page it concerns.
    Staff pages never show these; the maintainers' page lists them."""

    file: str  # relative to policy_data, e.g. "initiatives/015.yml"
    line: int
    field: str
    text: Text
    page: str  # the handbook page the noted data appears on


# The role flow between ranks (section 09)


@dataclass
class FlowFunction:
    post_type: PostType | None
    label: Text | None
    items: list[Text]
    source_note: Text | None = None


@dataclass
class FlowActor:
    id: str
    name: Text
    rank: Rank | None  # the mayor and deputy mayor are not ranks
    position: int  # 0 = the top of the chart
    functions: list[FlowFunction] = field(default_factory=list)
    links: list[FlowLink] = field(default_factory=list)  # outgoing


@dataclass
class FlowLink:
    source: FlowActor
    target: FlowActor
    label: Text

    @property
    def downward(self) -> bool:
        return self.target.position > self.source.position


@dataclass
class RoleFlow:
    section: Section
    actors: list[FlowActor]
    unplaced_labels: list[Text]
    notes: list[Text]
    source_note: Text | None = None


# The rank overview chart and the Katz model (section 10)


@dataclass
class RankImageCell:
    orientation: Orientation
    attitude: Text
    ability: Text
    source_note: Text | None = None


@dataclass
class RankImageRow:
    label: Text
    ranks: list[Rank]
    cells: list[RankImageCell]  # one per orientation, in the orientations' order


@dataclass
class RankImage:
    section: Section
    headings: dict[str, Text]
    rows: list[RankImageRow]
    notes: list[Text]
    source_note: Text | None = None


@dataclass
class KatzSkill:
    id: str
    name: Text
    figure_label: Text
    explanation: Text


@dataclass
class KatzLevel:
    label: Text
    ranks: list[Rank]
    skill: KatzSkill


@dataclass
class KatzModel:
    title: Text
    intro: list[Text]
    columns: list[Text]
    skills: dict[str, KatzSkill]
    levels: list[KatzLevel]
    points: list[Text]
    source_note: Text | None = None


@dataclass
class RanksSection:
    section: Section
    job_types: list[JobType]
    job_titles_scope: Text | None  # where else the job-title readings apply
    role_flow: RoleFlow
    rank_image: RankImage
    katz_model: KatzModel


# Key HR indicators and outcome targets (section 07)


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


@dataclass
class Policy:
    meta: dict  # title, revision, top message, vision, basic concept …: prose shown as it stands
    terminology: list[dict]
    glossary: list[GlossaryTerm]
    organisation: dict  # target image and growth actions cards, development plans, growth cycle
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
    initiatives: list[Initiative]
    sections: dict[str, Section] = field(default_factory=dict)  # by number, "01" … "11"
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
