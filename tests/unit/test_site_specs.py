"""Which pages exist, their addresses and the navigation (handbook.site) on the tiny policy."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from tiny_policy import build_tiny_policy

from handbook.compare import comparison_pairs, item_histories
from handbook.model import LANGUAGES, Text
from handbook.site import PageSpec, mkdocs_nav, navigation, page_specs, url_prefix

JAPANESE = re.compile(r"[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]")


@pytest.fixture(scope="module")
def tiny():
    return build_tiny_policy()


@pytest.mark.parametrize(
    ("path", "url"),
    [
        ("index.md", ""),
        ("ranks/index.md", "ranks/"),
        ("compare/index.md", "compare/"),
        ("ranks/director.md", "ranks/director/"),
        ("glossary.md", "glossary/"),
        ("role-flow.md", "role-flow/"),
        ("compare/officer--director.md", "compare/officer--director/"),
        ("items/index-card.md", "items/index-card/"),  # a page whose name starts with "index" is not an index
    ],
)
def test_page_spec_url(path, url):
    assert PageSpec(path, "any", Text("", "")).url == url


def test_url_prefix():
    assert url_prefix("ja") == ""
    assert url_prefix("en") == "en/"
    with pytest.raises(KeyError, match="fr"):
        url_prefix("fr")
    with pytest.raises(KeyError):
        url_prefix("")


def test_page_specs_one_page_per_entity(tiny):
    specs = page_specs(tiny)
    paths = [spec.path for spec in specs]
    assert not [path for path, count in Counter(paths).items() if count > 1]
    assert len({spec.url for spec in specs}) == len(specs)
    by_kind = Counter(spec.kind for spec in specs)
    assert by_kind["rank"] == by_kind["self_check"] == len(tiny.ranks)
    assert by_kind["orientation"] == len(tiny.orientations)
    assert by_kind["comparison"] == len(tiny.ranks) * (len(tiny.ranks) - 1) // 2
    assert by_kind["item"] == len({item.id for table in tiny.tables for item in table.items})
    assert by_kind["talent"] == len(tiny.talents) and by_kind["initiative"] == len(tiny.initiatives)
    assert [spec.entity for spec in specs if spec.kind == "rank"] == tiny.ranks, "each carries its entity"
    assert paths[0] == "index.md"


def test_comparisons_and_item_histories_are_out_of_the_navigation(tiny):
    out = {spec.path for spec in page_specs(tiny) if not spec.in_nav}
    reached_by_links = {f"compare/{lower.id}--{upper.id}.md" for lower, upper in comparison_pairs(tiny)}
    reached_by_links |= {history.page for history in item_histories(tiny)}
    assert reached_by_links <= out
    entity_pages = [rank.page for rank in tiny.ranks] + [rank.self_check_page for rank in tiny.ranks]
    entity_pages += [o.page for o in tiny.orientations] + [t.page for t in tiny.talents]
    entity_pages += [i.page for i in tiny.initiatives] + ["index.md", "explorer.md", "compare/index.md"]
    assert not out & set(entity_pages)


def _specs(pages) -> list[PageSpec]:
    return pages if isinstance(pages, list) else [pages]


def _nav_pages(nav: list) -> list[tuple[str, str]]:
    """(title, path) of every page in a MkDocs nav, sections flattened."""
    found = []
    for entry in nav:
        [(title, value)] = entry.items()
        if isinstance(value, list):
            found += _nav_pages(value)
        else:
            found.append((title, value))
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_mkdocs_nav_lists_every_page_in_nav_once_titled_in_its_language(tiny, language):
    nav = mkdocs_nav(tiny, language)
    shown = [title for title, pages in navigation(tiny) if any(s.in_nav for s in _specs(pages))]
    assert [next(iter(entry)) for entry in nav] == [title[language] for title in shown]
    listed = _nav_pages(nav)
    in_nav = [spec for spec in page_specs(tiny) if spec.in_nav]
    top_level = {pages.path for _, pages in navigation(tiny) if isinstance(pages, PageSpec)}
    # pages of a section are titled with their own title; single pages with their navigation entry
    assert [path for _, path in listed] == [spec.path for spec in in_nav]
    for (title, path), spec in zip(listed, in_nav, strict=True):
        if path not in top_level:
            assert title == spec.title[language], path
    titles = [title for title, _ in listed] + [next(iter(entry)) for entry in nav]
    if language == "en":
        assert not [title for title in titles if JAPANESE.search(title)]
    else:
        assert all(JAPANESE.search(title) for title in titles)


def test_the_two_languages_have_the_same_navigation_shape(tiny):
    ja, en = (_nav_pages(mkdocs_nav(tiny, language)) for language in LANGUAGES)
    assert [path for _, path in ja] == [path for _, path in en]
    assert all(a != b for (a, _), (b, _) in zip(ja, en, strict=True))
