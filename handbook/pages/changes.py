"""What changed: the history of the data (handbook.history) as a page, entry by entry, each change on the page it
stands on; every other page links its own entries (templates/_page_changed.j2)."""

from __future__ import annotations

from markupsafe import Markup

from .. import addresses
from ..compare import wording_diff
from ..history import FEED_FILE, feeds_published, format_date
from ..model import LANGUAGES
from ..render import heading_text
from ..site import url_prefix
from ..ui import label
from . import PageKind, PageSpec, kind_of


def changes_view(renderer, spec: PageSpec) -> dict:
    """The history's entries grouped by the revision meta.yml named at the time, each entry's changes by the
    page they are on (the rank or item page of a competency, not its derived views)."""
    language, order, history = renderer.language, list(renderer.specs), renderer.history
    shown = {path for path, page in renderer.specs.items() if not kind_of(page).derived}

    def link(page: str) -> str | None:
        """The page, if the handbook still has it; an item's anchor only while the rank still has the item."""
        path, _, fragment = page.partition("#")
        if path not in shown:
            return None
        shown_on = renderer.specs[path]
        items = {i.id for i in shown_on.entity.table.items} if shown_on.kind == "rank" else None
        if fragment and items is not None and fragment not in items:
            return path  # the item has left that rank's table
        return page

    def runs(change) -> dict:
        old, new = (change.old[language] if change.old else None), (change.new[language] if change.new else None)
        if old is None or new is None or old == new:
            return {"same": True}
        diff = wording_diff(old, new, language)
        return {
            "same": False,
            "before": [r for r in diff if r[0] != "added"],
            "after": [r for r in diff if r[0] != "removed"],
        }

    def in_order(page: str | None) -> tuple:
        return (page is None, order.index(page) if page else 0)

    revisions: list[dict] = []
    for entry in history.entries if history is not None else []:
        by_page: dict[str | None, dict] = {}
        for change in entry.texts:
            pages = list(dict.fromkeys(filter(None, map(link, change.pages))))
            page = pages[0].partition("#")[0] if pages else None
            also = [other for other in dict.fromkeys(p.partition("#")[0] for p in pages) if other != page]
            # On the first language's page an English-only change is listed apart, folded: its text is the same
            group = by_page.setdefault(page, {"changes": [], "translations": []})
            folded = change.kind == "translation" and language == LANGUAGES[0]
            group["translations" if folded else "changes"].append(
                {"change": change, "place": pages[0] if pages else None, "also": also, **runs(change)}
            )
        separators = renderer.separators
        heading = heading_text(f"{format_date(entry.date, language)}{separators['colon']}")
        if entry.initial:
            heading += heading_text(label("change_initial")[language])
        elif entry.title_untranslated(language):
            # The merge gave no English title: the Japanese one, said to be Japanese (and marked so)
            said = label("change_title_untranslated")[language]
            heading += Markup('<span lang="{}">{}</span>{}').format(
                LANGUAGES[0],
                heading_text(entry.title),
                heading_text(f"{separators['paren_open']}{said}{separators['paren_close']}"),
            )
        else:
            heading += heading_text(entry.title_in(language))
        view = {
            "entry": entry,
            "heading": heading,
            "entities": [(change, next(filter(None, map(link, change.pages)), None)) for change in entry.entities],
            "pages": [(page, by_page[page]) for page in sorted(by_page, key=in_order)],
        }
        if revisions and revisions[-1]["revision"] == entry.revision:
            revisions[-1]["entries"].append(view)
        else:
            revisions.append({"revision": entry.revision, "entries": [view]})
    for number, revision in enumerate(reversed(revisions), start=1):
        revision["anchor"] = f"revision-{number}"
    return {
        "history": history,
        "revisions": revisions,
        "feed": renderer.relative(spec, url_prefix(language) + FEED_FILE)
        if history is not None and feeds_published(history, renderer.site_url)
        else None,
        "page_title": lambda page: renderer.specs[page].title,
        "date": lambda moment: format_date(moment, language),
    }


KINDS = [PageKind("changes", 15, path=addresses.CHANGES, context=changes_view, in_book=False)]
