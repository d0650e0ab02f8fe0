"""Items paired across ranks, wording differences and item histories (handbook.compare) on the tiny policy."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from tiny_policy import LOWER_TABLE, UPPER_TABLE, build_tiny_policy

from handbook.compare import (
    comparison_key,
    comparison_page,
    comparison_pairs,
    item_histories,
    pair_items,
    wording_diff,
)


@pytest.fixture(scope="module")
def tiny():
    return build_tiny_policy()


def _old_and_new(runs: list[tuple[str, str]]) -> tuple[str, str]:
    """The old text is the same and removed runs, the new one the same and added runs, each in order."""
    old = "".join(text for kind, text in runs if kind in ("same", "removed"))
    new = "".join(text for kind, text in runs if kind in ("same", "added"))
    return old, new


WORDINGS = [
    (
        "en",
        "Listens to residents and explains the work of the unit.",
        "Listens to residents and explains the aims of the whole bureau.",
    ),
    ("en", "", "A new item."),
    ("en", "An old item.", ""),
    ("en", "Same words.", "Same words."),
    ("en", "<script>alert(1)</script> {{ 7*7 }} Tries new ways.", "Tries new measures, boldly."),
    ("en", "Two  spaces\nand a line.", "Two spaces and a line!"),
    ("en", "the rules of service discipline", "the discipline of attitude"),
    ("en", "Understands laws.", "In performing duties."),
    ("ja", "市民の声を聴き、担当業務を「丁寧に」説明する。", "市民の声を聴き、局全体の方針を「丁寧に」説明する。"),
    ("ja", "研修で学び、仕事に生かす。", "部下の学びを支え、自らも学び続ける。"),
    ("ja", "", "新しい項目。"),
]


@pytest.mark.parametrize(("language", "old", "new"), WORDINGS)
def test_wording_diff_runs_reproduce_both_texts(language, old, new):
    runs = wording_diff(old, new, language)
    assert _old_and_new(runs) == (old, new)
    assert {kind for kind, _ in runs} <= {"same", "added", "removed"}
    assert all(text for _, text in runs), "no empty runs"


def test_identical_texts_are_one_same_run_and_a_new_text_one_added_run():
    assert wording_diff("Same words.", "Same words.", "en") == [("same", "Same words.")]
    assert wording_diff("", "新しい項目。", "ja") == [("added", "新しい項目。")]
    assert wording_diff("Gone.", "", "en") == [("removed", "Gone.")]


def test_english_is_compared_word_by_word_and_japanese_phrase_by_phrase():
    # whole words change in English: "work" and "unit", never a few letters of them
    runs = wording_diff("explains the work of the unit", "explains the works of the bureau", "en")
    changed = [(kind, text.strip()) for kind, text in runs if kind != "same"]
    assert changed == [("removed", "work"), ("added", "works"), ("removed", "unit"), ("added", "bureau")]
    # Japanese by phrase (BudouX): a changed phrase is marked whole, so a marked sentence still reads as Japanese
    runs = wording_diff("担当業務を説明する。", "局全体の業務を説明する。", "ja")
    assert ("same", "説明する。") in runs
    assert [text for kind, text in runs if kind == "removed"] == ["担当業務を"]
    assert [text for kind, text in runs if kind == "added"] == ["局全体の業務を"]


def test_english_removed_and_added_words_keep_the_space_between_them():
    """Each side of a change takes the text's space after it, so removed and added words never read as one word
    ("rulesdiscipline"); where the text has no space around them the template puts one (tests/unit/test_render.py)."""
    runs = wording_diff("the rules of service discipline", "the discipline of attitude", "en")
    assert runs == [("same", "the"), ("removed", " rules of service discipline"), ("added", " discipline of attitude")]
    runs = wording_diff("explains the work of the unit now", "explains the aims of the bureau now", "en")
    assert ("removed", "work ") in runs and ("added", "aims ") in runs
    assert ("removed", "unit ") in runs and ("added", "bureau ") in runs


def test_english_changes_are_marked_by_clause_not_word_by_word():
    """A short word two changes share ("the", "and") is taken into them: one change, not four."""
    old = "Understands laws and regulations and always observes them in both public and private life."
    new = "In performing their duties, observes the norms and sets an example in both public and private life."
    runs = wording_diff(old, new, "en")
    assert [kind for kind, _ in runs] == ["removed", "added", "same"], runs
    assert runs[-1] == ("same", "in both public and private life.")
    assert runs[0][1].startswith("Understands") and runs[1][1].startswith("In performing")


def test_japanese_changes_stay_phrase_by_phrase():
    runs = wording_diff("研修で学び、仕事に生かす。", "研修で学び、部下に生かす。", "ja")
    assert runs == [("same", "研修で学び、"), ("removed", "仕事に"), ("added", "部下に"), ("same", "生かす。")]


def test_removed_text_stands_where_it_stood():
    runs = wording_diff("keep this and that", "keep that", "en")
    assert runs[0] == ("same", "keep ")
    assert runs[1][0] == "removed" and "this" in runs[1][1]


def _ids(table: dict, group: tuple[str, str]) -> list[str]:
    return [item_id for item_id, _, _ in table[group][2]]


def test_pair_items_matches_by_id_and_keeps_leftovers(tiny):
    officer, director = tiny.rank("officer"), tiny.rank("director")
    pairs = pair_items(officer, director)
    for group in UPPER_TABLE:
        lower_ids, upper_ids = _ids(LOWER_TABLE, group), _ids(UPPER_TABLE, group)
        rows = [pair for pair in pairs if (pair.orientation, pair.kind) == group]
        shared = [item_id for item_id in lower_ids if item_id in upper_ids]
        expected = (
            [(item_id, item_id) for item_id in shared]
            + [(item_id, None) for item_id in lower_ids if item_id not in upper_ids]
            + [(None, item_id) for item_id in upper_ids if item_id not in lower_ids]
        )
        assert [(a and a.id, b and b.id) for a, b in (pair.items for pair in rows)] == expected, group
        for pair in rows:
            assert [(name.ja, name.en) for name in pair.group_names] == [LOWER_TABLE[group][:2], UPPER_TABLE[group][:2]]
    # every item of each side appears exactly once
    assert sorted(a.id for a, _ in (p.items for p in pairs) if a) == sorted(i.id for i in officer.table.items)
    assert sorted(b.id for _, b in (p.items for p in pairs) if b) == sorted(i.id for i in director.table.items)


def test_pair_items_pairs_items_listed_in_another_order(tiny):
    """The team ability group lists coordination and delegation in opposite orders in the two tables."""
    assert _ids(LOWER_TABLE, ("team", "ability")) == list(reversed(_ids(UPPER_TABLE, ("team", "ability"))))
    pairs = [
        p
        for p in pair_items(tiny.rank("officer"), tiny.rank("director"))
        if (p.orientation, p.kind) == ("team", "ability")
    ]
    assert [(a.id, b.id) for a, b in (p.items for p in pairs)] == [
        ("coordination", "coordination"),
        ("delegation", "delegation"),
    ]


def test_same_wording_only_when_both_descriptions_are_equal(tiny):
    for lower, upper in comparison_pairs(tiny):
        for pair in pair_items(lower, upper):
            a, b = pair.items
            assert pair.same_wording == bool(a and b and a.description == b.description)
    explaining = [
        p
        for p in pair_items(tiny.rank("officer"), tiny.rank("director"))
        if p.items[0] and p.items[0].id == "explaining"
    ]
    listening = [
        p
        for p in pair_items(tiny.rank("officer"), tiny.rank("director"))
        if p.items[0] and p.items[0].id == "listening"
    ]
    assert explaining[0].same_wording and not listening[0].same_wording
    # ranks sharing a table: every pair has the same wording
    assert all(p.same_wording for p in pair_items(tiny.rank("manager"), tiny.rank("director")))


def test_group_names_are_those_of_each_side(tiny):
    pairs = pair_items(tiny.rank("officer"), tiny.rank("director"))
    learning = next(p for p in pairs if p.items[0] and p.items[0].id == "learning")
    assert [name.en for name in learning.group_names] == ["Learning", "Lifelong learning"]


def test_item_histories_share_a_step_between_ranks_sharing_a_table(tiny):
    histories = {history.id: history for history in item_histories(tiny)}
    all_ids = {item.id for table in tiny.tables for item in table.items}
    assert set(histories) == all_ids
    director, manager, officer = tiny.rank("director"), tiny.rank("manager"), tiny.rank("officer")
    listening = histories["listening"]
    assert [[rank.id for rank in ranks] for ranks, _ in listening.steps] == [["director", "manager"], ["officer"]]
    assert [item for _, item in listening.steps] == [
        next(i for i in director.table.items if i.id == "listening"),
        next(i for i in officer.table.items if i.id == "listening"),
    ]
    assert manager.table is director.table
    # an item of one table only has one step, with the ranks of that table
    assert [[rank.id for rank in ranks] for ranks, _ in histories["vision"].steps] == [["director", "manager"]]
    assert [[rank.id for rank in ranks] for ranks, _ in histories["improvement"].steps] == [["officer"]]
    for history in histories.values():
        assert history.page == f"items/{history.id}.md"
        assert history.name == history.steps[0][1].name


@pytest.mark.parametrize("n", range(0, 7))
def test_comparison_pairs_are_every_pair_once_lower_first(n):
    ranks = [SimpleNamespace(id=f"r{position}", position=position) for position in range(n)]
    pairs = comparison_pairs(SimpleNamespace(ranks=ranks))
    assert len(pairs) == n * (n - 1) // 2
    assert len({frozenset((lower.id, upper.id)) for lower, upper in pairs}) == len(pairs)
    assert all(upper.position < lower.position for lower, upper in pairs)


def test_comparison_pairs_of_the_tiny_policy(tiny):
    pairs = comparison_pairs(tiny)
    assert len(pairs) == len(tiny.ranks) * (len(tiny.ranks) - 1) // 2 == 3
    assert [comparison_key(lower, upper) for lower, upper in pairs] == [
        "manager--director",
        "officer--director",
        "officer--manager",
    ]
    assert comparison_page(tiny.rank("officer"), tiny.rank("director")) == "compare/officer--director.md"
