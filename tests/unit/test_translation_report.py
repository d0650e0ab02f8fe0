"""The translation report lists exactly the texts whose English needs a review, with file, line and field.

Each case works on a copy of policy_data with every text recorded as reviewed, changes it the way an editor
would, and checks what the report lists. Expected lines are found in the edited text itself.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from handbook.data import DATA_DIR
from handbook.translations import findings, fingerprint, mark_reviewed, read_lock, read_texts
from handbook_testing import run_python


def listed(data_dir: Path):
    texts, unreadable = read_texts(data_dir)
    assert not unreadable
    return findings(texts, read_lock(data_dir))


def _line_of(text: str, needle: str) -> int:
    matches = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(matches) == 1, f"{needle!r} found on lines {matches}"
    return matches[0]


def test_the_lock_is_well_formed():
    """The lock is only a record: a stale lock is reported, never a test failure (the report is not a gate)."""
    lock = read_lock(DATA_DIR)
    assert lock, "policy_data/translations.lock.yml is missing or empty"
    files = {text.file for text in read_texts(DATA_DIR)[0]}
    for key, entry in lock.items():
        name, _, field = key.partition(":")
        assert name in files and field, key
        assert set(entry) == {"ja", "en"} and all(re.fullmatch(r"[0-9a-f]{12}", v) for v in entry.values()), key


@pytest.fixture(scope="module")
def reviewed_data(tmp_path_factory) -> Path:
    """The data with every text recorded as reviewed: the real lock may be behind the data (the report is
    not a gate), and each test needs a clean start."""
    data = tmp_path_factory.mktemp("reviewed") / "policy_data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("source"))
    mark_reviewed(data)
    assert listed(data) == []
    return data


@pytest.fixture
def reviewed_copy(reviewed_data, tmp_path) -> Path:
    """A copy of reviewed_data that a test may edit."""
    return shutil.copytree(reviewed_data, tmp_path / "policy_data")


def test_changed_japanese_is_listed_with_file_line_and_field(reviewed_copy):
    path = reviewed_copy / "competencies.yml"
    original = path.read_text(encoding="utf-8")
    old = "ja: 市民のニーズを把握し、市民目線に立って公平・公正に業務に取り組むことができている。"
    new = "ja: 市民のニーズを的確に把握し、市民目線に立って公平・公正に業務に取り組むことができている。"
    assert original.count(old) >= 1
    edited = original.replace(old, new, 1)
    path.write_text(edited, encoding="utf-8")

    result = listed(reviewed_copy)
    assert len(result) == 1, [f.text.key for f in result]
    finding = result[0]
    assert finding.status == "changed"
    assert finding.text.file == "competencies.yml"
    assert finding.text.field == "tables[0].groups[0].items[1].description"
    assert finding.text.line == _line_of(edited, "市民のニーズを的確に把握し")
    assert finding.text.ja == new.removeprefix("ja: ")
    assert finding.text.en.startswith("Understands citizens' needs")
    assert not finding.english_edited


def test_changed_japanese_with_edited_english_says_so(reviewed_copy):
    path = reviewed_copy / "initiatives" / "035.yml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("{ja: 卓球大会, en: Table tennis tournament}", "{ja: 卓球大会等, en: Table tennis tournaments}")
    path.write_text(text, encoding="utf-8")
    result = listed(reviewed_copy)
    assert [(f.text.file, f.text.field, f.status, f.english_edited) for f in result] == [
        ("initiatives/035.yml", "blocks[1].items[1]", "changed", True)
    ]


@pytest.mark.parametrize(
    "anchor,added,field",
    [
        # Inserting an item shifts the position of the items after it; only the inserted one is listed.
        ("職員知恵袋グループ", "before", "blocks[0].items[0]"),
        ("バドミントン大会", "after", "blocks[1].items[3]"),
    ],
    ids=["inserted-before-others", "added-at-the-end"],
)
def test_a_new_text_is_listed_as_new_and_moved_texts_are_not(reviewed_copy, anchor, added, field):
    path = reviewed_copy / "initiatives" / "035.yml"
    original = path.read_text(encoding="utf-8")
    # the whole line of the anchoring item, found by its Japanese (its English may be reworded at any time)
    anchor = next(line for line in original.splitlines(keepends=True) if line.startswith(f"      - {{ja: {anchor},"))
    new = "      - {ja: 新しい取組の例, en: An example of a new activity}\n"
    edited = original.replace(anchor, new + anchor if added == "before" else anchor + new, 1)
    assert edited != original
    path.write_text(edited, encoding="utf-8")
    result = listed(reviewed_copy)
    assert [(f.status, f.text.file, f.text.field, f.text.line) for f in result] == [
        ("new", "initiatives/035.yml", field, _line_of(edited, "新しい取組の例"))
    ]
    assert result[0].text.en == "An example of a new activity"


def test_missing_english_is_listed(reviewed_copy):
    path = reviewed_copy / "initiatives" / "035.yml"
    edited = path.read_text(encoding="utf-8").replace("{ja: 卓球大会, en: Table tennis tournament}", "{ja: 卓球大会}")
    path.write_text(edited, encoding="utf-8")
    result = listed(reviewed_copy)
    assert [(f.status, f.text.field, f.text.line) for f in result] == [
        ("missing", "blocks[1].items[1]", _line_of(edited, "{ja: 卓球大会}"))
    ]


def test_mark_reviewed_clears_the_report(reviewed_copy):
    path = reviewed_copy / "meta.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("ja: 熊本市職員成長・育成方針", "ja: 熊本市職員成長・育成方針（改）", 1), encoding="utf-8"
    )
    assert len(listed(reviewed_copy)) == 1
    count = mark_reviewed(reviewed_copy, files={"initiatives/001.yml"})  # another file: still listed
    assert len(listed(reviewed_copy)) == 1
    assert mark_reviewed(reviewed_copy) == count
    assert listed(reviewed_copy) == []
    lock = read_lock(reviewed_copy)
    assert lock["meta.yml:title"]["ja"] == fingerprint("熊本市職員成長・育成方針（改）")


def test_the_command_reports_and_checks(reviewed_copy):
    script = ["scripts/translation_report.py", "--data-dir", str(reviewed_copy)]
    clean = run_python(*script, "--check")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "every English text has been reviewed" in clean.stdout

    path = reviewed_copy / "competencies.yml"
    edited = path.read_text(encoding="utf-8").replace("ja: コンプライアンス遵守", "ja: 法令遵守", 1)
    path.write_text(edited, encoding="utf-8")
    report = run_python(*script)
    assert report.returncode == 0, "a plain report never fails"
    line = _line_of(edited, "ja: 法令遵守")
    assert "policy_data/competencies.yml" in report.stdout
    assert f"line {line}, field 'tables[0].groups[0].items[0].name'" in report.stdout
    assert "English may be out of date" in report.stdout
    assert "ja: 法令遵守" in report.stdout and "en: Compliance" in report.stdout
    assert run_python(*script, "--check").returncode == 1

    update = run_python(*script, "--update")
    assert update.returncode == 0, update.stderr
    assert run_python(*script, "--check").returncode == 0
    assert "Traceback" not in report.stderr + update.stderr
