"""Which pages the handbook has and how they are ordered, derived from the model.

Independent of the site generator: a page is a source path, the kind of page, and the entity it shows.
"""
from __future__ import annotations

from dataclasses import dataclass

from .compare import comparison_key, comparison_pairs, item_histories
from .model import Policy, Text
from .ui import label


@dataclass(frozen=True)
class PageSpec:
    path: str                 # source path relative to docs/, e.g. "ranks/chief.md"
    kind: str                 # the render function that makes it, e.g. "rank"
    title: Text               # the page's title in both languages
    key: str | None = None    # the entity shown, e.g. "chief"
    in_nav: bool = True       # False for pages reached only through links (there are too many)

    @property
    def url(self) -> str:
        """The page's address relative to the site root, with directory URLs."""
        if self.path == "index.md":
            return ""
        stem = self.path[:-3]
        return stem[: -len("index")] if stem.endswith("/index") or stem == "index" else stem + "/"


def page_specs(policy: Policy) -> list[PageSpec]:
    """Every page, in navigation order."""
    return [spec for entry in navigation(policy) for spec in (entry[1] if isinstance(entry[1], list) else [entry[1]])]


def navigation(policy: Policy) -> list[tuple[str | Text, PageSpec | list[PageSpec]]]:
    """Navigation entries: (title, page) or (section label, [index page, pages…])."""
    def single(key: str, path: str) -> tuple[Text, PageSpec]:
        return label(key), PageSpec(path, key, label(key))

    def section(key: str, folder: str, kind: str, entities: list[tuple[str, Text]]) -> tuple[Text, list[PageSpec]]:
        index = PageSpec(f"{folder}/index.md", f"{kind}s_index", label(key))
        return label(key), [index] + [PageSpec(f"{folder}/{k}.md", kind, title, k) for k, title in entities]

    def self_checks() -> tuple[Text, list[PageSpec]]:
        """One printable self-check sheet per rank; the section has no index page."""
        sheet = label("self_check")
        return label("self_checks"), [
            PageSpec(f"self-check/{r.id}.md", "self_check", Text(f"{sheet.ja}（{r.name.ja}）", f"{sheet.en}: {r.name.en}"), r.id)
            for r in policy.ranks]

    def competency_tools() -> tuple[Text, list[PageSpec]]:
        """The explorer and the rank comparison in the navigation; comparisons and item histories are
        reached from them (too many for the navigation)."""
        pages = [PageSpec("explorer.md", "explorer", label("explorer")),
                 PageSpec("compare/index.md", "compare_index", label("compare"))]
        pages += [PageSpec(f"compare/{comparison_key(lower, upper)}.md", "comparison",
                           Text(f"{lower.name.ja} → {upper.name.ja}", f"{lower.name.en} → {upper.name.en}"),
                           comparison_key(lower, upper), in_nav=False)
                  for lower, upper in comparison_pairs(policy)]
        pages += [PageSpec(f"items/{h.id}.md", "item", h.name, h.id, in_nav=False) for h in item_histories(policy)]
        return label("competency_tools"), pages

    return [
        single("home", "index.md"),
        single("message", "message.md"),
        single("about", "about.md"),
        single("staff_image", "staff-image.md"),
        section("orientations", "orientations", "orientation", [(o.id, o.name) for o in policy.orientations]),
        section("ranks", "ranks", "rank", [(r.id, r.name) for r in policy.ranks]),
        self_checks(),
        competency_tools(),
        single("role_flow", "role-flow.md"),
        section("talents", "talents", "talent", [(t.id, t.name) for t in policy.talents]),
        section("initiatives", "initiatives", "initiative",
                [(i.number, Text(f"{i.number} {i.title.ja}", f"{i.number} {i.title.en}")) for i in policy.initiatives]),
        single("indicators", "indicators.md"),
        single("development_plans", "development-plans.md"),
        single("glossary", "glossary.md"),
    ]


# The page that shows each numbered section of the source.
SECTION_PAGES = {
    "01": "about.md", "02": "staff-image.md", "03": "orientations/index.md", "04": "staff-image.md",
    "05": "initiatives/index.md", "06": "talents/index.md", "07": "indicators.md", "08": "ranks/index.md",
    "09": "role-flow.md", "10": "role-flow.md", "11": "initiatives/index.md",
}


def section_page(number: str) -> str:
    return SECTION_PAGES[number]
