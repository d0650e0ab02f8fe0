"""What a reader gets from a built page, whichever generator drew it: the facts the two builds must share
(tests/site/test_generators.py)."""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

from handbook.html_text import VOID, PageText

_PRINT_ADDRESS = re.compile(r'<span class="print-address">(.*?)</span></div>', re.S)
_TAGS = re.compile(r"<[^>]+>")
_RUNNING_HEADER = re.compile(r"@top-left \{ content: (\"[^\"]*\");")
_MODULE = re.compile(r'<script\b(?=[^>]*\btype="module")[^>]*>')
_ATTRIBUTE = re.compile(r'\b(src|data-words)="([^"]*)"')


class _Chrome(HTMLParser):
    """The page's navigation (labels, links, the current page), language switch and title."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.nav: list[tuple[str, str]] = []  # (label, href) of the primary navigation's links
        self.current: list[str] = []  # labels of links marked aria-current="page"
        self.twins: list[tuple[str, str]] = []  # (hreflang, href) of the language switch
        self._in: list[str] = []  # what the text being read belongs to
        self._href = ""
        self._nav_depth = 0
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag in VOID:
            return
        self._open.append(tag)
        if tag == "nav" and "md-nav--primary" in classes:
            self._nav_depth = len(self._open)
        if tag == "title":
            self._in.append("title")
        elif tag == "a" and self._nav_depth and "md-nav__link" in classes:
            self._href = a.get("href") or ""
            self.nav.append(["", self._href])
            if a.get("aria-current") == "page":
                self.current.append(self._href)
        elif tag == "a" and "md-select__link" in classes:
            self.twins.append((a.get("hreflang") or "", a.get("href") or ""))

    def handle_endtag(self, tag):
        if tag in ("title", "span") and self._in:
            self._in.pop()
        while self._open:
            if self._open.pop() == tag:
                break
        if self._nav_depth > len(self._open):
            self._nav_depth = 0

    def handle_data(self, data):
        if self._in and self._in[-1] == "title":
            self.title += data
        elif self._nav_depth and self.nav and self._open and self._open[-1] in ("a", "span"):
            self.nav[-1][0] += data.strip()


def page_facts(html: str) -> dict:
    page, chrome = PageText(html), _Chrome(html)
    header, address = _RUNNING_HEADER.search(html), _PRINT_ADDRESS.search(html)
    return {
        "lang": page.lang,
        "title": chrome.title.strip(),
        "text": page.text(),
        "headings": page.headings,
        "navigation": [tuple(link) for link in chrome.nav],
        "current": chrome.current,
        "twins": chrome.twins,
        "running header": header.group(1) if header else None,
        "printed address": unescape(_TAGS.sub("", address.group(1))).strip() if address else None,
        # the script modules the page loads: (link, words given)
        "scripts": [
            (attributes.get("src", ""), attributes.get("data-words"))
            for attributes in (
                {name: unescape(value) for name, value in _ATTRIBUTE.findall(tag)} for tag in _MODULE.findall(html)
            )
        ],
    }
