"""Phrase breaks (typography.PhraseBreaker) and marking text in the other language
(typography.mark_other_language), on small pieces of text and HTML."""

from __future__ import annotations

import re

import pytest

from handbook.typography import PhraseBreaker, mark_other_language


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
