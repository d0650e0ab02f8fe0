"""What changes between ranks: items paired across two ranks, and the wording differences between them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from . import addresses
from .model import CompetencyItem, Policy, PostType, Rank, Text
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
    chunks: list[tuple[str, str, str]] = []  # ("same", text, text) or ("change", removed, added)
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        chunks.append(("same" if op == "equal" else "change", "".join(a[i1:i2]), "".join(b[j1:j2])))
    if language != "ja":
        chunks = _spaced(_whole_clauses(chunks))
    runs: list[tuple[str, str]] = []
    for kind, removed, added in chunks:
        if kind == "same":
            runs.append(("same", removed))
            continue
        runs += [run for run in (("removed", removed), ("added", added)) if run[1]]
    return runs


def _whole_clauses(chunks: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """English word by word marks every short word two changes have in common ("~~Understands~~In ~~the~~…"):
    an equality between two changes that is no longer than the change on either side, or only spaces and
    punctuation, is taken into both (the rule of diff-match-patch's semantic cleanup)."""
    chunks = list(chunks)
    index = 1
    while index < len(chunks) - 1:
        before, same, after = chunks[index - 1 : index + 2]
        if same[0] == "same" and before[0] == after[0] == "change":
            text = same[1]
            short = len(text) <= max(map(len, before[1:])) and len(text) <= max(map(len, after[1:]))
            if short or not any(c.isalnum() for c in text):
                merged = ("change", before[1] + text + after[1], before[2] + text + after[2])
                chunks[index - 1 : index + 2] = [merged]
                index = max(index - 1, 1)
                continue
        index += 1
    return chunks


def _spaced(chunks: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A space between removed and added words ("~~rules~~ discipline", not "rulesdiscipline"): each side of a
    change takes the space that follows it (or else the one before it) from the text both wordings share."""
    chunks = list(chunks)
    for index, (kind, removed, added) in enumerate(chunks):
        if kind != "change" or not (removed and added):
            continue
        after = chunks[index + 1] if index + 1 < len(chunks) else None
        before = chunks[index - 1] if index else None
        if after and after[0] == "same" and after[1][:1].isspace():
            rest = after[1].lstrip()
            space = after[1][: len(after[1]) - len(rest)]
            chunks[index] = (kind, removed + space, added + space)
            chunks[index + 1] = ("same", rest, rest)
        elif before and before[0] == "same" and before[1][-1:].isspace():
            rest = before[1].rstrip()
            space = before[1][len(rest) :]
            chunks[index] = (kind, space + removed, space + added)
            chunks[index - 1] = ("same", rest, rest)
    return [chunk for chunk in chunks if chunk[1] or chunk[2]]


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


@dataclass
class RoleRow:
    """The basic roles of two ranks for one post type (both ranks' only roles when neither names post types)."""

    post_type: PostType | None
    duties: tuple[list[Text], list[Text]]


class ItemPairs(list):
    """The item pairs of two ranks in order (a list of ItemPair), with what a comparison shows around them."""

    def __init__(self, pairs: list[ItemPair], first: Rank, second: Rank):
        super().__init__(pairs)
        self.roles = pair_roles(first, second)

    @property
    def differing(self) -> list[ItemPair]:
        """Pairs worded differently, an item of one rank only included."""
        return [pair for pair in self if not pair.same_wording]

    @property
    def alike(self) -> list[ItemPair]:
        return [pair for pair in self if pair.same_wording]

    @property
    def roles_differ(self) -> bool:
        return any(row.duties[0] != row.duties[1] for row in self.roles)


def pair_roles(first: Rank, second: Rank) -> list[RoleRow]:
    """The basic roles side by side, one row per post type either rank names (the second's order first). A rank
    whose role names no post type (主任主事級) has that role for every post: it stands in each row."""
    types = {role.post_type.id: role.post_type for rank in (second, first) for role in rank.roles if role.post_type}
    if not types:
        return [RoleRow(None, tuple([d for role in rank.roles for d in role.duties] for rank in (first, second)))]

    def duties(rank: Rank, post_type: PostType) -> list[Text]:
        for role in rank.roles:
            if role.post_type is None or role.post_type.id == post_type.id:
                return role.duties
        return []

    return [RoleRow(post_type, (duties(first, post_type), duties(second, post_type))) for post_type in types.values()]


def pair_items(first: Rank, second: Rank) -> ItemPairs:
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
    return ItemPairs(pairs, first, second)


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
