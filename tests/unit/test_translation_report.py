"""The translation report lists exactly the texts whose English needs a review, with file, line and field.

Each case works on a copy of policy_data with every text recorded as reviewed and one initiative of the tests'
own (FIXTURE: the data's own wording may change at any time), changes it the way an editor would, and checks
what the report lists. Expected lines are found in the edited text itself.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from handbook.load import DATA_DIR
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


# An initiative written by these tests, numbered after the data's last one: its texts are what the cases edit.
FIXTURE = """\
number: "{number}"
title: {{ja: 試験用の取組, en: An initiative of the tests}}
theme: {theme}
text:
  - {{ja: 試験用の取組の説明, en: What the initiative of the tests does}}
blocks:
  - heading: {{ja: 知識の共有, en: Sharing knowledge}}
    items:
      - {{ja: 知恵袋グループ, en: Know-how group}}
      - {{ja: 自主学習グループ, en: Self-study groups}}
  - heading: {{ja: 大会, en: Tournaments}}
    items:
      - {{ja: バレーボール大会, en: Volleyball tournament}}
      - {{ja: 卓球大会, en: Table tennis tournament}}
      - {{ja: バドミントン大会, en: Badminton tournament}}
"""


def test_the_lock_records_the_english_as_it_stands():
    """The committed lock is current: an English edit was recorded as reviewed with it. Otherwise the next
    `--update` of anyone rewrites lines that are not theirs, and a later Japanese change is said to have had its
    English edited too. (Japanese changed and not yet reviewed is allowed: the report is not a gate.)"""
    edited = [f for f in listed(DATA_DIR) if f.status == "edited"]
    files = " ".join(sorted({f"policy_data/{f.text.file}" for f in edited}))
    assert not edited, (
        f"英語を直した {len(edited)} 件の文が、確認済みとして記録されていません。英語を確かめてから次を実行し、"
        f"変わった translations.lock.yml もコミットしてください / {len(edited)} English edits are not recorded "
        f"as reviewed; check them, then run and commit:\n  .venv/bin/python scripts/translation_report.py --update "
        f"{files}\n" + "\n".join(f"  policy_data/{f.text.file} line {f.text.line}: {f.text.en}" for f in edited[:20])
    )


@pytest.fixture(scope="module")
def reviewed_data(tmp_path_factory) -> Path:
    """The data with the tests' initiative and every text recorded as reviewed: the real lock may be behind the
    data (the report is not a gate), and each test needs a clean start."""
    data = tmp_path_factory.mktemp("reviewed") / "policy_data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("source"))
    number = f"{max(int(path.stem) for path in (data / 'initiatives').glob('*.yml')) + 1:03d}"
    theme = yaml.safe_load((data / "areas.yml").read_text(encoding="utf-8"))["areas"][0]["themes"][0]["id"]
    (data / "initiatives" / f"{number}.yml").write_text(FIXTURE.format(number=number, theme=theme), encoding="utf-8")
    mark_reviewed(data)
    assert listed(data) == []
    return data


@pytest.fixture
def reviewed_copy(reviewed_data, tmp_path) -> Path:
    """A copy of reviewed_data that a test may edit."""
    return shutil.copytree(reviewed_data, tmp_path / "policy_data")


def fixture_file(data: Path) -> tuple[Path, str]:
    """The tests' initiative: its path, and its name as the report gives it."""
    path = sorted((data / "initiatives").glob("*.yml"))[-1]
    return path, f"initiatives/{path.name}"


def edit(path: Path, old: str, new: str) -> str:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    edited = text.replace(old, new)
    path.write_text(edited, encoding="utf-8")
    return edited


def test_changed_japanese_is_listed_with_file_line_and_field(reviewed_copy):
    path, name = fixture_file(reviewed_copy)
    edited = edit(path, "ja: 試験用の取組の説明,", "ja: 試験用の取組の新しい説明,")
    result = listed(reviewed_copy)
    assert len(result) == 1, [f.text.key for f in result]
    finding = result[0]
    assert finding.status == "changed"
    assert (finding.text.file, finding.text.field) == (name, "text[0]")
    assert finding.text.line == _line_of(edited, "試験用の取組の新しい説明")
    assert (finding.text.ja, finding.text.en) == ("試験用の取組の新しい説明", "What the initiative of the tests does")
    assert not finding.english_edited


