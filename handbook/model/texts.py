"""Texts and the shapes prose takes: Text ({ja, en}, with an optional page Reference), Figure, Section,
Table and Block; as_tree turns a loaded YAML tree's texts and figures into these."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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
