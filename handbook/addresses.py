"""Where every page of the handbook lives: its source path (relative to docs/, e.g. "ranks/chief.md"), its
address, and which pages show a given place of the data. The one owner of page paths: the model, the site, the
templates (`pages` in their context), the changes page and the editor's notes all ask here, so renaming a page is
one edit of this file.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path, PurePosixPath

# policy_data/initiatives/NNN.yml: one file per initiative, whose number names its page
INITIATIVE_DIR = "initiatives"

HOME = "index.md"
MESSAGE = "message.md"
ABOUT = "about.md"
STAFF_IMAGE = "staff-image.md"
ROLE_FLOW = "role-flow.md"
INDICATORS = "indicators.md"
DEVELOPMENT_PLANS = "development-plans.md"
GLOSSARY = "glossary.md"
CHANGES = "changes.md"
ACCESSIBILITY = "accessibility.md"
EDITOR_NOTES = "editor-notes.md"
EXPLORER = "explorer.md"
ORIENTATIONS = "orientations/index.md"
RANKS = "ranks/index.md"
TALENTS = "talents/index.md"
INITIATIVES = "initiatives/index.md"
COMPARE = "compare/index.md"


def rank(rank_id: str) -> str:
    return f"ranks/{rank_id}.md"


def self_check(rank_id: str) -> str:
    return f"self-check/{rank_id}.md"


def comparison(lower_id: str, upper_id: str) -> str:
    return f"compare/{lower_id}--{upper_id}.md"


def item(item_id: str) -> str:
    """An item's history across the ranks."""
    return f"items/{item_id}.md"


def orientation(orientation_id: str) -> str:
    return f"orientations/{orientation_id}.md"


def talent(talent_id: str) -> str:
    return f"talents/{talent_id}.md"


def initiative(number: str) -> str:
    return f"{INITIATIVE_DIR}/{number}.md"


def url(path: str) -> str:
    """A page's address relative to the site root, with directory URLs: "ranks/chief.md" → "ranks/chief/"."""
    stem = path.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def anchor_of(page: str) -> str:
    """An id naming a page and its place, for a list of pages: "ranks/chief.md#x" → "ranks-chief--x"."""
    path, _, fragment = page.partition("#")
    return path.removesuffix(".md").replace("/", "-") + (f"--{fragment}" if fragment else "")


def link(target: str, here: str) -> str:
    """The page at address `target` as a link from the folder `here`, both from the site root (directory
    addresses): "ranks/deputy-manager/" from "ranks/chief/" → "../deputy-manager/", the folder itself → "./"."""
    relative = file_link(target, here)
    return "./" if relative == "." else relative + "/"


def of_file(page: Path, site: Path) -> str:
    """The address, from the site root, of the page written at `page` (an index.html) in the folder `site`:
    site/en/ranks/chief/index.html → "en/ranks/chief/"."""
    folder = page.parent.relative_to(site).as_posix()
    return "" if folder == "." else folder + "/"


@lru_cache(maxsize=65536)  # a build asks for the same few thousand links on both languages' pages
def file_link(target: str, here: str) -> str:
    """The file (or folder) at `target` from the site root as a link from the folder `here`."""
    return posixpath.relpath(target or ".", here.rstrip("/") or ".")


# The policy's numbered sections (as its page pointers name them: "see ... (P7)" → "05") and where each stands.
SECTION_PAGES = {
    "01": ABOUT,
    "02": STAFF_IMAGE + "#target-image",
    "03": ORIENTATIONS,
    "04": STAFF_IMAGE + "#growth-actions",
    "04-2": DEVELOPMENT_PLANS,
    "05": INITIATIVES + "#growth-cycle",
    "06": TALENTS,
    "07": INDICATORS,
    "08": RANKS,
    "09": ROLE_FLOW + "#role-flow",
    "10": ROLE_FLOW + "#rank-image",
    "11": INITIATIVES + "#areas",
}

