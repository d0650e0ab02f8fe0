"""The growth record's side of the self-check sheet (handbook/growth.py and the sheet's template), on the tiny
policy and the real data: what the page tells its script, and what the next rank asks of each item."""

from __future__ import annotations

import dataclasses
import html
import json
import re

import pytest
from tiny_policy import build_tiny_policy

from handbook import growth
from handbook.model import LANGUAGES, Text
from handbook.render import PageRenderer
from handbook.ui import label, separators


@pytest.fixture(scope="module")
def tiny():
    return build_tiny_policy()


@pytest.fixture(scope="module")
def sheets(tiny) -> dict[tuple[str, str], str]:
    return {
        (language, rank.id): PageRenderer(tiny, language).render(rank.self_check_page)
        for language in LANGUAGES
        for rank in tiny.ranks
    }


def attributes(text: str, tag: str, marker: str) -> dict[str, str]:
    """The attributes of the first <tag … marker …> (values unescaped)."""
    found = re.search(rf"<{tag}\b[^>]*\s{re.escape(marker)}(?=[\s>])[^>]*>", text)
    assert found, f"no <{tag} {marker}>"
    return {name: html.unescape(value) for name, value in re.findall(r'([\w-]+)="([^"]*)"', found.group(0))}


def test_the_target_is_the_nearest_rank_above_with_other_wording(tiny, policy):
    director, manager, officer = (tiny.rank(r) for r in ("director", "manager", "officer"))
    assert growth.growth_target(officer) is manager
    assert growth.growth_target(manager) is None  # the director shares its table
    assert growth.growth_target(director) is None  # the top
    real = {rank.id: growth.growth_target(rank) for rank in policy.ranks}
    assert real["staff"].id == "senior-staff" and real["senior-staff"].id == "chief"
    assert real["chief"].id == "section-manager"  # the deputy manager shares the chief's table
    assert real["section-manager"] is None and real["bureau-director"] is None


def test_next_steps_pair_every_item_and_place_the_new_ones(policy):
    for rank in policy.ranks:
        target = growth.growth_target(rank)
        if target is None:
            continue
        steps = growth.next_steps(rank, target)
        assert sorted(steps) == sorted(item.id for item in rank.table.items)
        target_ids = {item.id for item in target.table.items}
        for step in steps.values():
            assert (step.next_item is not None) == (step.item.id in target_ids)
        shown = {new.id for step in steps.values() for new in step.new_in_group}
        assert shown == target_ids - {item.id for item in rank.table.items}, rank.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sheet_tells_the_script_its_record(tiny, sheets, language):
    for rank in tiny.ranks:
        text = sheets[language, rank.id]
        data = attributes(text, "section", "data-growth")
        assert data["data-schema"] == growth.RECORD_SCHEMA and data["data-version"] == str(growth.RECORD_VERSION)
        assert data["data-revision"] == growth.record_revision(tiny)  # one revision id for both languages
        assert data["data-revision-text"] == tiny.meta.revision[language]
        assert data["data-rank"] == rank.id
        assert data["data-items"].split() == [item.id for item in rank.table.items]
        assert data["data-vision"].split() == list(growth.VISION_QUESTIONS)
        assert set(json.loads(data["data-ranks"])) == {r.id for r in tiny.ranks}
        assert re.search(r"<section class=\"[^\"]*\bjs-only\b[^\"]*\"[^>]*data-growth ", text), (
            "the tools show only with the script"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_has_its_inputs_and_names(tiny, sheets, language):
    """The test contract: radios with data-item and value 1–5, a note per item, the vision's answers; each
    named by its item; the file buttons and the message regions; one row of column headers."""
    for rank in tiny.ranks:
        text = sheets[language, rank.id]
        for item in rank.table.items:
            # each radio is named by its label's text: its number and meaning (shown), then the item (hidden)
            radios = re.findall(
                rf'<label class="rate-choice"><input type="radio" name="rate-{item.id}" value="(\d)" '
                rf'data-item="{item.id}">(.*?)</label>',
                text,
            )
            assert [value for value, _ in radios] == ["1", "2", "3", "4", "5"]
            for value, name in radios:
                name = html.unescape(re.sub(r"<[^>]+>", "", name))
                meaning, sep = label(f"scale_{value}")[language], separators(language)
                assert name == f"{value} {meaning}{sep['paren_open']}{item.name[language]}{sep['paren_close']}"
            note = attributes(text, "textarea", f'data-item-note="{item.id}"')
            assert note["aria-label"].startswith(item.name[language])
        assert len(re.findall(r"<textarea [^>]*data-vision=", text)) == len(growth.VISION_QUESTIONS)
        for question in growth.VISION_QUESTIONS:
            assert f'<label for="growth-vision-{question}">' in text
        for marker in ("data-growth-export", "data-growth-export-csv", "data-growth-clear", "data-growth-summary"):
            assert re.search(rf"\b{marker}\b", text), marker
        assert re.search(r'<input type="file"[^>]*data-growth-import', text)
        undo = re.search(r"<button [^>]*\bdata-growth-undo\b[^>]*>", text)
        assert undo and re.search(r"\shidden[\s>]", undo.group(0)), "no undo until an import"
        assert 'role="status"' in text and 'role="alert"' in text
        # one row of column headers, each rating column named by its own (a header spanning the five made the
        # table one whose cells' headers a checker cannot tell)
        assert text.count('<th scope="col" class="rate-number"') == 5 and 'scope="colgroup"' not in text
        wrap = attributes(text, "div", 'class="self-check-wrap"')
        assert wrap["tabindex"] == "0" and wrap["role"] == "region" and rank.name[language] in wrap["aria-label"]
        assert not re.search(r"\son[a-z]+=", text), "no inline event handlers"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_next_rank_is_shown_per_item_with_its_differences(tiny, sheets, language):
    officer, manager = tiny.rank("officer"), tiny.rank("manager")
    text = sheets[language, "officer"]
    steps = growth.next_steps(officer, manager)
    assert text.count('<details class="growth-next') == len(officer.table.items)
    changed = [s for s in steps.values() if s.next_item and not s.same_wording]
    assert changed and text.count('class="growth-next-wording"') == len(changed)
    assert text.count(growth.fill(label("growth_next_same")[language], rank=manager.name[language])) == sum(
        1 for s in steps.values() if s.same_wording
    )
    assert "diff-added" in text or "diff-removed" in text
    # ranks with nothing above to grow toward say why, and have no per-item comparison
    for rank_id, key in (("director", "growth_next_top"), ("manager", "growth_next_same_table")):
        sheet = sheets[language, rank_id]
        assert "<details" not in sheet
        assert label(key)[language].split("{")[0] in sheet


def test_the_revision_id_is_the_same_in_both_languages_and_in_neither_script(tiny):
    written = dataclasses.replace(
        tiny, meta=dataclasses.replace(tiny.meta, revision=Text("令和8年（2026年）4月改定", "April 2026"))
    )
    assert growth.record_revision(written) == "2026-04"
    digest = growth.record_revision(tiny)  # 令和6年9月改定 names no western year
    assert re.fullmatch(r"r-[0-9a-f]{10}", digest) and digest == growth.record_revision(tiny)


def test_no_csv_starts_with_id_which_excel_takes_for_a_sylk_file():
    assert not [language for language in LANGUAGES if label("growth_csv_id")[language].startswith("ID")]


def test_fill_replaces_placeholders_only():
    assert growth.fill("{rank}の着眼点{other}", rank="課長級") == "課長級の着眼点{other}"
