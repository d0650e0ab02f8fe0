"""Printing: each rank page and each self-check sheet, printed to A4 by a real Chromium and read back from the PDF."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from handbook.load import load_policy
from handbook.site import page_specs

POLICY = load_policy()
LANGUAGES = ("ja", "en")
RANKS = [rank.id for rank in POLICY.ranks]
A4_POINTS = (595.3, 841.9)

# Text of the site's chrome that must not reach paper, whatever the page's language: navigation labels,
# search, the language switch, the table of contents, back-to-top, permalinks, the print button.
CHROME = [
    "トップメッセージ", "Top message", "用語解説", "Glossary", "検索", "Search", "English", "日本語",
    "目次", "Table of contents", "トップへ戻る", "Back to top", "¶",
    "このページを印刷", "Print this page", "シートを印刷", "Print the sheet",
    "この職位の自己チェックシート", "Self-check sheet for this rank",
]


def squeeze(text: str) -> str:
    """pypdf breaks lines wherever the layout did (Japanese has no spaces to rejoin them): drop all whitespace."""
    return re.sub(r"\s+", "", text).replace("\u2019", "'")


def address(path: str, language: str) -> str:
    return ("/" if language == "ja" else f"/{language}/") + path


def expected_texts(language: str) -> list[str]:
    """Every text the tests look for on paper."""
    texts = [POLICY.meta["title"][language], POLICY.meta["revision"][language], *CHROME]
    for rank in POLICY.ranks:
        texts += [rank.name[language], *(duty[language] for role in rank.roles for duty in role.duties)]
        texts += [text[language] for item in rank.table.items for text in (item.name, item.description)]
    return texts


class Printer:
    """Prints pages of the served site to A4 PDF and reads their text back, each page once.

    A PDF's text layer names each glyph by one code point, and a CJK font draws some ideographs with the
    same glyph as a radical (長 and ⻑, 方 and ⽅) or ・ as ‧: pypdf then reads the radical. So the printer
    first prints every character the tests look for and learns what each one reads back as, and compares
    texts through that (``fold``): what is on paper is compared, not how the PDF names it.
    """

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.cache: dict[str, tuple[int, list[tuple[float, float]], str]] = {}
        self.folds: dict[str, dict[str, str]] = {}

    def _pdf_text(self) -> tuple[int, list[tuple[float, float]], str]:
        reader = PdfReader(io.BytesIO(self.page.pdf(format="A4")))
        sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
        return len(reader.pages), sizes, squeeze("".join(p.extract_text() for p in reader.pages))

    def _goto(self, url: str) -> None:
        response = self.page.goto(self.base + url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response and response.status}"

    def fold(self, language: str) -> dict[str, str]:
        if language not in self.folds:
            characters = sorted({c for text in expected_texts(language) for c in text if not c.isascii() and not c.isspace()})
            self._goto(address("", language))   # same fonts and styles as the pages, in this language
            self.page.evaluate("""characters => {
                const article = document.querySelector("article.md-content__inner");
                article.replaceChildren(...["400", "700"].map(weight => {
                    const p = document.createElement("p");
                    p.style.fontWeight = weight;
                    p.textContent = characters.map(c => "[" + c + "]").join("");
                    return p;
                }));
            }""", characters)
            read = re.findall(r"\[([^\[\]])\]", self._pdf_text()[2])
            assert len(read) == 2 * len(characters), "could not read back the calibration characters"
            self.folds[language] = {got: wanted for wanted, got in zip(characters * 2, read) if got != wanted}
        return self.folds[language]

    def text(self, text: str, language: str) -> str:
        fold = self.fold(language)
        return "".join(fold.get(c, c) for c in squeeze(text))

    def print(self, path: str, language: str) -> tuple[int, list[tuple[float, float]], str]:
        """(number of pages, page sizes in points, folded whitespace-free text) of a page printed on A4."""
        url = address(path, language)
        if url not in self.cache:
            self._goto(url)
            pages, sizes, text = self._pdf_text()
            self.cache[url] = (pages, sizes, self.text(text, language))
        return self.cache[url]


@pytest.fixture(scope="module")
def printer(browser, site_server):
    context = browser.new_context()
    yield Printer(context.new_page(), site_server)
    context.close()


def check_printout(printer: Printer, path: str, language: str, rank_id: str, max_pages: int) -> int:
    pages, sizes, text = printer.print(path, language)
    where = address(path, language)
    assert 1 <= pages <= max_pages, f"{where} prints on {pages} A4 pages (at most {max_pages})"
    for width, height in sizes:
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2, f"{where}: not A4 portrait: {width}×{height}"
    rank = POLICY.rank(rank_id)
    missing = [item.name[language] for item in rank.table.items if printer.text(item.name[language], language) not in text]
    assert not missing, f"{where}: items missing on paper: {missing}"
    assert printer.text(rank.name[language], language) in text
    leaked = [chrome for chrome in CHROME if printer.text(chrome, language) in text]
    assert not leaked, f"{where}: site chrome printed: {leaked}"
    # where the printout comes from: the policy, its revision and the page's address
    for source in (POLICY.meta["title"][language], POLICY.meta["revision"][language], where):
        assert printer.text(source, language) in text, f"{where}: {source!r} is not on paper"
    return pages


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("rank_id", RANKS)
def test_rank_page_prints_on_at_most_four_a4_pages(printer, rank_id, language):
    pages = check_printout(printer, f"ranks/{rank_id}/", language, rank_id, max_pages=4)
    _, _, text = printer.print(f"ranks/{rank_id}/", language)
    rank = POLICY.rank(rank_id)
    for item in rank.table.items:    # with its description, not only its name
        assert printer.text(item.description[language], language)[:30] in text, item.id
    for duty in (duty for role in rank.roles for duty in role.duties):
        assert printer.text(duty[language], language)[:30] in text, duty[language]
    print(f"ranks/{rank_id}/ ({language}): {pages} pages")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("rank_id", RANKS)
def test_self_check_sheet_prints_on_at_most_two_a4_pages(printer, rank_id, language):
    pages = check_printout(printer, f"self-check/{rank_id}/", language, rank_id, max_pages=2)
    print(f"self-check/{rank_id}/ ({language}): {pages} pages")


def test_every_rank_has_a_self_check_sheet_in_both_languages(policy):
    sheets = {spec.key for spec in page_specs(policy) if spec.kind == "self_check"}
    assert sheets == set(RANKS)


@pytest.mark.parametrize("language", LANGUAGES)
def test_rank_page_links_its_sheet_and_prints_from_its_button(browser, site_server, language):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.__printed = 0; window.print = () => { window.__printed += 1; };")
    try:
        page.goto(site_server + address("ranks/chief/", language))
        button = page.locator("button.print-button")
        assert button.count() == 1 and button.is_visible()
        button.click()
        assert page.evaluate("window.__printed") == 1
        link = page.locator("a[data-self-check]")
        assert link.count() == 1
        link.click()
        page.wait_for_load_state("load")
        assert page.url == site_server + address("self-check/chief/", language)
        # the sheet: 27 rows, each with the five steps of the scale, and the fields to fill in
        assert page.locator("table.self-check-table tbody tr").count() == 27
        assert page.locator("table.self-check-table input[type=radio]").count() == 27 * 5
        assert page.locator(".self-check-field .field-blank").count() == 3
        page.emulate_media(media="print")
        assert not page.locator("button.print-button").is_visible()
        assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    finally:
        context.close()
