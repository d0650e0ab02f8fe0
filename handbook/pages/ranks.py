"""The seven ranks: an index page (with the rank finder) and a page for each, with its roles and competencies."""

from __future__ import annotations

from .. import addresses
from ..compare import comparison_page
from . import PageKind, PageSpec


def _rank_words(policy, spec: PageSpec, language: str) -> list[str]:
    """The rank's tier, the job titles the policy maps to it and its posts."""
    rank = spec.entity
    words = [rank.tier.name[language]] + [title.name[language] for title in rank.job_titles]
    return words + [role.post_type.name[language] for role in rank.roles if role.post_type]


KINDS = [
    PageKind("ranks_index", 6, section="ranks", title="ranks", path=addresses.RANKS, scripts=("tables",)),
    PageKind(
        "rank",
        6.1,
        section="ranks",
        pages=lambda policy: [PageSpec(r.page, "rank", r.name, r) for r in policy.ranks],
        context=lambda renderer, spec: {"rank": spec.entity, "comparison_page": comparison_page},
        keywords=_rank_words,
        scripts=("print",),
        prints_policy=True,
    ),
]
