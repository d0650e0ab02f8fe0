"""The steps before the generator: read and check the data once, and render every page of a language."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .. import addresses
from ..data import load_policy
from ..feeds import feed_title
from ..history import FEED_FILE, History, feeds_published, site_history
from ..model import LANGUAGES, Policy
from ..page_scripts import page_scripts
from ..render import PageRenderer, print_running_header
from ..search_index import SearchIndexer
from ..site import (
    heading_link_title,
    mkdocs_nav,
    not_found_page,
    page_specs,
    site_path,
    theme_html,
    theme_words,
    url_prefix,
)
from ..ui import label
from .blocks import set_aside
from .finish import PageFinisher

# Pages the theme's chrome links from every page: the footer's accessibility statement, and the ways on that the
# search box offers when it finds nothing.
CHROME_PAGES = {
    "accessibility": addresses.ACCESSIBILITY,
    "initiatives": addresses.INITIATIVES,
    "explorer": addresses.EXPLORER,
}


def validate(project: Path) -> Policy:
    """The project's data (policy_data/ beside mkdocs.yml), read and checked: a PolicyDataError names file, line
    and field of the first fault, before anything is written."""
    return load_policy(Path(project) / "policy_data")


@dataclass(frozen=True)
class RenderedPage:
    path: str  # the source path, e.g. "ranks/chief.md"
    language: str
    content: str  # the page as rendered: Markdown headings between the handbook's HTML blocks
    markdown: str  # what the generator draws: the content with each block set aside (handbook.build.blocks)
    meta: dict = field(default_factory=dict)  # what the theme shows around it (see Build.meta)


class Build:
    """One build of the site: the data read once, its history, a renderer per language, the HTML blocks its
    pages set aside from the generator and the page finisher that puts them back. `site_url` is the site's
    address when it is known (mkdocs.yml site_url)."""

    def __init__(self, project: Path, site_url: str | None = None):
        self.project = Path(project)
        self.site_url = site_url
        self.policy = validate(self.project)
        self.history: History = site_history(self.project)
        self.specs = {spec.path: spec for spec in page_specs(self.policy)}
        self.blocks: dict[str, str] = {}
        self._renderers: dict[str, PageRenderer] = {}
        self._finisher: PageFinisher | None = None
        self._pages: dict[tuple[str, str], RenderedPage] = {}

    def renderer(self, language: str) -> PageRenderer:
        if language not in self._renderers:
            self._renderers[language] = PageRenderer(self.policy, language, self.history, self.site_url)
        return self._renderers[language]

    def meta(self, path: str, language: str) -> dict:
        """What the theme shows around a page, generator-neutral (MkDocs' page.meta, Zensical's front matter):
        its title (plain text: each adapter escapes it for the theme), the running header of its printout,
        its address from the site root, and the links of the theme's chrome: the language switch to its twins
        and the pages of CHROME_PAGES (relative to the page: the same under any generator), and the script
        modules its kind loads (handbook.page_scripts)."""
        spec = self.specs[path]
        title = spec.title[language]
        site_name = label("site_name")[language]
        here = url_prefix(language) + spec.url
        return {
            "title": title,
            "print_running_header": print_running_header(title, site_name, language),
            "address": (self.site_url or "/") + here,  # printed: in full when the site's address is known
            "chrome": {
                name: addresses.link(url_prefix(language) + self.specs[path].url, here)
                for name, path in CHROME_PAGES.items()
            },
            # the language's feed, for browsers and feed readers to find (relative: the theme's script fetches a
            # sitemap.xml beside every <link rel="alternate"> of the head, which must stay on the site's own server)
            "feed": {
                "href": addresses.file_link(url_prefix(language) + FEED_FILE, here),
                "title": feed_title(self.policy, language),
            }
            if feeds_published(self.history, self.site_url)
            else None,
            "alternate": [
                {
                    "lang": other,
                    "name": label("language_name")[other],
                    "link": addresses.link(url_prefix(other) + spec.url, here),
                }
                for other in LANGUAGES
            ],
            "scripts": page_scripts(spec.kind, language, here),
        }

    def page(self, path: str, language: str) -> RenderedPage:
        """The page rendered, once per build (the preview renders every page to see which changed; the generator
        then draws them without rendering them again)."""
        key = (path, language)
        if key not in self._pages:
            content = self.renderer(language).render(path)
            markdown, blocks = set_aside(content)
            self.blocks.update(blocks)
            self._pages[key] = RenderedPage(path, language, content, markdown, self.meta(path, language))
        return self._pages[key]

    def pages(self, language: str) -> list[RenderedPage]:
        return [self.page(path, language) for path in self.specs]

    @property
    def finisher(self) -> PageFinisher:
        if self._finisher is None:
            self._finisher = PageFinisher(self.policy, self.blocks)
        return self._finisher

    def index_search(self) -> None:
        """Make the search index of the pages this build finishes (write_outputs writes it)."""
        self.finisher.search = SearchIndexer(self.policy)

    def abandon(self) -> None:
        """The build failed: stop what it started."""
        if self._finisher is not None and self._finisher.search is not None:
            self._finisher.search.abandon()


def theme_settings(build: Build, language: str) -> dict:
    """What the theme shows around the pages of one language, for either generator's configuration: the
    navigation, the site's description (as HTML: the theme prints it as it is), the title of heading links, the
    words of the handbook's partials and the 404 page's."""
    words = theme_words(build.policy, language)
    return {
        "nav": mkdocs_nav(build.policy, language),
        "description": theme_html(words["description"]),
        "permalink_title": heading_link_title(language),
        "extra": {"handbook": words, "not_found": not_found_page(site_path(build.site_url))},
    }


_current: Build | None = None


_prepared: Build | None = None


def prepare(build: Build) -> None:
    """Have the next build of that project use this one, its pages already rendered: the preview renders every
    page to see which changed, then has the generator draw them."""
    global _prepared
    _prepared = build


def start(project: Path, site_url: str | None = None, search: bool = True) -> Build:
    """Begin a build (the generator's adapter calls it once, before any page): the data is read here, unless the
    build was prepared; search: whether it makes the search index of the pages it finishes."""
    global _current, _prepared
    wanted = (Path(project), site_url)
    if _prepared is not None and (_prepared.project, _prepared.site_url) == wanted:
        _current, _prepared = _prepared, None
    else:
        _current = Build(*wanted)
    if search:
        _current.index_search()
    return _current


def abandon() -> None:
    """The generator failed: the build in progress (if any) stops what it started."""
    if _current is not None:
        _current.abandon()


def current() -> Build:
    """The build in progress, for the adapters' per-page calls."""
    if _current is None:
        raise RuntimeError("no handbook build has started (handbook.build.start)")
    return _current
