"""Printing: each rank page and each self-check sheet, printed to A4 by a real Chromium and read back from the PDF."""

from __future__ import annotations

import importlib.util
import re
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import paper
import pytest

from handbook.model import LANGUAGES
from handbook.site import page_specs, url_prefix
from handbook.ui import label

A4_POINTS = (595.3, 841.9)

# Text of the site's chrome that must not reach paper, whatever the page's language: navigation labels, search,
# the language switch, the print buttons and links (handbook/ui.yml), the theme's table of contents and back-to-top
# (Material's own words), permalinks. Read from where they are written, so a changed label is still looked for.
CHROME_LABELS = [
    "message",
    "glossary",
    "search_placeholder",
    "language_name",
    "print_page",
    "print_sheet",
    "self_check_link",
]
THEME_WORDS = ["toc", "top"]


def theme_words(language: str) -> list[str]:
    # found, not imported: the fast tier's check that nothing loads the theme sees every collected module
    theme = Path(importlib.util.find_spec("material").origin).parent
    translations = (theme / "templates/partials/languages" / f"{language}.html").read_text(encoding="utf-8")
    return [re.search(rf'"{key}": "([^"]+)"', translations).group(1) for key in THEME_WORDS]


CHROME = [label(key)[language] for key in CHROME_LABELS for language in LANGUAGES]
CHROME += [word for language in LANGUAGES for word in theme_words(language)] + ["¶"]


def squeeze(text: str) -> str:
    """A PDF's text breaks lines where the layout did (Japanese has no spaces to rejoin them): drop all whitespace."""
    return re.sub(r"\s+", "", text).replace("\u2019", "'")


def address(path: str, language: str) -> str:
    return f"/{url_prefix(language)}{path}"


class Printer:
    """Prints pages of the served site to A4 PDF and reads their text back, each page once."""

    def __init__(self, page, base: str):
        self.page, self.base = page, base
        self.printed: dict[str, Future] = {}  # by address: its sheets, their text without whitespace
        # Reading a PDF's text takes a while too: one page is read while the browser prints the next.
        self.reader = ThreadPoolExecutor(max_workers=1)

    @staticmethod
    def _read(pdf: bytes) -> list[paper.Sheet]:
        return [replace(sheet, text=squeeze(sheet.text)) for sheet in paper.sheets(pdf)]

    def _goto(self, url: str) -> None:
        response = self.page.goto(self.base + url, wait_until="load")
        assert response is not None and response.ok, f"{url}: {response and response.status}"

    def start(self, paths: list[str], language: str) -> None:
        """Print pages, each once, without waiting for their text."""
        for url in (address(path, language) for path in paths):
            if url not in self.printed:
                self._goto(url)
                self.printed[url] = self.reader.submit(self._read, self.page.pdf(format="A4"))

    def sheets(self, path: str, language: str) -> list[paper.Sheet]:
        """The sheets of a page printed on A4 (sizes in points), their text without whitespace."""
        self.start([path], language)
        return self.printed[address(path, language)].result()

    def text(self, path: str, language: str) -> str:
        """The whitespace-free text of a page printed on A4, all sheets."""
        return "".join(sheet.text for sheet in self.sheets(path, language))


@pytest.fixture(scope="module")
def printer(browser, site_server):
    context = browser.new_context()
    printer = Printer(context.new_page(), site_server)
    yield printer
    printer.reader.shutdown()
    context.close()


def printout_faults(printer: Printer, policy, path: str, language: str, rank, max_pages: int) -> list[str]:
    """What is wrong with a page printed on A4: too many pages, not A4, an item or the source missing,
    the site's chrome on paper."""
    printed = printer.sheets(path, language)
    pages, text = len(printed), printer.text(path, language)
    where = address(path, language)
    faults = [] if 1 <= pages <= max_pages else [f"{where}: prints on {pages} A4 pages (at most {max_pages})"]
    faults += [
        f"{where}: not A4 portrait: {sheet.width}×{sheet.height}"
        for sheet in printed
        if abs(sheet.width - A4_POINTS[0]) >= 2 or abs(sheet.height - A4_POINTS[1]) >= 2
    ]

    def on_paper(shown: str) -> bool:
        return squeeze(shown) in text

    faults += [
        f"{where}: item '{item.name[language]}' is not on paper"
        for item in rank.table.items
        if not on_paper(item.name[language])
    ]
    faults += [f"{where}: site chrome printed: {chrome!r}" for chrome in CHROME if on_paper(chrome)]
    # where the printout comes from: the rank, the policy, its revision and the page's address
    meta = policy.meta
    faults += [
        f"{where}: {source!r} is not on paper"
        for source in (rank.name[language], meta.title[language], meta.revision[language], where)
        if not on_paper(source)
    ]
    # every sheet after the first says at its top which page (naming the rank) of which handbook it comes from
    [title] = [spec.title[language] for spec in page_specs(policy) if spec.url == path]
    assert rank.name[language] in title
    running = squeeze(title + label("sep_bar")[language] + label("site_name")[language])
    faults += [
        f"{where}: sheet {number} does not start with {running!r}: {sheet.text[:40]!r}"
        for number, sheet in enumerate(printed[1:], start=2)
        if not sheet.text.startswith(running)
    ]
    print(f"{where}: {pages} pages")
    return faults


@pytest.mark.parametrize("language", LANGUAGES)
def test_rank_pages_print_on_at_most_four_a4_pages(printer, policy, language):
    faults = []
    printer.start([f"ranks/{rank.id}/" for rank in policy.ranks], language)
    for rank in policy.ranks:
        path = f"ranks/{rank.id}/"
        faults += printout_faults(printer, policy, path, language, rank, max_pages=4)
        text = printer.text(path, language)
        texts = [item.description[language] for item in rank.table.items]  # not only the names
        texts += [duty[language] for role in rank.roles for duty in role.duties]
        faults += [
            f"{address(path, language)}: {shown[:30]!r}… is not on paper"
            for shown in texts
            if squeeze(shown)[:30] not in text
        ]
    assert not faults, "\n".join(faults)


@pytest.mark.parametrize("language", LANGUAGES)
def test_self_check_sheets_print_on_at_most_two_a4_pages(printer, policy, language):
    faults = []
    printer.start([f"self-check/{rank.id}/" for rank in policy.ranks], language)
    for rank in policy.ranks:
        faults += printout_faults(printer, policy, f"self-check/{rank.id}/", language, rank, max_pages=2)
    assert not faults, "\n".join(faults)


@pytest.mark.parametrize("language", LANGUAGES)
def test_rank_page_links_its_sheet_and_prints_from_its_button(browser, site_server, policy, language):
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
        with page.expect_navigation():
            link.click()
        assert page.url == site_server + address("self-check/chief/", language)
        # the sheet: a row per item, each with the five steps of the scale, and the fields to fill in
        items = len(policy.rank("chief").table.items)
        assert page.locator("table.self-check-table tbody tr").count() == items
        assert page.locator("table.self-check-table input[type=radio]").count() == items * 5
        assert page.locator(".self-check-field .field-blank").count() == 3
        page.emulate_media(media="print")
        assert not page.locator("button.print-button").is_visible()
        assert not page.locator(".md-header").is_visible() and not page.locator(".md-sidebar--primary").is_visible()
    finally:
        context.close()
