"""The prose of meta.yml and organisation.yml: the title, the top message, the basic concept (01), the target
image and its key values (02), the growth actions (04), the development plans and the growth cycle (05)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .initiatives import Area
from .orientations import Orientation
from .texts import Section, Text


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
class MessageBox:
    """A box of the top message: 「わたしの最大の成長機会」, 「わたしの成長のバイブル」 (a book, with its credit)."""

    label: Text
    title: Text
    paragraphs: list[Text]
    credit: Text | None = None


@dataclass
class TopMessage:
    title: Text
    paragraphs: list[Text]
    growth_opportunity: MessageBox
    growth_bible: MessageBox


@dataclass
class Vision:
    """The city the 8th Comprehensive Plan aims for."""

    label: Text
    name: Text
    paragraphs: list[Text]


@dataclass
class Philosophy:
    label: Text
    lead: Text
    paragraphs: list[Text]


@dataclass
class ComprehensivePlan:
    label: Text


@dataclass
class Contact:
    """Whom staff ask about what the policy leaves open: set by the maintainers, not policy text."""

    name: Text
    details: Text | None = None


@dataclass
class Viewpoint:
    """One of the basic concept's viewpoints, with the sections that develop it."""

    number: int
    title: Text
    text: list[Text]
    sections: list[Section]


@dataclass
class BasicConcept:
    section: Section
    foundation: Text
    policy_name: Text
    policy_definition: Text
    viewpoints_intro: list[Text]
    viewpoints: list[Viewpoint]
    source_note: Text | None = None


@dataclass
class DetailedPart:
    title: Text
    contents: Text
    note: Text
    sections: list[Section]


@dataclass
class CoverNote:
    title: Text
    paragraphs: list[Text]


@dataclass
class Revision:
    date: Text
    event: Text


@dataclass
class Meta:
    title: Text
    revision: Text
    published: str | None  # YYYY-MM-DD: the first publication to staff (the changes page reads it from git)
    top_message: TopMessage
    vision: Vision
    philosophy: Philosophy
    comprehensive_plan: ComprehensivePlan
    basic_concept: BasicConcept
    detailed_part: DetailedPart
    cover_note: CoverNote
    contact: Contact
    revision_history: list[Revision]


@dataclass
class OrganisationTarget:
    """The organisation's side of the target image."""

    side_label: Text
    title: Text
    goals: list[Text]
    ideal_state_label: Text
    ideal_state: list[Text]


@dataclass
class StaffFigure:
    centre: Text
    orientations: list[Orientation]


@dataclass
class StaffTarget:
    """The staff's side of the target image."""

    side_label: Text
    title: Text
    name: Text
    steps: list[Text]
    figure: StaffFigure
    text: Text
    ideal_state_label: Text
    ideal_state: list[Text]


@dataclass
class TargetImage:
    """Section 02; its key values are Policy.key_values."""

    section: Section
    vision_label: Text
    organisation: OrganisationTarget
    key_values_title: Text
    staff: StaffTarget


@dataclass
class ActionColumns:
    staff: Text
    manager: Text


@dataclass
class GrowthActions:
    """Section 04; the actions of each key value are Policy.key_value_actions."""

    section: Section
    number: int
    title: Text
    actions_intro: list[Text]
    columns: ActionColumns
    source_note: Text | None = None


@dataclass
class PlanLevel:
    id: str
    name: Text
    covered_by: Text | None = None
    items: list[Text] = field(default_factory=list)
    description: Text | None = None


@dataclass
class PlanRelation:
    title: Text
    category_label: Text
    dimensions: list[Text]
    levels: list[PlanLevel]
    source_note: Text | None = None


@dataclass
class Plan:
    kind: str  # a key of DevelopmentPlans.columns
    fields: list[Text]
    plan: Text
    source_note: Text | None = None


@dataclass
class DevelopmentPlans:
    number: int
    title: Text
    intro: list[Text]
    relation: PlanRelation
    status_title: Text
    as_of: Text
    columns: dict[str, Text]  # each kind of plan and its heading, in the order shown
    plans: list[Plan]
    source_note: Text | None = None


@dataclass
class GrowthCycle:
    """Section 05: the cycle of staff and organisation growth."""

    section: Section
    vision_label: Text
    goal: Text
    staff_growth_label: Text
    staff_growth: list[Text]
    organisation_growth_label: Text
    organisation_growth: list[Text]
    label: Text
    areas_label: Text
    areas: list[Area]


@dataclass
class Organisation:
    target_image: TargetImage
    growth_actions: GrowthActions
    development_plans: DevelopmentPlans
    growth_cycle: GrowthCycle
