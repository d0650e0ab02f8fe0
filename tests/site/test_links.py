"""Every link and resource address of the built site works with the site served where its address says: in a
folder below the host's root (handbook_testing.SITE_URL), as on a GitHub Pages project site or an intranet share.

Every page is fetched from a local server, and every address in it (href and src) is followed there: it must
answer, and a #fragment must name an element id of the page it points to. The 404 page is fetched as a reader
meets it, at a missing address some folders down. Links to other sites (http, https, mailto) are not followed,
except those into the site's own address, which are followed on the local server; a resource (script, stylesheet,
image, frame, font) must never come from another host: the intranet has no internet, and nothing may be injected
from outside. The addresses of every page but the 404 page must be relative, so that the site works from any
folder. The sitemap and the feeds give the site's full addresses, and each answers.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import unquote, urldefrag, urljoin, urlsplit
from urllib.request import urlopen

import pytest

from handbook.html_text import Address, PageText
from handbook.model import LANGUAGES
from handbook.site import url_prefix
from handbook_testing import SITE_URL, served

# Addresses a reader follows, as opposed to those that load something into the page; a <link> to another
# page (canonical, alternate, …) is not a resource either.
LINK_ATTRS = {("a", "href"), ("area", "href")}
NAVIGATION_RELS = {"canonical", "alternate", "prev", "next", "search", "help", "license", "author"}
NOT_FOLLOWED = ("mailto:", "tel:", "javascript:", "data:")
MISSING = "no/such/page/"  # a missing address some folders down: the server answers with the 404 page
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
ATOM = "{http://www.w3.org/2005/Atom}"


def is_resource(address: Address) -> bool:
    if address.tag == "link":
        return not address.rel & NAVIGATION_RELS
    return (address.tag, address.attribute) not in LINK_ATTRS


def page_urls(site: Path) -> list[str]:
    """The address of every page of the site (but the 404 page) relative to the site's, as its links give it."""
    urls = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative != "404.html":
            urls.append(relative.removesuffix("index.html") if path.name == "index.html" else relative)
    return urls


@dataclass
class Response:
    status: int
    kind: str  # the content type, without parameters
    body: bytes


class ServedSite:
    """The site on the local server at `base`; each address is fetched once. An address that starts with the site's
    own address (`site_url`) is asked of the local server instead."""

    def __init__(self, base: str, site_url: str = SITE_URL):
        self.base, self.site_url = base, site_url
        self._responses: dict[str, Response] = {}
        self._pages: dict[str, PageText] = {}

    def local(self, url: str) -> str:
        return self.base + url[len(self.site_url) :] if url.startswith(self.site_url) else url

    def get(self, url: str) -> Response:
        if url not in self._responses:
            try:
                with urlopen(url, timeout=30) as answer:  # noqa: S310 - the test's own server
                    self._responses[url] = Response(answer.status, answer.headers.get_content_type(), answer.read())
            except HTTPError as error:
                self._responses[url] = Response(error.code, error.headers.get_content_type(), error.read())
        return self._responses[url]

    def page(self, url: str) -> PageText:
        if url not in self._pages:
            self._pages[url] = PageText(self.get(url).body.decode("utf-8"))
        return self._pages[url]

    def fault(self, url: str) -> str | None:
        """What is wrong with following an address of the local server, or None when it works."""
        target, fragment = urldefrag(url)
        response = self.get(target)
        if response.status != 200:
            return f"{target} answers {response.status}"
        fragment = unquote(fragment)
        if fragment and response.kind == "text/html" and fragment not in self.page(target).ids:
            return f'{target} has no element with id "{fragment}"'
        return None


@dataclass
class Check:
    checked: int = 0
    pages: int = 0
    broken: list[str] = field(default_factory=list)  # does not work, or loads from another host
    absolute: list[str] = field(default_factory=list)  # works only where the site is served from its address


def check_site(site: Path, server: ServedSite) -> Check:
    """Every page of the built `site`, as `server` serves it, and every address in each."""
    result = Check()
    pages = [server.base + url for url in page_urls(site)]
    not_found = server.base + MISSING
    if (site / "404.html").is_file():
        pages.append(not_found)
    for url in pages:
        response = server.get(url)
        expected = 404 if url == not_found else 200
        if response.status != expected:
            result.broken.append(f"{url} answers {response.status}, not {expected}.")
            continue
        result.pages += 1
        for address in server.page(url).addresses:
            value = address.value
            result.checked += 1
            where = f'{url}: <{address.tag} {address.attribute}="{value}">'
            if not value or value == "#" or value.lower().startswith(NOT_FOLLOWED):
                continue
            parts = urlsplit(value)
            in_site = value.startswith(server.site_url)
            if (parts.scheme or parts.netloc) and not in_site:
                if is_resource(address):
                    result.broken.append(f"{where}: a resource from another host ({parts.netloc or parts.scheme}).")
                elif parts.scheme not in ("http", "https"):
                    result.broken.append(f"{where}: an address scheme the site does not use ({parts.scheme}).")
                continue
            # The 404 page is served at any address, so its addresses start from the site's path. The head's
            # links to the page itself (canonical) name the site's address by design.
            full = in_site and (address.tag != "link" or is_resource(address))
            if url != not_found and (full or parts.path.startswith("/") and not in_site):
                result.absolute.append(
                    f"{where}: not relative; it breaks when the site is served from another folder "
                    "(a copy on an intranet share, another GitHub Pages project)."
                )
            if value.startswith("#"):  # a place in the page itself (on the 404 page too, whatever it answers)
                if unquote(parts.fragment) not in server.page(url).ids:
                    result.broken.append(f'{where}: the page has no element with id "{parts.fragment}".')
                continue
            fault = server.fault(urljoin(url, server.local(value)))
            if fault:
                result.broken.append(f"{where}: {fault}.")
    return result


