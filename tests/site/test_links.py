"""Every link and resource address of the built site resolves, in both languages.

Internal addresses (href and src of every page) must name a file of the built site, and a #fragment an
element id in the page it points to. Links to other sites (http, https, mailto) are not followed, but a
resource (script, stylesheet, image, frame, font) must never come from another host: the intranet has no
internet, and nothing may be injected from outside. Addresses must be relative, so that the site works
from any folder (GitHub Pages project sites, a copy on an intranet share).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

# (tag, attribute) pairs that load something into the page, as opposed to links a reader follows.
RESOURCE_ATTRS = {("script", "src"), ("img", "src"), ("iframe", "src"), ("source", "src"), ("video", "src"),
                  ("audio", "src"), ("embed", "src"), ("track", "src"), ("input", "src"), ("object", "data"),
                  ("video", "poster"), ("image", "href"), ("use", "href")}
LINK_ATTRS = {("a", "href"), ("area", "href")}
NAVIGATION_RELS = {"canonical", "alternate", "prev", "next", "search", "help", "license", "author"}
NOT_FOLLOWED = ("mailto:", "tel:", "javascript:", "data:")


@dataclass(frozen=True)
class Address:
    page: str        # the page it is on, relative to the site root
    tag: str
    attribute: str
    value: str
    navigation: bool = False   # a <link> to another page (canonical, alternate, …), not a resource

    @property
    def is_resource(self) -> bool:
        return (self.tag, self.attribute) in RESOURCE_ATTRS or (self.tag == "link" and not self.navigation)


class _PageReader(HTMLParser):
    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.page = page
        self.ids: set[str] = set()
        self.addresses: list[Address] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name") if tag in ("a", "map") else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        for attribute in ("href", "src", "data", "poster", "xlink:href"):
            value = attrs.get(attribute)
            if value is None:
                continue
            name = "href" if attribute == "xlink:href" else attribute
            if tag == "link" and name == "href":
                rels = set((attrs.get("rel") or "").lower().split())
                self.addresses.append(Address(self.page, tag, name, value.strip(), bool(rels & NAVIGATION_RELS)))
            elif (tag, name) in RESOURCE_ATTRS | LINK_ATTRS:
                self.addresses.append(Address(self.page, tag, name, value.strip()))
        if tag in ("img", "source") and attrs.get("srcset"):
            for candidate in attrs["srcset"].split(","):
                if candidate.strip():
                    self.addresses.append(Address(self.page, tag, "srcset", candidate.split()[0]))

    handle_startendtag = handle_starttag


def read_site(site: Path) -> dict[str, _PageReader]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = path.relative_to(site).as_posix()
        reader = _PageReader(page)
        reader.feed(path.read_text(encoding="utf-8"))
        reader.close()
        pages[page] = reader
    return pages


def _target_file(site: Path, page: str, path: str) -> str | None:
    """The file (relative to the site root) that an address on `page` names, or None if none does.
    A root-absolute path ("/en/") is taken from the site root, as a server at the root would."""
    base = "" if path.startswith("/") else posixpath.dirname(page)
    joined = posixpath.normpath(posixpath.join(base, unquote(path).lstrip("/")))
    if joined == ".." or joined.startswith("../"):
        return None
    candidate = site / joined
    if candidate.is_dir():
        candidate = candidate / "index.html"
        joined = posixpath.join(joined, "index.html") if joined != "." else "index.html"
    return joined if candidate.is_file() else None


@dataclass
class Check:
    checked: int = 0
    broken: list[str] = field(default_factory=list)     # does not resolve, or loads from another host
    absolute: list[str] = field(default_factory=list)   # resolves only when the site is served at a root


def check_site(site: Path) -> Check:
    pages = read_site(site)
    result = Check()
    for page, reader in pages.items():
        for address in reader.addresses:
            value = address.value
            result.checked += 1
            where = f"{page}: <{address.tag} {address.attribute}=\"{value}\">"
            if not value or value == "#" or value.lower().startswith(NOT_FOLLOWED):
                continue
            parts = urlsplit(value)
            if parts.scheme or parts.netloc:
                if address.is_resource:
                    result.broken.append(f"{where}: a resource from another host ({parts.netloc or parts.scheme}).")
                elif parts.scheme not in ("http", "https"):
                    result.broken.append(f"{where}: an address scheme the site does not use ({parts.scheme}).")
                continue
            # The 404 page is served at any address, so its links must be absolute.
            if parts.path.startswith("/") and page != "404.html":
                result.absolute.append(f"{where}: an absolute path; it breaks when the site is served from a "
                                       "sub-folder (GitHub Pages project site, a copy on an intranet share).")
            target = _target_file(site, page, parts.path) if parts.path else page
            if target is None:
                result.broken.append(f"{where}: no such file in the built site.")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html") and fragment not in pages[target].ids:
                result.broken.append(f"{where}: {target} has no element with id \"{fragment}\".")
    return result


@pytest.fixture(scope="module")
def site_check(built_site) -> Check:
    return check_site(built_site)


def test_every_internal_address_and_fragment_resolves(built_site, site_check):
    pages = len(list(built_site.rglob("*.html")))
    assert pages > 100 and site_check.checked > pages * 50, \
        f"only {site_check.checked} addresses on {pages} pages: is the parser reading them?"
    assert not site_check.broken, f"{len(site_check.broken)} of {site_check.checked} addresses are broken:\n" + \
        "\n".join(site_check.broken)


def test_addresses_are_relative(site_check):
    assert not site_check.absolute, "\n".join(site_check.absolute)


def test_the_checker_finds_broken_addresses(tmp_path):
    """The checker itself: each kind of fault is caught, and good addresses pass."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="style.css"><a href="a/#here">ok</a><a href="a/">ok</a><a href="#top" id="top">ok</a>'
        '<a href="https://www.city.kumamoto.jp/">external link: not followed</a><a href="mailto:x@example.jp">mail</a>'
        '<a href="b/">missing page</a><a href="a/#nowhere">missing id</a><a href="/a/">absolute</a>'
        '<script src="https://cdn.example.com/x.js"></script><img src="//cdn.example.com/i.png">'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><a href="../../up/">outside</a>', encoding="utf-8")
    result = check_site(tmp_path)
    assert result.checked == 13

    def shown(messages):
        return [message.split(": <", 1)[1].split(">", 1)[0] for message in messages]
    assert shown(result.broken) == [
        'a href="b/"', 'a href="a/#nowhere"', 'script src="https://cdn.example.com/x.js"',
        'img src="//cdn.example.com/i.png"', 'link href="https://fonts.googleapis.com/css"', 'a href="../../up/"']
    assert shown(result.absolute) == ['a href="/a/"']
