"""Reading a built page back: the text of its <article>, the article's top-level blocks, and the page's
addresses and ids. The one HTML reader of the project: the search index, the build benchmark and the
site tests all use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Elements that start a new line of text.
_BLOCK = set("p li dt dd td th h1 h2 h3 h4 h5 caption summary figcaption div section".split())
# Elements with no end tag (HTML's void elements).
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_HEADINGS = {"h2", "h3", "h4"}
# Left out of the text: permalinks (¶), editor's notes, charts (their words are in the text around them),
# and what a page shows only on paper or marks as not its content: data-search-exclude, or Pagefind's own
# data-pagefind-ignore, honoured here because the search index is made from this text, not by Pagefind
# reading the pages (handbook/search_index.py).
_SKIPPED_TAGS = {"script", "style", "svg"}
_SKIPPED_CLASSES = {"headerlink", "editor-note", "print-only"}
# The attributes that hold an address, and the elements that have them.
_ADDRESSES = {
    "href": "a area link image use",
    "src": "script img iframe source video audio embed track input",
    "srcset": "img source",
    "poster": "video",
    "data": "object",
}
ADDRESS_ATTRIBUTES = {(tag, attribute) for attribute, tags in _ADDRESSES.items() for tag in tags.split()}


@dataclass(frozen=True)
class Address:
    tag: str
    attribute: str  # "href", "src", "srcset", … (xlink:href is read as href)
    value: str
    rel: frozenset[str] = frozenset()


@dataclass
class Block:
    """A top-level child of the <article>, as offsets into the HTML that was read."""

    tag: str
    start: int
    end: int = -1


def article(html: str) -> str:
    """A page's <article> element (the whole page if it has none): reading only it is much faster."""
    start, end = html.find("<article"), html.rfind("</article>")
    return html[start : end + len("</article>")] if 0 <= start < end else html


class PageText(HTMLParser):
    """One page read at once (``PageText(html)``):

    - ``lang``: the ``<html lang>``; ``ids``: every id (and name of a or map); ``addresses``: every address;
    - ``lines``: the article's text, one line per block (``text()`` joins them); ``headings``: h2–h4 texts;
    - ``blocks``: the article's top-level children; ``article``: (start, end) offsets of its content.
    """

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.lang: str | None = None
        self.ids: set[str] = set()
        self.addresses: list[Address] = []
        self.lines: list[str] = [""]
        self.headings: list[str] = []
        self.blocks: list[Block] = []
        self.article: tuple[int, int] | None = None
        self._html = html
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self._open: list[tuple[str, bool]] | None = None  # inside the article: (tag, skipped) of open elements
        self.feed(html)
        self.close()

    def text(self) -> str:
        return "\n".join(line.strip() for line in self.lines if line.strip())

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def _read_attributes(self, tag: str, attrs: dict) -> None:
        if tag == "html":
            self.lang = attrs.get("lang")
        for key in ("id", "name") if tag in ("a", "map") else ("id",):
            if attrs.get(key):
                self.ids.add(attrs[key])
        rel = frozenset((attrs.get("rel") or "").lower().split())
        for attribute, value in attrs.items():
            attribute = "href" if attribute == "xlink:href" else attribute
            if value is None or (tag, attribute) not in ADDRESS_ATTRIBUTES:
                continue
            candidates = [c.split()[0] for c in value.split(",") if c.strip()] if attribute == "srcset" else [value]
            self.addresses += [Address(tag, attribute, c.strip(), rel) for c in candidates]

    def _start(self, tag: str, attrs: list, closed: bool) -> None:
        attributes = dict(attrs)
        self._read_attributes(tag, attributes)
        tag_end = self._offset() + len(self.get_starttag_text())
        if self._open is None:
            if tag == "article" and self.article is None:
                self._open = []
                self.article = (tag_end, -1)
            return
        if not self._open:
            self.blocks.append(Block(tag, self._offset(), tag_end))
        if closed or tag in VOID:
            return
        classes = set((attributes.get("class") or "").split())
        skipped = (
            tag in _SKIPPED_TAGS
            or bool(classes & _SKIPPED_CLASSES)
            or "data-search-exclude" in attributes
            or "data-pagefind-ignore" in attributes
            or (bool(self._open) and self._open[-1][1])
        )
        self._open.append((tag, skipped))
        if tag in _BLOCK:
            self.lines.append("")

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, closed=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, closed=True)

    def handle_endtag(self, tag):
        if self._open is None:
            return
        if tag == "article" and not any(open_tag == "article" for open_tag, _ in self._open):
            self.article = (self.article[0], self._offset())
            self._open = None
            return
        if all(open_tag != tag for open_tag, _ in self._open):
            return  # a stray end tag
        while True:
            open_tag, _ = self._open.pop()
            if open_tag in _HEADINGS:
                self.headings.append(self.lines[-1].strip())
            if open_tag == tag:
                break
        if not self._open and self.blocks:
            self.blocks[-1].end = self._html.index(">", self._offset()) + 1

    def handle_data(self, data):
        if self._open is not None and not (self._open and self._open[-1][1]):
            self.lines[-1] += data
