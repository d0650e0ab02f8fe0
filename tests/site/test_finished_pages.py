"""Staff read a finished handbook, not a converted PDF: every page in its own language (and text in the
other language marked as such), no editor's note or PDF page reference on a staff page, Japanese headings
breaking only between phrases. Read from the real built site."""

from __future__ import annotations

import html
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest

from handbook.model import LANGUAGES
from handbook.site import page_specs, url_prefix
from handbook.typography import PhraseBreaker, policy_terms
from handbook_testing import kinsoku_breaks

JAPANESE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]")
ENGLISH_WORDS = re.compile(r"[A-Za-z]{2,}(?:[ \u00a0]+[A-Za-z]{2,})+")
# A page number of the printed policy: （Ｐ７）, P14～20, 次ページ以降, 次頁; "page 7", "pp. 14–20" in English.
PDF_REFERENCE = re.compile(r"[PＰ][0-9０-９]+|次ページ|次頁|前頁|\bpp?\. ?\d+|\bpages? \d+")
# The printed policy's design words and layout marks: the English labels of its Japanese pages (「Top message」,
# 「めざすまちの姿／vision」, 「PLAN TO FEEL」), its running head, and the arrow, asterisk and "on" of its page pointers
# in the English.
PDF_LEFTOVER = {
    "ja": re.compile(r"Top message|／\s*(?:vision|philosophy)\b|PLAN TO FEEL|GROWTH TO FEEL"),
    "en": re.compile(r"⇒|(?:^|\n)\s*\* |GROWTH TO FEEL|PLAN TO FEEL|/ (?:vision|philosophy)\b"),
}
SELF_LINK = re.compile(r'<a class="see" href="(?:\./)?"')
MAINTAINERS_ONLY = {"editor_notes"}
# The what-changed page shows old wording as it stood, page references of the printed policy included.
SHOWS_OLD_WORDING = {"changes"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class LanguageOfParts(HTMLParser):
    """Each text node with the language its nearest ancestor's lang gives it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.texts: list[tuple[str, str]] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        self.stack.append((tag, dict(attrs).get("lang")))
        self.skipping += tag in ("script", "style", "code", "svg")

    def handle_endtag(self, tag):
        while self.stack:
            open_tag, _ = self.stack.pop()
            self.skipping -= open_tag in ("script", "style", "code", "svg")
            if open_tag == tag:
                break

    def handle_data(self, data):
        if data.strip() and not self.skipping:
            lang = next((lang for _, lang in reversed(self.stack) if lang), None)
            self.texts.append((lang, data.strip()))


def built_pages(site: Path, policy):
    for spec in page_specs(policy):
        for language in LANGUAGES:
            yield spec, language, (site / url_prefix(language) / spec.url / "index.html").read_text(encoding="utf-8")


def test_every_text_is_in_the_language_its_element_says(built_site, policy):
    """No Japanese in an element whose nearest lang is English, no English phrase in one whose lang is
    Japanese (abbreviations such as DX or EBPM are part of the Japanese, as the policy uses them)."""
    faults = []
    pages = [("404.html", "ja", (built_site / "404.html").read_text(encoding="utf-8"))]
    pages += [
        (f"{url_prefix(language)}{spec.url}", language, text)
        for spec, language, text in built_pages(built_site, policy)
    ]
    for where, _, text in pages:
        reader = LanguageOfParts()
        reader.feed(text)
        for lang, data in reader.texts:
            if lang == "en" and JAPANESE.search(data):
                faults.append(f"/{where}: Japanese in English: {data[:80]!r}")
            if lang == "ja" and ENGLISH_WORDS.search(data):
                faults.append(f"/{where}: English in Japanese: {data[:80]!r}")
    assert not faults, f"{len(faults)} texts in the wrong language, e.g.:\n" + "\n".join(faults[:30])


def test_every_japanese_page_has_a_japanese_title(built_site, policy):
    for spec, language, text in built_pages(built_site, policy):
        title = html.unescape(re.search(r"<title>(.*?)</title>", text, re.S).group(1))
        if language == "ja":
            assert JAPANESE.search(title.split(" - ")[0]), f"/{spec.url}: the title {title!r} is not Japanese"
        else:
            assert not JAPANESE.search(title), f"/en/{spec.url}: the title {title!r} is not English"


def test_staff_pages_carry_no_editors_note_and_no_pdf_page_reference(built_site, policy):
    faults = []
    for spec, language, text in built_pages(built_site, policy):
        if spec.kind in MAINTAINERS_ONLY:
            continue
        article = text[text.find("<article") : text.rfind("</article>")]
        if 'class="editor-note' in article:
            faults.append(f"{language} {spec.path}: an editor's note")
        if spec.kind in SHOWS_OLD_WORDING:
            continue
        shown = html.unescape(re.sub(r"<[^>]+>", "", article))
        faults += [f"{language} {spec.path}: PDF page reference {m.group(0)!r}" for m in PDF_REFERENCE.finditer(shown)]
        leftovers = PDF_LEFTOVER[language].finditer(shown)
        faults += [f"{language} {spec.path}: PDF leftover {m.group(0)!r}" for m in leftovers]
        # a pointer of the printed policy made a link to the page it stands on (not to a place further down it)
        faults += [f"{language} {spec.path}: a pointer to this page itself" for _ in SELF_LINK.finditer(article)]
    assert not faults, "\n".join(faults[:30])


def test_the_maintainers_page_lists_every_editors_note(built_site, policy):
    text = (built_site / "editor-notes" / "index.html").read_text(encoding="utf-8").replace("<wbr>", "")
    for note in policy.editor_notes:
        assert f"policy_data/{note.file}" in text and note.field in text
    assert "editor-notes" not in (built_site / "index.html").read_text(encoding="utf-8"), "not in the staff navigation"


@pytest.fixture(scope="module")
def breaker(policy) -> PhraseBreaker:
    return PhraseBreaker(policy_terms(policy))


def test_japanese_headings_break_only_between_phrases(built_site, policy, breaker):
    """Each heading carries <wbr> exactly at the boundaries of its phrases, so a line breaks nowhere else
    (the stylesheet keeps Japanese from breaking between other characters)."""
    checked = 0
    for spec, language, text in built_pages(built_site, policy):
        if language != "ja":
            continue
        for heading in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", text, re.S):
            heading = re.sub(r'<a class="headerlink".*?</a>', "", heading)
            # each text of the heading (between its elements) is cut into its phrases by <wbr>
            for node in re.split(r"<(?!wbr>)[^>]+>", heading):
                pieces = [html.unescape(piece) for piece in node.split("<wbr>")]
                whole = "".join(pieces)
                if not JAPANESE.search(whole):
                    continue
                assert pieces == list(breaker.phrases(whole)), (
                    f"/{spec.url}: heading text {whole!r} breaks as {pieces} instead of {list(breaker.phrases(whole))}"
                )
                checked += 1
    assert checked > len(policy.ranks)


def test_no_page_repeats_an_id(built_site, policy):
    """What WCAG 2.0's "Parsing" (4.1.1) asks of generated pages: every id of a page is unique (elements are
    written by the build, never by hand)."""
    repeated = []
    for spec, language, text in built_pages(built_site, policy):
        ids = Counter(re.findall(r'\sid="([^"]+)"', text))
        repeated += [f"{language} {spec.path}: {i}" for i in sorted(i for i, times in ids.items() if times > 1)]
    assert not repeated, "\n".join(repeated[:30])


def test_no_character_reference_is_shown_as_text(built_site, policy):
    """A reference such as &para; (the heading links' mark) reaches the reader as its character, never split by
    markup into the letters "&para;"."""
    shown = re.compile(r"&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);")
    faults = []
    for spec, language, text in built_pages(built_site, policy):
        reader = LanguageOfParts()  # each text node's references resolved on their own, as a browser does
        reader.feed(text)
        found = shown.findall("".join(data for _, data in reader.texts))
        faults += [f"/{url_prefix(language)}{spec.url}: {reference}" for reference in sorted(set(found))]
    assert not faults, f"{len(faults)} references shown as text:\n" + "\n".join(faults[:20])


def test_no_japanese_table_cell_breaks_before_a_closing_mark(built_site, policy):
    """In a cell narrower than a phrase the browser breaks anywhere: the build holds 「。」「、」, small kana and the
    like to the character before them (and 「（」 to the one after), so no line of a cell starts with 「。」."""
    faults = []
    for spec, language, text in built_pages(built_site, policy):
        if language != "ja":
            continue
        for cell in re.findall(r"<t([dh])\b[^>]*>(.*?)</t\1>", text, re.S):
            faults += [f"/{spec.url}: {fault}" for fault in kinsoku_breaks(cell[1])]
    assert not faults, f"{len(faults)} places:\n" + "\n".join(faults[:20])


def test_english_comparisons_keep_removed_and_added_words_apart(built_site, policy):
    """Not 「UnderstandsIn」: a space between the words struck through and the words underlined."""
    together = re.compile(r'\S</del><ins class="diff-added"><span class="visually-hidden">[^<]*</span>\S')
    for spec, language, text in built_pages(built_site, policy):
        if language == "en" and spec.kind == "comparison":
            assert not together.search(text), f"/en/{spec.url}: {together.search(text).group(0)}"
