"""The three key talents: an index page and a page for each."""

from __future__ import annotations

from .. import addresses
from . import PageKind, PageSpec


def _talent_words(policy, spec: PageSpec, language: str) -> list[str]:
    return [level.name[language] for level in spec.entity.levels]


KINDS = [
    PageKind("talents_index", 10, section="talents", title="talents", path=addresses.TALENTS),
    PageKind(
        "talent",
        10.1,
        section="talents",
        pages=lambda policy: [PageSpec(t.page, "talent", t.name, t) for t in policy.talents],
        context=lambda renderer, spec: {"talent": spec.entity},
        keywords=_talent_words,
        scripts=("tables",),
    ),
]
