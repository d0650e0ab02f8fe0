"""Which pages the handbook has and how they are ordered, derived from the model.

Independent of the site generator: a page is a source path, the kind of page, and the entity it shows.
"""
from __future__ import annotations

from dataclasses import dataclass

from .model import Policy, Text
from .ui import label


@dataclass(frozen=True)
class PageSpec:
    path: str                 # source path relative to docs/, e.g. "ranks/chief.md"
    kind: str                 # the render function that makes it, e.g. "rank"
    key: str | None = None    # the entity shown, e.g. "chief"

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
    P = PageSpec
    return [
        (label("home"), P("index.md", "home")),
        (label("message"), P("message.md", "message")),
        (label("about"), P("about.md", "about")),
        (label("staff_image"), P("staff-image.md", "staff_image")),
        (label("orientations"), [P("orientations/index.md", "orientations_index")]
         + [P(f"orientations/{o.id}.md", "orientation", o.id) for o in policy.orientations]),
        (label("ranks"), [P("ranks/index.md", "ranks_index")]
         + [P(f"ranks/{r.id}.md", "rank", r.id) for r in policy.ranks]),
        (label("role_flow"), P("role-flow.md", "role_flow")),
        (label("talents"), [P("talents/index.md", "talents_index")]
         + [P(f"talents/{t.id}.md", "talent", t.id) for t in policy.talents]),
        (label("initiatives"), [P("initiatives/index.md", "initiatives_index")]
         + [P(f"initiatives/{i.number}.md", "initiative", i.number) for i in policy.initiatives]),
        (label("indicators"), P("indicators.md", "indicators")),
        (label("development_plans"), P("development-plans.md", "development_plans")),
        (label("glossary"), P("glossary.md", "glossary")),
    ]


# The page that shows each numbered section of the source.
SECTION_PAGES = {
    "01": "about.md", "02": "staff-image.md", "03": "orientations/index.md", "04": "staff-image.md",
    "05": "initiatives/index.md", "06": "talents/index.md", "07": "indicators.md", "08": "ranks/index.md",
    "09": "role-flow.md", "10": "role-flow.md", "11": "initiatives/index.md",
}


def section_page(number: str) -> str:
    return SECTION_PAGES[number]
