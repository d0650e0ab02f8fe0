"""The ranks and what hangs on them: tiers, post types, roles, job titles, the competency tables (section 08),
the role flow (09), the rank overview and the Katz model (10)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import addresses
from .orientations import Orientation
from .texts import Section, Text


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
