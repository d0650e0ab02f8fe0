"""Each page loads the handbook's scripts it uses and no other (handbook/page_scripts.py), as ES modules (deferred:
none holds up the first paint), linked from the page, with the words they show in the page's language. Read from
the real built site: what a page has (a scrolling table, a print button, a growth record, the explorer's filters,
the comparison picker) against the modules its <script type="module"> elements load."""

from __future__ import annotations

import json
import posixpath
import re
from collections import defaultdict
from html.parser import HTMLParser

from handbook.model import LANGUAGES
from handbook.page_scripts import WORDS
from handbook.site import page_specs, url_prefix
from handbook.ui import label
from handbook_testing import SITE_PATH

EVERY_PAGE = {"assets/js/theme.js", "assets/js/search/main.js"}  # mkdocs.yml extra_javascript
THEME = "assets/javascripts/"  # Material's own script
TAGS = re.compile(r"<(?:script|div|button|section|form)\b[^>]*>")


def uses(tag: str, attrs: dict) -> str | None:
    """The entry module an element needs, if any."""
    classes = (attrs.get("class") or "").split()
    if tag == "div" and "table-wrap" in classes:
        return "tables"
    if tag == "button" and "print-button" in classes:
        return "print"
    for attribute, module in (
        ("data-growth", "growth/main"),
        ("data-explorer-filters", "explorer"),
        ("data-compare-picker", "compare"),
    ):
        if attribute in attrs:
            return module
    return None


class Scripts(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.modules: dict[str, str | None] = {}  # src → data-words
        self.classic: list[str] = []  # src of scripts that are no module
        self.used: set[str] = set()
        # only the elements that can matter (a page is long), each script closed again
        self.feed("".join(tag + "</script>" * tag.startswith("<script") for tag in TAGS.findall(html)))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            if a.get("type") == "module":
                self.modules[a["src"]] = a.get("data-words")
            else:
                self.classic.append(a["src"])
        if module := uses(tag, a):
            self.used.add(module)


def from_root(src: str, folder: str | None) -> str:
    """A script's link as its path from the site's root: from the page's folder, or, on the 404 page (folder None,
    served at any address), from the server's root through the site's folder."""
    if folder is None:
        return src.removeprefix(SITE_PATH)
    return posixpath.normpath(posixpath.join("/" + folder, src))[1:]


def test_each_page_loads_the_modules_it_uses_and_no_other(built_site, policy):
    faults = []
    used_by_kind: dict[str, set[str]] = defaultdict(set)
    loaded_by_kind: dict[str, set[str]] = defaultdict(set)
    pages = [("404.html", None, "ja", None)] + [
        (f"{url_prefix(language)}{spec.url}index.html", spec.kind, language, url_prefix(language) + spec.url)
        for spec in page_specs(policy)
        for language in LANGUAGES
    ]
    for path, kind, language, folder in pages:
        found = Scripts((built_site / path).read_text(encoding="utf-8"))
        modules = {from_root(src, folder): words for src, words in found.modules.items()}
        missing = [src for src in modules if not (built_site / src).is_file()]
        if missing:
            faults.append(f"{path}: loads what is not there: {missing}")
        if not EVERY_PAGE <= set(modules):
            faults.append(f"{path}: lacks {EVERY_PAGE - set(modules)}")
        if other := [src for src in found.classic if THEME not in src]:
            faults.append(f"{path}: classic scripts block the page: {other}")
        entries = {src.removeprefix("assets/js/").removesuffix(".js"): words for src, words in modules.items()}
        if lacking := found.used - set(entries):
            faults.append(f"{path} ({kind}): has what {sorted(lacking)} drive(s) but does not load it")
        for name in found.used & set(entries):
            given = json.loads(entries[name]) if entries[name] else {}
            if given != {key: label(key)[language] for key in WORDS[name]}:
                faults.append(f"{path}: {name}.js is not given its words in {language}: {given}")
        if kind:
            used_by_kind[kind] |= found.used
            loaded_by_kind[kind] |= set(entries) & set(WORDS)
    for kind, loaded in loaded_by_kind.items():
        if idle := loaded - used_by_kind[kind]:
            faults.append(f"every {kind} page loads {sorted(idle)}, which none of them uses")
    assert not faults, "\n".join(faults)
