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
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from handbook.html_text import Address, PageText

# Addresses a reader follows, as opposed to those that load something into the page; a <link> to another
# page (canonical, alternate, …) is not a resource either.
LINK_ATTRS = {("a", "href"), ("area", "href")}
NAVIGATION_RELS = {"canonical", "alternate", "prev", "next", "search", "help", "license", "author"}
NOT_FOLLOWED = ("mailto:", "tel:", "javascript:", "data:")


def is_resource(address: Address) -> bool:
    if address.tag == "link":
        return not address.rel & NAVIGATION_RELS
    return (address.tag, address.attribute) not in LINK_ATTRS


def read_site(site: Path) -> dict[str, PageText]:
    """Every page of the site, by its path relative to the site root."""
    return {
        path.relative_to(site).as_posix(): PageText(path.read_text(encoding="utf-8"))
        for path in sorted(site.rglob("*.html"))
    }


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
    broken: list[str] = field(default_factory=list)  # does not resolve, or loads from another host
    absolute: list[str] = field(default_factory=list)  # resolves only when the site is served at a root


def check_site(site: Path) -> Check:
    pages = read_site(site)
    result = Check()
    for page, reader in pages.items():
        for address in reader.addresses:
            value = address.value
            result.checked += 1
            where = f'{page}: <{address.tag} {address.attribute}="{value}">'
            if not value or value == "#" or value.lower().startswith(NOT_FOLLOWED):
                continue
            parts = urlsplit(value)
            if parts.scheme or parts.netloc:
                if is_resource(address):
                    result.broken.append(f"{where}: a resource from another host ({parts.netloc or parts.scheme}).")
                elif parts.scheme not in ("http", "https"):
                    result.broken.append(f"{where}: an address scheme the site does not use ({parts.scheme}).")
                continue
            # The 404 page is served at any address, so its links must be absolute.
            if parts.path.startswith("/") and page != "404.html":
                result.absolute.append(
                    f"{where}: an absolute path; it breaks when the site is served from a "
                    "sub-folder (GitHub Pages project site, a copy on an intranet share)."
                )
            target = _target_file(site, page, parts.path) if parts.path else page
            if target is None:
                result.broken.append(f"{where}: no such file in the built site.")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html") and fragment not in pages[target].ids:
                result.broken.append(f'{where}: {target} has no element with id "{fragment}".')
    return result


@pytest.fixture(scope="module")
def site_check(built_site) -> Check:
    return check_site(built_site)


def test_every_internal_address_and_fragment_resolves(built_site, site_check):
    pages = len(list(built_site.rglob("*.html")))
    assert pages > 100 and site_check.checked > pages * 50, (
        f"only {site_check.checked} addresses on {pages} pages: is the parser reading them?"
    )
    assert not site_check.broken, (
        f"{len(site_check.broken)} of {site_check.checked} addresses are broken:\n" + "\n".join(site_check.broken)
    )


def test_addresses_are_relative(site_check):
    assert not site_check.absolute, "\n".join(site_check.absolute)


def test_the_checker_finds_broken_addresses(tmp_path):
    """The checker itself: each kind of fault is caught, and good addresses pass."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    (tmp_path / "style.css").write_text("", encoding="utf-8")
    (tmp_path / "index.html").write_text(
        '<link rel="stylesheet" href="style.css"><a href="a/#here">ok</a><a href="a/">ok</a>'
        '<a href="#top" id="top">ok</a>'
        '<a href="https://www.city.kumamoto.jp/">external link: not followed</a><a href="mailto:x@example.jp">mail</a>'
        '<a href="b/">missing page</a><a href="a/#nowhere">missing id</a><a href="/a/">absolute</a>'
        '<script src="https://cdn.example.com/x.js"></script><img src="//cdn.example.com/i.png">'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><a href="../../up/">outside</a>',
        encoding="utf-8",
    )
    result = check_site(tmp_path)
    assert result.checked == 13

    def shown(messages):
        return [message.split(": <", 1)[1].split(">", 1)[0] for message in messages]

    assert shown(result.broken) == [
        'a href="b/"',
        'a href="a/#nowhere"',
        'script src="https://cdn.example.com/x.js"',
        'img src="//cdn.example.com/i.png"',
        'link href="https://fonts.googleapis.com/css"',
        'a href="../../up/"',
    ]
    assert shown(result.absolute) == ['a href="/a/"']
