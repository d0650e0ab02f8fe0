"""Every text of the data, given markup at once, is shown as text in every page and feed of the built site, with
either generator: in the body, the title, the header, the navigation, the footer, meta tags, embedded scripts and
the Atom feeds."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile_project import COMMIT_TITLE, TAG, HostileProject, make_hostile_project

from handbook.html_text import VOID
from handbook_testing import made_once


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> HostileProject:
    return made_once(tmp_path_factory, "hostile", make_hostile_project)


class _Planted(HTMLParser):
    """The planted elements of a page, each with the elements around it (as a browser's parser sees them: the
    content of <script> and <style> is not markup; a stray end tag in a title or attribute ends it), and the
    page's text, its entities decoded and its inline marks (<wbr>, <span lang>) dropped: what a reader sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.found: list[tuple[str, str]] = []
        self.text: list[str] = []

    def handle_data(self, data):
        self.text.append(data)

    def handle_starttag(self, tag, attrs):
        if tag.startswith(TAG):
            self.found.append((tag.removeprefix(TAG), " > ".join(self.open[-3:])))
        names = [name for name, _ in attrs if name.startswith(TAG)]
        self.found += [(name.removeprefix(TAG), f"an attribute of <{tag}>") for name in names]
        if tag not in VOID:
            classes = dict(attrs).get("class") or ""
            self.open.append(tag + "".join(f".{c}" for c in classes.split()[:1]))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].split(".")[0] == tag:
                del self.open[index:]
                break


def _read(file: Path) -> tuple[list[tuple[str, str]], str]:
    """The planted elements of a page or feed (number, where) and its text."""
    content = file.read_text(encoding="utf-8")
    if file.suffix == ".html":
        parser = _Planted()
        parser.feed(content)
        return parser.found, "".join(parser.text)
    try:
        root = ElementTree.fromstring(content.encode("utf-8"))
    except ElementTree.ParseError as error:
        return [("?", f"not well-formed XML any more: {error}")], ""
    found = [(str(e.tag).rpartition(TAG)[2], "an XML element") for e in root.iter() if TAG in str(e.tag)]
    text = []
    for element in root.iter():
        if element.get("type") == "html":  # an Atom text construct holding HTML, which a feed reader shows as such
            parser = _Planted()
            parser.feed(element.text or "")
            found += [(number, f"the HTML of <{element.tag}>: {where}") for number, where in parser.found]
            text.append("".join(parser.text))
        else:
            text.append(element.text or "")
    return found, "".join(text)


@pytest.fixture(scope="module")
def hostile_site(hostile) -> dict[str, tuple[list[tuple[str, str]], str]]:
    """Every page and feed of the hostile builds (MkDocs', then Zensical's under zensical:), read once: its
    path → (planted elements, text)."""
    read = {}
    for prefix, site in (("", hostile.root / "site"), ("zensical:", hostile.zensical_site)):
        for file in sorted(site.rglob("*")):
            if file.suffix in (".html", ".xml"):
                read[prefix + file.relative_to(site).as_posix()] = _read(file)
    return read


def test_no_text_of_the_data_becomes_markup_in_any_page_or_feed(hostile, hostile_site):
    assert len(hostile_site) > 2 * 290, "both hostile builds wrote every page"
    feeds = {"changes.xml", "en/changes.xml", "zensical:changes.xml", "zensical:en/changes.xml"}
    assert feeds <= set(hostile_site), "and the feeds, which hold commit titles and changed texts"
    got_through: dict[str, set[str]] = defaultdict(set)
    for file, (found, _) in hostile_site.items():
        for number, where in found:
            got_through[f"{hostile.texts.get(number, number)} → {where}"].add(file)
    report = "\n".join(f"{what} ({len(pages)} files, e.g. {min(pages)})" for what, pages in sorted(got_through.items()))
    assert not got_through, f"Text of the data became markup in the built site:\n{report}"


def test_the_planted_texts_are_shown_once_escaped_not_twice(hostile, hostile_site):
    """What the payloads prove holds only if the texts reach the pages: every text is shown (as text) on some
    page or feed, but the terminology (the translators' word list, published nowhere), and none is escaped twice
    (a reader would see '&lt;')."""
    shown: set[str] = set()
    for file, (_, text) in hostile_site.items():
        assert f"&lt;{TAG}" not in text, f"{file} shows a text escaped twice"
        shown.update(re.findall(rf"<{TAG}(\w+)>", text))
    published = {n for n, where in hostile.texts.items() if not where.startswith("policy_data/terminology.yml")}
    assert not published - shown, [hostile.texts[n] for n in sorted(published - shown, key=int)[:20]]
    assert "commit" in shown, f"the commit title {COMMIT_TITLE!r} is shown on the changes page and in the feeds"
