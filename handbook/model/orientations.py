"""The four orientations and the talents the policy aims to develop (sections 03 and 06)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import addresses
from .texts import Block, Figure, Section, Text

if TYPE_CHECKING:  # a talent knows its initiatives, an initiative its talents
    from .initiatives import Initiative


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
