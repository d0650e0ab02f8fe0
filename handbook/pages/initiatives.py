"""The numbered initiatives: an index page by area and theme, and a page for each."""

from __future__ import annotations

from .. import addresses
from ..model import Text
from . import PageKind, PageSpec


def _pages(policy) -> list[PageSpec]:
    return [
        PageSpec(i.page, "initiative", Text(f"{i.number} {i.title.ja}", f"{i.number} {i.title.en}"), i)
        for i in policy.initiatives
    ]


def _withdrawn(policy) -> list[PageSpec]:
    """The initiatives a revision withdrew: their pages stay at their addresses as notices, out of the navigation."""
    return [
        PageSpec(i.page, "withdrawn_initiative", Text(f"{i.number} {i.title.ja}", f"{i.number} {i.title.en}"), i, False)
        for i in policy.withdrawn_initiatives
    ]


def _context(renderer, spec: PageSpec) -> dict:
    # the previous and next initiatives are the theme's footer links (navigation order = number order)
    initiative = spec.entity
    return {
        "initiative": initiative,
        "terms": [term for term in renderer.policy.glossary if term.defined_in is initiative],
    }


KINDS = [
    PageKind("initiatives_index", 11, section="initiatives", title="initiatives", path=addresses.INITIATIVES),
    PageKind(
        "initiative",
        11.1,
        section="initiatives",
        pages=_pages,
        context=_context,
        keywords=lambda policy, spec, language: [spec.entity.number, spec.entity.theme.name[language]],
        scripts=("tables",),
    ),
    PageKind(
        "withdrawn_initiative",
        11.2,
        section="initiatives",
        pages=_withdrawn,
        context=lambda renderer, spec: {"initiative": spec.entity},
        keywords=lambda policy, spec, language: [spec.entity.number],
        in_book=False,
    ),
]
