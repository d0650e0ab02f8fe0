"""Which pages the handbook has and how they are ordered, derived from the model.

Independent of the site generator: a page is a source path, the kind of page, and the entity it shows.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from markupsafe import Markup, escape

from . import addresses
from .model import LANGUAGES, Policy, Text
from .pages import PageSpec, kinds
from .ui import label


def url_prefix(language: str) -> str:
    """Where a language's pages live, relative to the site root: "" for Japanese, "en/" for English."""
    if language not in LANGUAGES:
        raise KeyError(f"the handbook has no language '{language}' (it has {', '.join(LANGUAGES)})")
    return "" if language == LANGUAGES[0] else f"{language}/"


def page_specs(policy: Policy) -> list[PageSpec]:
    """Every page, in navigation order."""
    return [spec for entry in navigation(policy) for spec in (entry[1] if isinstance(entry[1], list) else [entry[1]])]


def navigation(policy: Policy) -> list[tuple[Text, PageSpec | list[PageSpec]]]:
    """Navigation entries, from the page kinds (handbook/pages/) in their places: (title, page) for a page of its
    own, (section label, [pages…]) for the kinds that share a section (the index page first)."""
    entries: list[tuple[Text, PageSpec | list[PageSpec]]] = []
    open_section = None
    for kind in kinds().values():
        specs = kind.specs(policy)
        if kind.section is None:
            entries += [(spec.title, spec) for spec in specs]
        elif kind.section == open_section:
            entries[-1][1].extend(specs)
        else:
            entries.append((label(kind.section), list(specs)))
        open_section = kind.section
    return entries


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
        ("home", addresses.HOME),
        ("find_rank", addresses.HOME + "#find-rank"),
        ("ranks", addresses.RANKS),
        ("initiatives", addresses.INITIATIVES),
        ("glossary", addresses.GLOSSARY),
    ]
    pages = []
    for language in LANGUAGES:
        links = []
        for key, path in ways:
            page, _, fragment = path.partition("#")
            address = site_path.rstrip("/") + "/" + url_prefix(language) + addresses.url(page)
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
