"""Phrase breaks (typography.PhraseBreaker) and marking text in the other language
(typography.mark_other_language), on small pieces of text and HTML."""

from __future__ import annotations

import html
import re

import pytest

from handbook.typography import PhraseBreaker, mark_other_language, policy_terms
from handbook_testing import kinsoku_breaks


@pytest.mark.parametrize(
    "text", ["2026年11月25日：初版", "平成28年に導入した制度", "021 めざす職員像との連動", "（Ｒ１０）の数値"]
)
def test_no_line_breaks_inside_a_number(text):
    phrases = PhraseBreaker([]).phrases(text)
    assert "".join(phrases) == text
    numbers = re.findall(r"[0-9Ｒ０-９]{2,}", text)
    assert numbers and all(any(number in phrase for phrase in phrases) for number in numbers), phrases


@pytest.mark.parametrize("reference", ["&para;", "&nbsp;", "&quot;", "&#8594;"])
def test_character_references_stay_whole(reference):
    html = f'<p>見出し<a class="headerlink" href="#x">{reference}</a> {reference}Smith</p>'
    marked = mark_other_language(html, "ja")
    assert marked.count(reference) == 2, marked
    assert '<span lang="en">Smith</span>' in marked


def test_english_words_on_a_japanese_page_are_marked_and_japanese_on_an_english_one():
    assert mark_other_language("<p>ビジョン（vision）</p>", "ja") == '<p>ビジョン（<span lang="en">vision</span>）</p>'
    assert mark_other_language("<p>The word 改革 means reform</p>", "en") == (
        '<p>The word <span lang="ja">改革</span> means reform</p>'
    )
    assert mark_other_language("<p>DXの推進</p>", "ja") == "<p>DXの推進</p>", "abbreviations belong to the Japanese"


def test_text_marked_one_line_keeps_no_phrase_breaks():
    """The header's titles stay on one line: Chromium would break at a <wbr> even under white-space: nowrap."""
    breaker = PhraseBreaker([])
    html = "<div data-one-line><div><span>職位の比較</span></div>職位の比較</div><p>職位の比較</p>"
    assert breaker.break_html(html) == (
        "<div data-one-line><div><span>職位の比較</span></div>職位の比較</div><p>職位の<wbr>比較</p>"
    )


def test_in_a_table_cell_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(policy):
    """A cell narrower than a phrase breaks anywhere (overflow-wrap: anywhere), 禁則 ignored: 「。」 stood alone at the
    start of a line in a phone's comparison. Every character no line may start with is held to the one before it,
    every one no line may end with to the one after it, in the real policy's descriptions."""
    breaker = PhraseBreaker(policy_terms(policy))
    texts = {item.description.ja for table in policy.tables for item in table.items}
    texts |= {"（自己評価 10 項目）", "業務職・運輸職の職名", "「ワーク・ライフ・バランス」の推進。"}
    for text in sorted(texts):
        cell = breaker.break_html(f"<td>{html.escape(text)}</td>")
        assert not kinsoku_breaks(cell), (text, cell)
        assert re.sub(r"<[^>]+>", "", cell) == html.escape(text, quote=False)


def test_in_a_table_cell_a_katakana_word_is_held_whole():
    """Not 「自己チェックシ/ート」 or 「コンプライア/ンス遵守」."""
    cell = PhraseBreaker([]).break_html("<th>自己チェックシート</th><td>コンプライアンス遵守</td>")
    assert '<span class="keep">チェックシート</span>' in cell and '<span class="keep">コンプライアンス</span>' in cell


def test_in_a_table_cell_a_mark_after_an_element_is_held_to_it():
    """「<a>チームワーク</a>、」: the 「、」 is text of the cell, not of the link; both are held on one line."""
    cell = '<td><a href="#a">チームワーク</a>、<a href="#b">主体性</a>／結果（<abbr>x</abbr>）</td>'
    cell = PhraseBreaker([]).break_html(cell)
    assert not kinsoku_breaks(cell), cell
    assert cell.startswith('<td><span class="keep"><a href="#a">')


def test_outside_table_cells_nothing_is_held():
    """Paragraphs and headings are wide enough for their phrases: they keep only the phrase breaks."""
    text = PhraseBreaker([]).break_html("<p>自己チェックシートを印刷できている。</p><h2><a>リンク</a>、見出し</h2>")
    assert "keep" not in text


def test_in_a_table_cell_code_is_not_held():
    """A test's name in the accessibility statement is one long word: held on one line, it ran off a phone."""
    cell = PhraseBreaker([]).break_html("<td><code>test_every_page_is_valid_html</code>：合格</td>")
    assert '<span class="keep"><code>' not in cell
