"""The whole handbook as one PDF per language (handbook/book.py), built once by `scripts/build_pdf.sh` from the
session's built site and read back with pypdf and poppler (pdftotext, pdffonts): A4, tagged, fonts embedded,
every part in the policy's order, the contents' page numbers where the headings stand, the outline the same
as the contents, and the text the site's text."""

from __future__ import annotations

import re
import subprocess
from html import unescape
from pathlib import Path

import pytest
from pypdf import PdfReader

from handbook.book import pdf_name
from handbook.html_text import PageText
from handbook.model import LANGUAGES
from handbook.site import url_prefix
from handbook.ui import label
from handbook_testing import REPOSITORY, made_once

A4 = (595.28, 841.89)  # points
MAX_SIZE = 5_000_000  # bytes: mails comfortably
SIDE_MARGIN = 15 / 25.4 * 72  # points (handbook/book.css: @page margin)
WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')
# Kangxi radicals and CJK radical supplements: what a wrong ToUnicode map gives for 人, 大, 言 …
RADICALS = re.compile(r"[\u2e80-\u2fdf]")
CONTENTS_LINE = re.compile(r"^(?P<title>.+?)\s*\.{3,}\s*(?P<page>\d+)$")


def compact(text: str) -> str:
    """Text without its white space: lines break where the paper ends, not where the page's text does."""
    return re.sub(r"\s+", "", text)


class Book:
    """One PDF read back once: its pages' text (pdftotext), outline, named destinations and annotations."""

    def __init__(self, path: Path):
        self.path = path
        self.reader = PdfReader(path)
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
        self.pages = text.decode("utf-8").split("\f")[: len(self.reader.pages)]
        self.destinations = {name: self.page_of(dest.page) for name, dest in self.reader.named_destinations.items()}

    def page_of(self, reference) -> int:
        """The 1-based number of a page object (the number printed on it: the cover is page 1)."""
        return self.reader.get_page_number(reference.get_object()) + 1

    def outline(self) -> list[tuple[int, str, int]]:
        """(level, title, page) of every bookmark, in order."""
        entries = []

        def walk(items, level):
            for item in items:
                if isinstance(item, list):
                    walk(item, level + 1)
                else:
                    entries.append((level, item.title, self.reader.get_destination_page_number(item) + 1))

        walk(self.reader.outline, 1)
        return entries

    def contents(self, heading: str) -> list[tuple[str, int, int]]:
        """(title, printed page number, page its link leads to) of every entry of the contents, in order: the
        lines "title ...... 12" (a long title may take two lines) of the pages after the cover up to the first
        entry's page, and the links on those pages (an entry's title and its number are two boxes of one link)."""
        entries, links = [], []
        page = 2
        while not entries or page < entries[0][1]:
            pending = ""
            for line in map(str.strip, self.pages[page - 1].splitlines()):
                if not line or line == heading or line.isdigit():
                    continue  # the running header, the contents' title, the page number
                match = CONTENTS_LINE.match(f"{pending} {line}".strip())
                pending = "" if match else f"{pending} {line}".strip()
                if match:
                    entries.append((match["title"], int(match["page"])))
            assert not pending, f"{self.path.name}, page {page}: {pending!r} is no entry of the contents"
            for annotation in self.reader.pages[page - 1].get("/Annots", []):
                target = str(annotation.get_object().get("/Dest"))
                if not links or links[-1] != target:
                    links.append(target)
            page += 1
        assert len(links) == len(entries), f"{self.path.name}: {len(entries)} entries but {len(links)} links"
        return [(title, number, self.destinations[link]) for (title, number), link in zip(entries, links, strict=True)]

    def struct_types(self) -> list[str]:
        """The structure type of every element of the tag tree (/Document, /H1, /Table …)."""
        found, stack = [], [self.reader.trailer["/Root"]["/StructTreeRoot"]]
        while stack:
            node = stack.pop().get_object()
            if not hasattr(node, "get"):
                continue
            if "/S" in node:
                found.append(str(node["/S"]))
            kids = node.get("/K")
            stack += kids if isinstance(kids, list) else ([kids] if kids is not None else [])
        return found