def test_changed_japanese_with_edited_english_says_so(reviewed_copy):
    path, name = fixture_file(reviewed_copy)
    edit(path, "{ja: 卓球大会, en: Table tennis tournament}", "{ja: 卓球大会等, en: Table tennis tournaments}")
    result = listed(reviewed_copy)
    assert [(f.text.file, f.text.field, f.status, f.english_edited) for f in result] == [
        (name, "blocks[1].items[1]", "changed", True)
    ]


@pytest.mark.parametrize(
    "anchor,added,field",
    [
        # Inserting an item shifts the position of the items after it; only the inserted one is listed.
        ("知恵袋グループ", "before", "blocks[0].items[0]"),
        ("バドミントン大会", "after", "blocks[1].items[3]"),
    ],
    ids=["inserted-before-others", "added-at-the-end"],
)
def test_a_new_text_is_listed_as_new_and_moved_texts_are_not(reviewed_copy, anchor, added, field):
    path, name = fixture_file(reviewed_copy)
    anchor = next(line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if anchor in line)
    new = "      - {ja: 新しい取組の例, en: An example of a new activity}\n"
    edited = edit(path, anchor, new + anchor if added == "before" else anchor + new)
    result = listed(reviewed_copy)
    assert [(f.status, f.text.file, f.text.field, f.text.line) for f in result] == [
        ("new", name, field, _line_of(edited, "新しい取組の例"))
    ]
    assert result[0].text.en == "An example of a new activity"


def test_an_english_only_edit_is_listed_until_recorded(reviewed_copy):
    path, name = fixture_file(reviewed_copy)
    edited = edit(path, "{ja: 卓球大会, en: Table tennis tournament}", "{ja: 卓球大会, en: Table-tennis tournament}")
    result = listed(reviewed_copy)
    assert [(f.status, f.text.field, f.text.line) for f in result] == [
        ("edited", "blocks[1].items[1]", _line_of(edited, "Table-tennis"))
    ]
    mark_reviewed(reviewed_copy, files={name})
    assert listed(reviewed_copy) == []


def test_missing_english_is_listed(reviewed_copy):
    path, _ = fixture_file(reviewed_copy)
    edited = edit(path, "{ja: 卓球大会, en: Table tennis tournament}", "{ja: 卓球大会}")
    result = listed(reviewed_copy)
    assert [(f.status, f.text.field, f.text.line) for f in result] == [
        ("missing", "blocks[1].items[1]", _line_of(edited, "{ja: 卓球大会}"))
    ]


def test_mark_reviewed_clears_the_report(reviewed_copy):
    path, name = fixture_file(reviewed_copy)
    edit(path, "ja: 試験用の取組,", "ja: 試験用の取組（改）,")
    assert len(listed(reviewed_copy)) == 1
    count = mark_reviewed(reviewed_copy, files={"initiatives/001.yml"})  # another file: still listed
    assert len(listed(reviewed_copy)) == 1
    assert mark_reviewed(reviewed_copy) == count
    assert listed(reviewed_copy) == []
    assert read_lock(reviewed_copy)[f"{name}:title"]["ja"] == fingerprint("試験用の取組（改）")


def test_the_command_reports_and_checks(reviewed_copy):
    script = ["scripts/translation_report.py", "--data-dir", str(reviewed_copy)]
    clean = run_python(*script, "--check")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "every English text has been reviewed" in clean.stdout

    path, name = fixture_file(reviewed_copy)
    edited = edit(path, "{ja: 知恵袋グループ,", "{ja: 職員知恵袋グループ,")
    report = run_python(*script)
    assert report.returncode == 0, "a plain report never fails"
    line = _line_of(edited, "ja: 職員知恵袋グループ")
    assert f"policy_data/{name}" in report.stdout
    assert f"line {line}, field 'blocks[0].items[0]'" in report.stdout
    assert "English may be out of date" in report.stdout
    assert "ja: 職員知恵袋グループ" in report.stdout and "en: Know-how group" in report.stdout
    assert run_python(*script, "--check").returncode == 1

    update = run_python(*script, "--update")
    assert update.returncode == 0, update.stderr
    assert run_python(*script, "--check").returncode == 0
    assert "Traceback" not in report.stderr + update.stderr