@pytest.fixture(scope="module")
def served_site(built_site):
    with served(built_site) as base:
        yield ServedSite(base)


@pytest.fixture(scope="module")
def site_check(built_site, served_site) -> Check:
    return check_site(built_site, served_site)


def test_every_internal_address_and_fragment_resolves(built_site, site_check):
    pages = len(list(built_site.rglob("*.html")))
    assert site_check.pages == pages and site_check.checked > pages * 50, (
        f"only {site_check.checked} addresses on {site_check.pages} of {pages} pages: is the parser reading them?"
    )
    assert not site_check.broken, (
        f"{len(site_check.broken)} of {site_check.checked} addresses are broken:\n" + "\n".join(site_check.broken)
    )


def test_addresses_are_relative(site_check):
    assert not site_check.absolute, "\n".join(site_check.absolute)


def test_the_sitemap_and_the_feeds_give_the_sites_full_addresses(built_site, served_site):
    """No address starts with "None" (the sitemap's template without site_url) or is relative; each answers."""
    sitemap = ET.parse(built_site / "sitemap.xml").getroot()
    locations = [loc.text for loc in sitemap.iter(f"{SITEMAP}loc")]
    assert sorted(locations) == sorted(SITE_URL + url for url in page_urls(built_site))
    addresses = locations + [link.get("href") for link in sitemap.iter(f"{XHTML}link")]
    for language in LANGUAGES[1:]:  # an index of the site's sitemap (handbook/sitemap.py)
        index = ET.parse(built_site / url_prefix(language) / "sitemap.xml").getroot()
        assert [loc.text for loc in index.iter(f"{SITEMAP}loc")] == [SITE_URL + "sitemap.xml"]
    for language in LANGUAGES:
        feed = ET.parse(built_site / url_prefix(language) / "changes.xml").getroot()
        addresses += [link.get("href") for link in feed.iter(f"{ATOM}link")]
        for content in feed.iter(f"{ATOM}content"):
            addresses += [address.value for address in PageText(content.text).addresses]
    assert len(addresses) > 2 * len(locations)
    wrong = [address for address in addresses if not address.startswith(SITE_URL)]
    assert not wrong, f"{len(wrong)} addresses are not the site's full addresses, e.g. {wrong[:5]}"
    faults = [fault for fault in map(served_site.fault, map(served_site.local, addresses)) if fault]
    assert not faults, "\n".join(faults)


def test_a_build_without_the_sites_address_writes_no_sitemap(edited_project):
    """A plain build (no site_url) writes no sitemap, whose addresses would all start with "None", and its 404
    page's addresses start at the host's root, where such a build must be served."""
    site = edited_project.archive / "site"
    assert (site / "index.html").is_file()
    assert not [path.name for path in site.rglob("sitemap.xml*")]
    addresses = [address.value for address in PageText((site / "404.html").read_text(encoding="utf-8")).addresses]
    assert addresses and all(a.startswith("/") and not a.startswith("//") for a in addresses), addresses


def test_the_checker_finds_broken_addresses(tmp_path):
    """The checker itself: each kind of fault is caught, and good addresses pass."""
    site = tmp_path / urlsplit(SITE_URL).path.strip("/")
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text('<h2 id="here">x</h2>', encoding="utf-8")
    (site / "style.css").write_text("", encoding="utf-8")
    (site / "index.html").write_text(
        '<link rel="stylesheet" href="style.css"><a href="a/#here">ok</a><a href="a/">ok</a>'
        '<a href="#top" id="top">ok</a>'
        '<a href="https://www.city.kumamoto.jp/">external link: not followed</a><a href="mailto:x@example.jp">mail</a>'
        f'<link rel="canonical" href="{SITE_URL}a/"><a href="{SITE_URL}a/#here">the site, in full</a>'
        '<a href="b/">missing page</a><a href="a/#nowhere">missing id</a><a href="/a/">absolute</a>'
        '<script src="https://cdn.example.com/x.js"></script><img src="//cdn.example.com/i.png">'
        '<link rel="stylesheet" href="https://fonts.googleapis.com/css"><a href="../../up/">outside</a>'
        f'<a href="{SITE_URL}c/">the site, in full, missing</a>',
        encoding="utf-8",
    )
    with served(site) as base:
        result = check_site(site, ServedSite(base))
    assert result.pages == 2 and result.checked == 16

    def shown(messages):
        return [message.split(": <", 1)[1].split(">", 1)[0] for message in messages]

    assert shown(result.broken) == [
        'a href="b/"',
        'a href="a/#nowhere"',
        'a href="/a/"',
        'script src="https://cdn.example.com/x.js"',
        'img src="//cdn.example.com/i.png"',
        'link href="https://fonts.googleapis.com/css"',
        'a href="../../up/"',
        f'a href="{SITE_URL}c/"',
    ]
    assert shown(result.absolute) == [f'a href="{SITE_URL}a/#here"', 'a href="/a/"', f'a href="{SITE_URL}c/"']
