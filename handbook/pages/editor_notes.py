"""For maintainers: every source_note of the data, by the page it applies to; reached from the contributor guide,
not from the staff navigation, and not searched."""

from __future__ import annotations

from .. import addresses
from . import PageKind


def _context(renderer, spec) -> dict:
    by_page: dict[str, list] = {}
    for note in renderer.policy.editor_notes:
        by_page.setdefault(note.page, []).append(note)
    order = list(renderer.specs)
    pages = sorted(by_page, key=lambda page: (order.index(page.partition("#")[0]), page))
    return {
        # each page's notes under an anchor named after the page ("ranks/chief.md#x" → "ranks-chief--x")
        "notes_by_page": [(page, addresses.anchor_of(page), by_page[page]) for page in pages],
        "page_title": lambda page: renderer.specs[page.partition("#")[0]].title,
    }


KINDS = [
    PageKind(
        "editor_notes", 17, path=addresses.EDITOR_NOTES, in_nav=False, context=_context, indexed=False, in_book=False
    )
]
