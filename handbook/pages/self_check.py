"""One printable self-check sheet per rank, which is also the staff member's growth record (handbook.growth,
overrides/assets/growth.js)."""

from __future__ import annotations

from .. import addresses, growth
from ..model import Text
from ..ui import label
from . import PageKind, PageSpec


def _pages(policy) -> list[PageSpec]:
    sheet = label("self_check")
    return [
        PageSpec(r.self_check_page, "self_check", Text(f"{sheet.ja}（{r.name.ja}）", f"{sheet.en}: {r.name.en}"), r)
        for r in policy.ranks
    ]


def sheet_view(renderer, spec: PageSpec) -> dict:
    """The sheet, its growth record's data for the script and what the next rank asks."""
    rank, language, policy = spec.entity, renderer.language, renderer.policy
    target = growth.growth_target(rank)
    initiatives = {i.number: i for i in policy.initiatives}

    def sheet_href(other) -> str:
        return addresses.link(renderer.specs[other.self_check_page].url, spec.url)

    return {
        "rank": rank,
        "target": target,
        "steps": growth.next_steps(rank, target) if target else {},
        "ranks_above": renderer.separators["list"].join(  # nearest first
            r.name[language] for r in reversed(policy.ranks) if r.position < rank.position
        ),
        "blocks": growth.orientation_blocks(rank),
        "vision_questions": growth.VISION_QUESTIONS,
        "career_review": initiatives.get(growth.CAREER_REVIEW),
        "one_on_one": initiatives.get(growth.ONE_ON_ONE),
        "growth_data": growth.page_data(policy, rank, language, sheet_href),
        "fill": lambda key, **values: growth.fill(label(key)[language], **values),
    }


KINDS = [
    PageKind(
        "self_check",
        7,
        section="self_checks",
        pages=_pages,
        context=sheet_view,
        tool=("self_check", ("way_self_check", "search_about_self_check")),
        derived=True,
        in_book=False,
        scripts=("growth/main", "print", "tables"),
        prints_policy=True,
    )
]
