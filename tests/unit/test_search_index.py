"""What a page is indexed as for search (handbook/search_index.py, handbook/search_tokens.py): words in every
spelling Sudachi knows, the tools by their name and purpose, and nothing that a page marks as left out of search."""

from __future__ import annotations

import json
import re
from html import escape

import pytest

from handbook import search_tokens
from handbook.pages import kind_of
from handbook.search_index import SearchIndexer, search_document, search_entry
from handbook.search_tokens import fold, index_tokens, japanese_tokens
from handbook.site import page_specs
from handbook.ui import label


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("障がいのある職員", "障害のある職員"),  # kana for a kanji, and the particle after it
        ("取組を進める", "取り組みを進める"),  # okurigana, both ways
        ("取り組みを進める", "取組を進める"),
        ("マネジメント力", "マネージメント力"),  # katakana spelling
        ("子どもの成長", "子供の成長"),
        ("シミュレーションを行う", "シュミレーションを行う"),  # the common misspelling
    ],
)
def test_a_word_is_found_in_any_of_its_spellings(text, query):
    """The query's bigrams are all in the index of a text that spells the word another way (the browser
    only makes bigrams: the other spellings must be in the index)."""
    assert not set(japanese_tokens(query)) <= set(japanese_tokens(text))  # bigrams alone would miss it
    assert set(japanese_tokens(query)) <= set(index_tokens(text))


def test_auxiliary_verbs_and_readings_are_not_respelled():
    """する is not indexed as 為る, nor 子供 as its reading コドモ: nobody types those."""
    tokens = set(index_tokens("子供が参加する"))
    assert not set(japanese_tokens("為る")) <= tokens
    assert not set(japanese_tokens("コドモ")) <= tokens


@pytest.fixture(scope="module")
def specs(policy):
    return {spec.kind: spec for spec in page_specs(policy)}


@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_tool_is_indexed_by_its_name_and_purpose_not_its_body(policy, specs, language):
    spec = specs["self_check"]
    name, about = kind_of(spec).tool
    body = "<article><p>BODYWORD 本文だけの語</p></article>"
    document = search_document(search_entry(policy, spec, language), body)
    heaviest = re.findall(r'<p data-pagefind-weight="10">([^<]*)</p>', document)
    name_words = japanese_tokens(label(name)[language]) if language == "ja" else fold(label(name)[language]).split()
    assert heaviest and set(name_words) <= set(heaviest[0].split())
    assert all(escape(label(key)[language]) in document for key in about)  # shown as the result's excerpt
    assert "BODYWORD" not in document and " ".join(japanese_tokens("本文だけ")) not in document


def test_what_a_page_marks_as_not_for_search_is_left_out(policy, specs):
    """The accessibility statement's test tables are wrapped in data-pagefind-ignore: Pagefind does not
    read the built pages, so the index's reader honours it."""
    html = (
        "<article><h1>Accessibility statement</h1><p>What works with a screen reader</p>"
        "<details data-pagefind-ignore><summary>Results</summary><table><tr><td>test_comparison_picker</td>"
        "</tr></table></details><p data-search-exclude>Last changed</p></article>"
    )
    document = search_document(search_entry(policy, specs["accessibility"], "en"), html)
    assert "screen reader" in document
    assert "test_comparison_picker" not in document and "Results" not in document
    assert "Last changed" not in document


def test_pages_handed_to_the_indexer_are_indexed_and_nothing_is_left_behind(policy, tmp_path):
    """A build hands each finished page to SearchIndexer, whose other process writes the search documents while
    the generator draws the next pages; Pagefind then indexes them."""
    indexer = SearchIndexer(policy)
    documents = indexer.documents
    indexer.add("ranks/chief/", "<html><nav>ナビ</nav><article><h1>主査級</h1><p>索引試験語</p></article></html>")
    indexer.add("editor-notes/", "<article><p>not indexed</p></article>")  # a page search leaves out
    assert indexer.write(tmp_path) == 1
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["ja"]["page_count"] == 1 and "en" not in entry["languages"]
    assert not documents.exists()
    abandoned = SearchIndexer(policy)
    abandoned.abandon()
    assert not abandoned.documents.exists()


def test_sudachi_s_reading_of_each_line_is_kept_for_the_next_indexing(tmp_path, monkeypatch):
    """The lines of a site are read by Sudachi once; the next indexing (another process, another build) reads them
    from the temporary folder, and keeps only the lines it used."""
    monkeypatch.setattr(search_tokens.tempfile, "gettempdir", lambda: str(tmp_path))
    monkeypatch.setattr(search_tokens, "_read_lines", {})
    with search_tokens.lines_kept_between_builds():
        first = search_tokens.other_spellings("障がいのある職員")
        search_tokens.other_spellings("取組を進める")
    assert any("障害" in spelling for spelling in first)
    (kept,) = tmp_path.glob("handbook-spelling-lines-*.json")
    assert set(json.loads(kept.read_text(encoding="utf-8"))) == {"障がいのある職員", "取組を進める"}

    monkeypatch.setattr(search_tokens, "_read_lines", {})

    def unread(line):
        raise AssertionError(f"read again: {line}")

    monkeypatch.setattr(search_tokens, "_spellings_in_line", unread)
    with search_tokens.lines_kept_between_builds():
        assert search_tokens.other_spellings("障がいのある職員") == first
    assert set(json.loads(kept.read_text(encoding="utf-8"))) == {"障がいのある職員"}