# The page that shows a data file's texts when nothing nearer is known.
_FILE_PAGES = {
    "competencies.yml": RANKS,
    "ranks.yml": RANKS,
    "talents.yml": TALENTS,
    "orientations.yml": ORIENTATIONS,
    "organisation.yml": STAFF_IMAGE,
    "meta.yml": ABOUT,
    "indicators.yml": INDICATORS,
    "areas.yml": INITIATIVES,
    "glossary.yml": GLOSSARY,
}
_RANKS_PARTS = {"role_flow": ROLE_FLOW + "#role-flow", "rank_image": ROLE_FLOW + "#rank-image"}
_RANKS_PARTS["katz_model"] = ROLE_FLOW + "#katz-model"
_ORGANISATION_PARTS = {
    "target_image": STAFF_IMAGE + "#target-image",
    "growth_actions": STAFF_IMAGE + "#growth-actions",
    "development_plans": DEVELOPMENT_PLANS,
    "growth_cycle": INITIATIVES + "#growth-cycle",
}
# meta.yml's texts that stand on more pages than about.md
_META_PAGES = {
    "title": [HOME, ABOUT],
    "revision": [HOME, ABOUT],
    "vision": [MESSAGE, HOME],
    "top_message": [MESSAGE],
    "philosophy": [MESSAGE],
    "comprehensive_plan": [MESSAGE],
}


def _initiative_file(name: str) -> str | None:
    """The number of the initiative a data file holds ("initiatives/007.yml" → "007"), or None."""
    parts = PurePosixPath(name).parts
    return PurePosixPath(name).stem if len(parts) == 2 and parts[0] == INITIATIVE_DIR else None


def page_of(name: str, path: tuple, data: dict) -> str:
    """The page on which the data at `path` of the data file `name` (read as `data`) stands."""
    number = _initiative_file(name)
    if number is not None:
        return initiative(number)
    top = path[0] if path else None
    if name == "competencies.yml" and top == "tables":
        return rank(data["tables"][path[1]]["ranks"][0])
    if name == "ranks.yml":
        return rank(data["ranks"][path[1]]["id"]) if top == "ranks" else _RANKS_PARTS.get(top, RANKS)
    if name == "talents.yml" and top == "talents":
        return talent(data["talents"][path[1]]["id"])
    if name == "orientations.yml" and top == "orientations":
        return orientation(data["orientations"][path[1]]["id"])
    if name == "organisation.yml" and top in _ORGANISATION_PARTS:
        return _ORGANISATION_PARTS[top]
    return _FILE_PAGES.get(name, HOME)


def _at(data, path: tuple):
    for part in path:
        data = data[part]
    return data


def pages_of(name: str, path: tuple, data, ranks: list[str] | None = None) -> list[str]:
    """Every page that shows the data at `path` of the data file `name` (read as `data`), the one where it stands
    first (page_of); for a competency also every rank using its table, their self-check sheets, the comparisons
    with those ranks, the item's history and the explorer. `ranks` are the rank ids, top first."""
    if name == "competencies.yml" and len(path) > 1 and path[0] == "tables":
        table = data["tables"][path[1]]
        rank_ids = list(table["ranks"])
        entry = _at(data, path[:6]) if len(path) > 6 and path[2] == "groups" and path[4] == "items" else None
        anchor = f"#{entry['id']}" if isinstance(entry, dict) and "id" in entry else ""
        pages = [rank(r) + anchor for r in rank_ids] + [self_check(r) for r in rank_ids]
        if anchor:
            pages.append(item(entry["id"]))
        order = ranks or []
        pages += [
            comparison(lower, upper)
            for i, upper in enumerate(order)
            for lower in order[i + 1 :]
            if lower in rank_ids or upper in rank_ids
        ]
        return pages + [EXPLORER]
    if name == "meta.yml" and path and path[0] in _META_PAGES:
        return list(_META_PAGES[path[0]])
    pages = [page_of(name, path, data)]
    if _initiative_file(name) is not None and path[:1] in (("title",), ("theme",)):
        pages.append(INITIATIVES)
    elif name == "ranks.yml" and path[:1] == ("ranks",) and len(path) > 2 and path[2] == "name":
        pages += [self_check(data["ranks"][path[1]]["id"]), RANKS, HOME]
    elif name in ("orientations.yml", "talents.yml") and len(path) > 2 and path[2] in ("name", "aim", "role"):
        pages.append(HOME)
    return pages


def file_page(name: str) -> str:
    """The page of a data file as a whole (an old commit's data in a shape the mapping no longer knows)."""
    number = _initiative_file(name)
    return initiative(number) if number is not None else _FILE_PAGES.get(name, HOME)
