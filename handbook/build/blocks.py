"""The handbook's HTML stays out of the generator's Markdown parser.

A rendered page is Markdown headings (from which the generator makes the title and the table of contents)
between blocks of HTML the handbook wrote. Python-Markdown parses every such block again only to pass it
through as raw HTML (about a fifth of a build's time), and Zensical rewrites the links in it. So the generator
is given each block as a one-word placeholder paragraph, and the finish step puts the blocks back.
"""

from __future__ import annotations

import hashlib
import re

from markdown.util import BLOCK_LEVEL_ELEMENTS

from ..html_text import VOID

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_OPENS_BLOCK = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)")
_BLOCK_LEVEL = frozenset(BLOCK_LEVEL_ELEMENTS)  # what Python-Markdown takes as the start of raw HTML
# A placeholder as the generator draws it: a paragraph of one word no text of the data can make, since the
# data's "<" reaches Markdown escaped.
_PLACEHOLDER = re.compile(r"<p>(handbookblock[0-9a-f]{24})</p>")


def _depth_change(line: str) -> int:
    """Elements opened minus elements closed on a line of the handbook's HTML (data text in it is escaped)."""
    change = 0
    for closing, name, self_closing in _TAG.findall(line):
        if name.lower() not in VOID and not self_closing:
            change += -1 if closing else 1
    return change


def set_aside(markdown: str) -> tuple[str, dict[str, str]]:
    """The page's Markdown with each top-level HTML block (from a line opening a block-level element to the
    line that closes it) replaced by a placeholder; and the blocks by placeholder. Other lines (headings, and
    inline HTML, which Markdown wraps in a paragraph) are kept as they are."""
    out: list[str] = []
    blocks: dict[str, str] = {}
    block: list[str] = []
    depth = 0
    for line in markdown.split("\n"):
        if not block:
            opens = _OPENS_BLOCK.match(line)
            if not opens or opens.group(1).lower() not in _BLOCK_LEVEL:
                out.append(line)
                continue
        block.append(line)
        depth += _depth_change(line)
        if depth <= 0:
            html = "\n".join(block)
            key = "handbookblock" + hashlib.sha1(html.encode("utf-8")).hexdigest()[:24]
            blocks[key] = html
            out += ["", key, ""]
            block, depth = [], 0
    if block:
        raise ValueError(f"an HTML block is not closed: {block[0][:80]!r}")
    return "\n".join(out), blocks


def put_back(html: str, blocks: dict[str, str]) -> str:
    """A drawn page with its placeholders replaced by the blocks they stand for."""

    def block(match: re.Match) -> str:
        try:
            return blocks[match.group(1)]
        except KeyError:
            unknown = match.group(1)
            raise KeyError(f"a page holds the placeholder {unknown}, which this build did not set aside") from None

    return _PLACEHOLDER.sub(block, html)
