"""The list of Japanese texts and figures that do not stand at their place in the source names each by file, line
and field."""

from __future__ import annotations

import re
import shutil

import pytest

from handbook.data import DATA_DIR, read_documents
from handbook.fidelity import check_places, normalise, source_path, source_text
from handbook.source_map import Source
from handbook_testing import run_python


def test_an_altered_japanese_text_is_listed_with_file_line_and_field(data_copy):
    path = sorted((data_copy / "initiatives").glob("*.yml"))[0]
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: {ja: ", "title: {ja: 試験的な", 1), encoding="utf-8")
    line = next(n for n, row in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if "試験的な" in row)
    result = run_python("scripts/fidelity_report.py", "--data-dir", str(data_copy))
    assert result.returncode == 0, "a report, not a failure"
    assert f"policy_data/initiatives/{path.name} {line}行目 / line {line}, title.ja" in result.stdout
    assert "試験的な" in result.stdout
    checked = run_python("scripts/fidelity_report.py", "--check", "--data-dir", str(data_copy))
    assert checked.returncode == 1


def test_footnote_marks_after_a_word_are_left_out_and_notes_kept(tmp_path):
    """The data writes DX推進 where the source has DX※１推進 (the glossary explains DX); a ※ that starts a
    line begins a note whose wording the data keeps."""
    source = tmp_path / "policy.txt"
    source.write_text("DX※１推進の中核となるデジタルの知見\n※５段階評価の平均値\n", encoding="utf-8")
    text = source_text(source)
    assert "DX推進の中核となるデジタルの知見" in text
    assert "※5段階評価の平均値" in text


@pytest.fixture
def revised(data_copy):
    """A copy of the data with its own copy of the source, as a revision starts: the source replaced, the data
    not yet edited."""
    (data_copy / "source").mkdir()
    shutil.copy(source_path(DATA_DIR), data_copy / "source" / "policy.txt")
    return data_copy


def _in_place(source: Source, key: str, old: str, new: str) -> None:
    """Change the first occurrence of a text inside one place of the source only (its raw lines)."""
    place = source.places[key]
    block = "\n".join(source.lines[place.start : place.end])
    assert old in block, (key, old)
    source.lines[place.start : place.end] = block.replace(old, new, 1).split("\n")


def test_a_sentence_changed_in_one_ranks_table_only_is_listed_at_that_place(revised, policy):
    """The old wording still stands in the other tables: the check asks for each rank's table, not the whole."""
    documents, _ = read_documents(revised)
    source = Source.read(revised / "source" / "policy.txt").locate(documents)
    before = {(f.file, f.field) for f in check_places(documents, source)}  # the data may hold texts not in it yet
    table = policy.tables[0]
    item = table.items[0]
    rank = next(r for r in policy.ranks if r.table is table and r is not policy.ranks[0])
    place = source.places[f"rank {rank.id}"]
    first_line = next(
        line
        for line in source.lines[place.start : place.end]
        if len(normalise(line)) >= 10 and normalise(item.description.ja).startswith(normalise(line))
    )
    _in_place(source, f"rank {rank.id}", first_line, first_line[:5] + "改定" + first_line[5:])
    (revised / "source" / "policy.txt").write_text("\n".join(source.lines) + "\n", encoding="utf-8")

    findings = check_places(documents, Source.read(revised / "source" / "policy.txt").locate(documents))
    findings = [f for f in findings if (f.file, f.field) not in before]
    document = documents["competencies.yml"]
    [found] = [f for f in findings if f.text == item.description.ja]
    group, index = next((g, i) for g, grp in enumerate(table.groups) for i, it in enumerate(grp.items) if it is item)
    path = ("tables", policy.tables.index(table), "groups", group, "items", index, "description", "ja")
    assert (found.file, found.line) == ("policy_data/competencies.yml", document.line(path))
    assert rank.name.ja in found.place.ja and found.elsewhere is not None
    assert len(findings) == 1, [f.text for f in findings]


def test_a_figure_not_in_the_source_is_listed(revised):
    path = revised / "indicators.yml"
    text = path.read_text(encoding="utf-8")
    edited, count = re.subn(r"target: \{value: ([0-9.]+)", "target: {value: 123.4", text, count=1)
    assert count
    path.write_text(edited, encoding="utf-8")
    result = run_python("scripts/fidelity_report.py", "--data-dir", str(revised))
    line = next(n for n, row in enumerate(edited.splitlines(), 1) if "123.4" in row)
    assert f"policy_data/indicators.yml {line}行目 / line {line}, outcome_targets[0].target.value" in result.stdout
    assert "この数値は原典の07" in result.stdout