@pytest.fixture(scope="module")
def books(tmp_path_factory, built_site) -> dict[str, Book]:
    """Both PDFs, made once per test run from the session's built site by the command maintainers use."""

    def make(folder: Path) -> dict[str, Path]:
        command = ["bash", "scripts/build_pdf.sh", str(folder), str(built_site)]
        result = subprocess.run(command, cwd=REPOSITORY, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
        return {language: folder / pdf_name(language) for language in LANGUAGES}

    return {language: Book(path) for language, path in made_once(tmp_path_factory, "books", make).items()}


def site_title(site: Path, url: str, language: str) -> str:
    """A built page's title heading as it reads."""
    html = (site / url_prefix(language) / url / "index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
    heading = re.sub(r'<a class="headerlink".*?</a>', "", heading)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", heading)).split())


def expected_chapters(policy) -> list[tuple[int, str]]:
    """(level, page) of the book in the policy's order: message, basic approach, target organisation and staff,
    the orientations, the ranks (their roles and competencies) and the role flow, the key talents, the
    initiatives 001–035, the indicators, the development plans and the glossary. No tools (explorer,
    comparisons, self-check sheets, changes)."""
    parts = [
        (1, "message/"),
        (1, "about/"),
        (1, "staff-image/"),
        (1, "orientations/"),
        *[(2, f"orientations/{o.id}/") for o in policy.orientations],
        (1, "ranks/"),
        *[(2, f"ranks/{r.id}/") for r in policy.ranks],
        (1, "role-flow/"),
        (1, "talents/"),
        *[(2, f"talents/{t.id}/") for t in policy.talents],
        (1, "initiatives/"),
        *[(2, f"initiatives/{i.number}/") for i in policy.initiatives],
        (1, "indicators/"),
        (1, "development-plans/"),
        (1, "glossary/"),
    ]
    return parts


@pytest.mark.parametrize("language", LANGUAGES)
def test_book_is_a4_tagged_with_its_language_and_small(books, language):
    book = books[language]
    assert book.path.stat().st_size < MAX_SIZE, f"{book.path.name}: {book.path.stat().st_size} bytes"
    sizes = {(round(float(p.mediabox.width), 2), round(float(p.mediabox.height), 2)) for p in book.reader.pages}
    assert sizes == {A4}, sizes
    info = subprocess.run(["pdfinfo", str(book.path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M) and "(A4)" in info, info
    catalog = book.reader.trailer["/Root"]
    assert catalog["/Lang"] == language
    assert catalog["/MarkInfo"]["/Marked"]
    tags = {"/H1", "/H2", "/H3", "/P", "/L", "/LI", "/Table", "/THead", "/TH", "/TD", "/Link", "/Figure"}
    assert tags <= set(book.struct_types())


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_font_is_embedded(books, language):
    listing = subprocess.run(["pdffonts", str(books[language].path)], capture_output=True, text=True, check=True)
    fonts = [line.split() for line in listing.stdout.splitlines()[2:]]
    assert fonts
    for font in fonts:
        # name, type…, encoding, emb, sub, uni, object, generation: counted from the end (types have spaces)
        embedded, unicode_map = font[-5], font[-3]
        assert (embedded, unicode_map) == ("yes", "yes"), font
        assert "Type 3" not in " ".join(font), font
    assert any("CJK" in font[0] for font in fonts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_everything_fits_between_the_side_margins(books, language):
    """Tables, charts and text stay inside the page's side margins (15 mm) on every page after the cover."""
    path = books[language].path
    boxes = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
    left, right = SIDE_MARGIN - 1, A4[0] - SIDE_MARGIN + 1
    outside = [
        (number, word, x_min, x_max)
        for number, page in enumerate(boxes.split("<page ")[2:], start=2)
        for x_min, x_max, word in WORD_BOX.findall(page)
        if float(x_min) < left or float(x_max) > right
    ]
    assert not outside, outside[:10]


@pytest.mark.parametrize("language", LANGUAGES)
def test_charts_are_in_the_book_as_vectors(books, built_site, policy, language):
    """Every chart of the book's pages is a figure of the tag tree, and the book holds no picture: the charts
    are drawn as paths and text."""
    listing = subprocess.run(["pdfimages", "-list", str(books[language].path)], capture_output=True, text=True)
    assert listing.returncode == 0 and len(listing.stdout.splitlines()) == 2, listing.stdout  # the heading only
    pages = [built_site / url_prefix(language) / url / "index.html" for _, url in expected_chapters(policy)]
    charts = sum(page.read_text(encoding="utf-8").count('<figure class="chart') for page in pages)
    assert charts >= 10
    assert books[language].struct_types().count("/Figure") >= charts


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_part_in_the_policys_order_and_no_tool(books, built_site, policy, language):
    """The outline is the contents: the contents' own title, then each part and the chapters within it."""
    expected = [(1, label("book_contents")[language])] + [
        (level, site_title(built_site, url, language)) for level, url in expected_chapters(policy)
    ]
    outline = books[language].outline()
    assert [(level, title) for level, title, _ in outline] == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_contents_page_numbers_are_where_the_headings_stand(books, language):
    """Every entry of the contents: its printed number is the page its link leads to, that page's text has
    the heading, and the outline's entry is the same (title and page)."""
    book = books[language]
    contents = book.contents(label("book_contents")[language])
    outline = book.outline()[1:]
    assert len(contents) == len(outline)
    for (title, number, linked), (_, bookmark, bookmark_page) in zip(contents, outline, strict=True):
        assert compact(title) == compact(bookmark), (title, bookmark)
        assert number == linked == bookmark_page, f"{title}: printed {number}, link {linked}, outline {bookmark_page}"
        assert compact(title) in compact(book.pages[number - 1]), f"{title} is not on page {number}"
    numbers = [number for _, number, _ in contents]
    assert numbers == sorted(numbers) and numbers[0] > 2


@pytest.mark.parametrize("language", LANGUAGES)
def test_initiatives_in_order_with_their_text(books, built_site, policy, language):
    text = compact("".join(books[language].pages))
    position = 0
    for initiative in policy.initiatives:
        title = compact(site_title(built_site, f"initiatives/{initiative.number}/", language))
        found = text.find(title, position)
        assert found >= 0, f"{title} missing or out of order"
        position = found + len(title)
        for paragraph in initiative.text:
            assert compact(paragraph[language]) in text, f"{initiative.number}: {paragraph[language][:40]}"


def test_japanese_text_copies_as_on_the_site(books, built_site):
    """Paragraphs of the site's pages (the message, a rank's competencies, an initiative, the glossary) are in
    the PDF's extracted text as they are on the site: no radical look-alike (⼈ for 人) anywhere."""
    book = books["ja"]
    whole = "".join(book.pages)
    assert not RADICALS.findall(whole), sorted(set(RADICALS.findall(whole)))
    text = compact(whole)
    for url in ("message/", "ranks/chief/", "initiatives/010/", "glossary/", "staff-image/"):
        page = PageText((built_site / url / "index.html").read_text(encoding="utf-8"))
        paragraphs = [line for line in page.text().splitlines() if len(line) >= 30]
        assert len(paragraphs) >= 3, url
        for paragraph in paragraphs[:: max(1, len(paragraphs) // 6)]:
            assert compact(paragraph) in text, f"{url}: {paragraph}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_between_pages_lead_to_their_place_in_the_book(books, policy, language):
    """Links of the chapters to other pages of the book (a rank's rank above, a glossary term, an initiative)
    lead to a place the book has: every one resolves, and they reach every rank's chapter."""
    book = books[language]
    first_chapter = book.contents(label("book_contents")[language])[0][1]
    targets = [
        str(annotation.get_object()["/Dest"])
        for page in book.reader.pages[first_chapter - 1 :]
        for annotation in page.get("/Annots", [])
        if "/Dest" in annotation.get_object()
    ]
    assert not [name for name in targets if name not in book.destinations]
    assert {f"p-ranks-{rank.id}" for rank in policy.ranks} <= set(targets)
    assert any(name.startswith("p-glossary--") for name in targets)


def test_a_site_built_without_the_pdfs_links_none(built_site):
    """The session's site was built without HANDBOOK_PDF_DIR: no page links a PDF it does not have."""
    assert not list((built_site / "downloads").glob("handbook-*.pdf"))
    for path in built_site.rglob("index.html"):
        assert "handbook-ja.pdf" not in path.read_text(encoding="utf-8"), path
