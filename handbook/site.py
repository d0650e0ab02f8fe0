"""Which pages the handbook has and how they are ordered, derived from the model.

Independent of the site generator: a page is a source path, the kind of page, and the entity it shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from .compare import comparison_key, comparison_page, comparison_pairs, item_histories
from .model import LANGUAGES, Policy, Text
from .ui import label


def url_prefix(language: str) -> str:
    """Where a language's pages live, relative to the site root: "" for Japanese, "en/" for English."""
    if language not in LANGUAGES:
        raise KeyError(f"the handbook has no language '{language}' (it has {', '.join(LANGUAGES)})")
    return "" if language == LANGUAGES[0] else f"{language}/"


@dataclass(frozen=True)
class PageSpec:
    path: str  # source path relative to docs/, e.g. "ranks/chief.md"
    kind: str  # the render function that makes it, e.g. "rank"
    title: Text  # the page's title in both languages
    key: str | None = None  # the entity shown, e.g. "chief"
    in_nav: bool = True  # False for pages reached only through links (there are too many)

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

    def section(key: str, folder: str, kind: str, entities: list[tuple[str, str, Text]]) -> tuple[Text, list[PageSpec]]:
        """An index page and one page per entity, given as (page, key, title)."""
        index = PageSpec(f"{folder}/index.md", f"{kind}s_index", label(key))
        return label(key), [index] + [PageSpec(page, kind, title, k) for page, k, title in entities]

    def self_checks() -> tuple[Text, list[PageSpec]]:
        """One printable self-check sheet per rank; the section has no index page."""
        sheet = label("self_check")
        return label("self_checks"), [
            PageSpec(
                r.self_check_page, "self_check", Text(f"{sheet.ja}（{r.name.ja}）", f"{sheet.en}: {r.name.en}"), r.id
            )
            for r in policy.ranks
        ]

    def competency_tools() -> tuple[Text, list[PageSpec]]:
        """The explorer and the rank comparison in the navigation; comparisons and item histories are
        reached from them (too many for the navigation)."""
        pages = [
            PageSpec("explorer.md", "explorer", label("explorer")),
            PageSpec("compare/index.md", "compare_index", label("compare")),
        ]
        compare, across = label("comparison"), label("item_history")
        pages += [
            PageSpec(
                comparison_page(lower, upper),
                "comparison",
                Text(
                    f"{lower.name.ja} → {upper.name.ja}（{compare.ja}）",
                    f"{lower.name.en} → {upper.name.en} ({compare.en})",
                ),
                comparison_key(lower, upper),
                in_nav=False,
            )
            for lower, upper in comparison_pairs(policy)
        ]
        pages += [
            PageSpec(
                h.page,
                "item",
                Text(f"{h.name.ja}（{across.ja}）", f"{h.name.en} ({across.en.lower()})"),
                h.id,
                in_nav=False,
            )
            for h in item_histories(policy)
        ]
        return label("competency_tools"), pages

    return [
        single("home", "index.md"),
        single("message", "message.md"),
        single("about", "about.md"),
        single("staff_image", "staff-image.md"),
        section("orientations", "orientations", "orientation", [(o.page, o.id, o.name) for o in policy.orientations]),
        section("ranks", "ranks", "rank", [(r.page, r.id, r.name) for r in policy.ranks]),
        self_checks(),
        competency_tools(),
        single("role_flow", "role-flow.md"),
        section("talents", "talents", "talent", [(t.page, t.id, t.name) for t in policy.talents]),
        section(
            "initiatives",
            "initiatives",
            "initiative",
            [
                (i.page, i.number, Text(f"{i.number} {i.title.ja}", f"{i.number} {i.title.en}"))
                for i in policy.initiatives
            ],
        ),
        single("indicators", "indicators.md"),
        single("development_plans", "development-plans.md"),
        single("glossary", "glossary.md"),
        single("changes", "changes.md"),  # from the repository's history (handbook/history.py)
        # Linked from every page's footer.
        (label("accessibility"), PageSpec("accessibility.md", "accessibility", label("accessibility"), in_nav=False)),
        # For maintainers: reached from the contributor guide, not from the staff navigation.
        (label("editor_notes"), PageSpec("editor-notes.md", "editor_notes", label("editor_notes"), in_nav=False)),
    ]


def theme_html(text: str) -> Markup:
    """Text from the data as the generator's theme takes titles, labels and descriptions: as HTML, since the
    theme prints them as they are (in MkDocs they come from rendered headings). Escaped here, once, so a `<` or
    `"` of the data is shown, never run; `Markup` keeps a template's own `| e` from escaping it twice."""
    return escape(text)


def mkdocs_nav(policy: Policy, language: str) -> list:
    """The navigation in MkDocs' `nav` form (titles in one language, as HTML; pages by source path)."""
    return [
        {
            theme_html(title[language]): [
                {theme_html(spec.title[language]): spec.path} for spec in pages if spec.in_nav
            ]
            if isinstance(pages, list)
            else pages.path
        }
        for title, pages in navigation(policy)
        if isinstance(pages, list) or pages.in_nav
    ]


def theme_words(policy: Policy, language: str) -> dict[str, str]:
    """What the site generator's theme says around the pages, in one language, from the data and ui.yml, as plain
    text for the handbook's own partials, which escape it: the site's description (it names the revision; the
    theme prints it as it is, so the adapters hand it over through theme_html), the footer's source line and the
    search box's words."""
    names = {"title": policy.meta["title"][language], "revision": policy.meta["revision"][language]}
    return {
        "description": label("site_description")[language].format(**names),
        "footer": label("footer_source")[language].format(**names),
        "accessibility": label("accessibility")[language],
        "accessibility_path": url_prefix(language) + "accessibility/",
        # where the search box sends a reader when it finds nothing
        "initiatives_path": url_prefix(language) + "initiatives/",
        "explorer_path": url_prefix(language) + "explorer/",
        **{
            key: label(key)[language]
            for key in (
                "search_label",
                "search_placeholder",
                "search_results",
                "search_none",
                "search_count",
                "search_count_one",
                "search_more",
                "search_partial",
                "search_offline",
                "search_ways",
                "initiatives",
                "explorer",
                "menu",
            )
        },
    }


def heading_link_title(language: str) -> str:
    """The title of the links beside headings (¶), as plain text: Markdown's toc extension escapes it itself."""
    return label("permalink_title")[language]


def site_path(site_url: str | None) -> str:
    """The path the site is served under, from its address ("https://example.org/handbook/" → "/handbook/")."""
    return urlsplit(site_url or "").path.rstrip("/") + "/"


def not_found_page(site_path: str = "/") -> list[dict]:
    """The words of the 404 page, which serves both languages at once, with its ways in: addresses from the
    server's root (the site's own path first, e.g. "/handbook/"), as a 404 page is served at any address."""
    ways = [
        ("home", "index.md"),
        ("find_rank", "index.md#find-rank"),
        ("ranks", "ranks/index.md"),
        ("initiatives", "initiatives/index.md"),
        ("glossary", "glossary.md"),
    ]
    pages = []
    for language in LANGUAGES:
        links = []
        for key, path in ways:
            page, _, fragment = path.partition("#")
            address = site_path.rstrip("/") + "/" + url_prefix(language) + PageSpec(page, "", label(key)).url
            links.append({"text": label(key)[language], "href": address + (f"#{fragment}" if fragment else "")})
        pages.append(
            {
                "language": language,
                "title": label("not_found")[language],
                "text": label("not_found_text")[language],
                "links": links,
            }
        )
    return pages
