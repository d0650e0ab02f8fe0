"""The tools for the competencies: the explorer (with the downloads), the comparison of two ranks (an index of
every pair, a page for each) and each item's history across the ranks."""

from __future__ import annotations

from .. import addresses
from ..compare import comparison_page, comparison_pairs, item_histories, pair_items
from ..model import Text
from ..ui import label
from . import PageKind, PageSpec


def _comparisons(policy) -> list[PageSpec]:
    compare = label("comparison")
    return [
        PageSpec(
            comparison_page(lower, upper),
            "comparison",
            Text(
                f"{lower.name.ja} → {upper.name.ja}（{compare.ja}）",
                f"{lower.name.en} → {upper.name.en} ({compare.en})",
            ),
            (lower, upper),
            in_nav=False,
        )
        for lower, upper in comparison_pairs(policy)
    ]


def _item_histories(policy) -> list[PageSpec]:
    across = label("item_history")
    return [
        PageSpec(
            h.page, "item", Text(f"{h.name.ja}（{across.ja}）", f"{h.name.en} ({across.en.lower()})"), h, in_nav=False
        )
        for h in item_histories(policy)
    ]


def _compare_index(renderer, spec: PageSpec) -> dict:
    return {
        "pairs": comparison_pairs(renderer.policy),
        "histories": list(renderer.histories.values()),
        "comparison_page": comparison_page,
    }


def _comparison(renderer, spec: PageSpec) -> dict:
    lower, upper = spec.entity
    return {"lower": lower, "upper": upper, "pairs": pair_items(lower, upper)}


KINDS = [
    PageKind(
        "explorer",
        8,
        section="competency_tools",
        path=addresses.EXPLORER,
        tool=("explorer", ("explorer_intro", "search_explorer_downloads")),
        derived=True,
        in_book=False,
        scripts=("explorer", "tables"),
    ),
    PageKind(
        "compare_index",
        8.1,
        section="competency_tools",
        title="compare",
        path=addresses.COMPARE,
        context=_compare_index,
        tool=("compare", ("compare_intro", "way_compare")),
        in_book=False,
        scripts=("compare",),
    ),
    # Not in the search index: the 22 pairs came before the rank pages for 課長 and 主査級; the index offers them.
    PageKind(
        "comparison",
        8.2,
        section="competency_tools",
        pages=_comparisons,
        context=_comparison,
        indexed=False,
        derived=True,
        in_book=False,
        scripts=("tables",),
    ),
    PageKind(
        "item",
        8.3,
        section="competency_tools",
        pages=_item_histories,
        context=lambda renderer, spec: {"history": spec.entity},
        in_book=False,
    ),
]
