"""The four orientations: an index page and a page for each."""

from __future__ import annotations

from .. import addresses
from . import PageKind, PageSpec


def _orientation_words(policy, spec: PageSpec, language: str) -> list[str]:
    return [ability[language] for ability in spec.entity.abilities_to_grow]


KINDS = [
    PageKind("orientations_index", 5, section="orientations", title="orientations", path=addresses.ORIENTATIONS),
    PageKind(
        "orientation",
        5.1,
        section="orientations",
        pages=lambda policy: [PageSpec(o.page, "orientation", o.name, o) for o in policy.orientations],
        context=lambda renderer, spec: {"orientation": spec.entity},
        keywords=_orientation_words,
        scripts=("tables",),
    ),
]
