"""Marking text in the other language (typography.mark_other_language) on small pieces of HTML."""

from __future__ import annotations

import pytest

from handbook.typography import mark_other_language


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
