"""What changes between ranks: items paired across two ranks, and the wording differences between them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from . import addresses
from .model import CompetencyItem, Policy, Rank, Text
from .typography import PhraseBreaker

_ENGLISH_TOKEN = re.compile(r"\s+|[^\s\w]|\w+")


@lru_cache(maxsize=1)
def _phrases() -> PhraseBreaker:
    return PhraseBreaker([])


def _tokens(text: str, language: str) -> list[str]:
    """Japanese is compared phrase by phrase (BudouX), so a marked change still reads as Japanese; English
    word by word (spaces kept as tokens)."""
    return list(_phrases().phrases(text)) if language == "ja" else _ENGLISH_TOKEN.findall(text)


def wording_diff(old: str, new: str, language: str) -> list[tuple[str, str]]:
    """The new wording as runs of ('same' | 'added' | 'removed', text), removed runs placed where they stood."""
    a, b = _tokens(old, language), _tokens(new, language)
    runs: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            runs.append(("same", "".join(a[i1:i2])))
            continue
        if op in ("delete", "replace"):
            runs.append(("removed", "".join(a[i1:i2])))
        if op in ("insert", "replace"):
            runs.append(("added", "".join(b[j1:j2])))
    return runs


@dataclass
class ItemPair:
    orientation: str
    kind: str
    group_names: tuple[Text | None, Text | None]
    items: tuple[CompetencyItem | None, CompetencyItem | None]

    @property
    def same_wording(self) -> bool:
        first, second = self.items
        return bool(first and second and first.description == second.description)


def pair_items(first: Rank, second: Rank) -> list[ItemPair]:
    """Items of two ranks side by side, group by group: matched by id (the same item name keeps its id
    across tables), then the rest of each group in its order."""
    pairs = []
    for group_a, group_b in zip(first.table.groups, second.table.groups, strict=True):
        by_id = {item.id: item for item in group_b.items}
        matched = [(item, by_id.pop(item.id, None)) for item in group_a.items]
        leftovers = list(by_id.values())
        rows = [(a, b) for a, b in matched if b is not None]
        rows += [(a, None) for a, b in matched if b is None] + [(None, b) for b in leftovers]
        for a, b in rows:
            pairs.append(ItemPair(group_a.orientation, group_a.kind, (group_a.name, group_b.name), (a, b)))
    return pairs


@dataclass
class ItemHistory:
    """One item id across the ranks that have it, top rank first; ranks sharing a table share a step."""

    id: str
    name: Text
    steps: list[tuple[list[Rank], CompetencyItem]]

    @property
    def page(self) -> str:
        return self.steps[0][1].history_page


def item_histories(policy: Policy) -> list[ItemHistory]:
    histories: dict[str, ItemHistory] = {}
    for rank in policy.ranks:
        for item in rank.table.items:
            history = histories.setdefault(item.id, ItemHistory(item.id, item.name, []))
            if history.steps and history.steps[-1][1] is item:
                history.steps[-1][0].append(rank)
            else:
                history.steps.append(([rank], item))
    return list(histories.values())


def comparison_pairs(policy: Policy) -> list[tuple[Rank, Rank]]:
    """Every pair of ranks as (rank, a higher rank): what growing into the higher one asks."""
    return [(lower, upper) for lower in policy.ranks for upper in policy.ranks if upper.position < lower.position]


def comparison_key(lower: Rank, upper: Rank) -> str:
    return f"{lower.id}--{upper.id}"


def comparison_page(lower: Rank, upper: Rank) -> str:
    return addresses.comparison(lower.id, upper.id)
