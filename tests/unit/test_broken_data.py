"""Each kind of mistake a maintainer can make is refused with the file, the line and the field.

Every case copies the real data, breaks one thing the way a person editing YAML would, and checks the
message. The expected line is found in the broken text itself (the line that was changed), not copied
from the output.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook.errors import PolicyDataError
from handbook.load import validate
from handbook_testing import run_python


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the broken file")


def _first_changed_line(original: str, broken: str) -> int:
    old, new = original.splitlines(), broken.splitlines()
    return next((n for n, (a, b) in enumerate(zip(old, new), 1) if a != b), min(len(old), len(new)) + 1)


def replace_once(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# Each case: (name, file, how to break its text, text on the line the message must name (None: the line
# that was changed), field, words the message must contain)
def _delete_english(text: str) -> str:
    return re.sub(r"(title: \{ja: [^,]+), en: [^}]+\}", r"\1}", text, count=1)


CASES = [
    ("yaml-syntax", "initiatives/002.yml", lambda t: replace_once(t, "title: {ja:", "title: {ja: \"unclosed"),
     "unclosed", "", "not valid YAML"),
    ("wrong-indentation", "orientations.yml", lambda t: replace_once(t, "\n    name: {ja: 自立志向", "\n      name: {ja: 自立志向"),
     "name: {ja: 自立志向", "", "not valid YAML"),
    ("missing-translation", "initiatives/003.yml", _delete_english, "title: {ja:", "title.en", "English text is missing"),
    ("empty-text", "initiatives/004.yml", lambda t: re.sub(r"title: \{ja: ([^,]+), en: [^}]+\}", r"title: {ja: \1, en: ' '}", t, count=1),
     "title: {ja:", "title.en", "empty"),
    ("duplicate-id", "ranks.yml", lambda t: replace_once(t, "- id: department-director", "- id: bureau-director"),
     None, "ranks[1].id", "used twice"),
    ("unknown-reference", "initiatives/005.yml", lambda t: re.sub(r"theme: .*", "theme: no-such-theme", t, count=1),
     "theme: no-such-theme", "theme", "not a known theme"),
    ("wrong-type", "talents.yml", lambda t: re.sub(r"number: 1\b", "number: [1]", t, count=1),
     "number: [1]", "talents[0].number", "should be"),
    ("missing-field", "initiatives/006.yml", lambda t: re.sub(r"\ntheme: .*", "", t, count=1),
     "number:", "theme", "required field 'theme' is missing"),
    ("unknown-field", "initiatives/007.yml", lambda t: replace_once(t, "title:", "titel:"),
     "titel:", "titel", "not a field that belongs here"),
    ("duplicate-key", "initiatives/008.yml", lambda t: t.rstrip("\n") + "\nnumber: \"008\"\n",
     None, "number", "appears twice"),
    ("bad-id", "ranks.yml", lambda t: replace_once(t, "- id: staff\n", "- id: Staff Level\n"),
     "- id: Staff Level", "ranks[6].id", "not a valid id"),
    ("control-character", "initiatives/011.yml", lambda t: replace_once(t, "title:", "title:\x07"),
     "title:", "", "does not allow"),
    ("bad-number", "initiatives/009.yml", lambda t: replace_once(t, 'number: "009"', "number: 9"),
     "number: 9", "number", "should be a text"),
]



def faults_for(data_dir: Path):
    with pytest.raises(PolicyDataError) as caught:
        validate(data_dir)
    return caught.value.faults


@pytest.mark.parametrize("name,file,breaking,line_text,field,words", CASES, ids=[c[0] for c in CASES])
def test_each_kind_of_fault_names_file_line_and_field(data_copy, name, file, breaking, line_text, field, words):
    path = data_copy / file
    original = path.read_text(encoding="utf-8")
    broken = breaking(original)
    path.write_text(broken, encoding="utf-8")
    faults = faults_for(data_copy)
    matching = [f for f in faults if words in f.message and f.file.endswith(file)]
    assert matching, f"no fault saying {words!r} for {file}; got:\n" + "\n".join(map(str, faults))
    fault = matching[0]
    if field:
        assert fault.field == field, str(fault)
    expected_line = _line_of(broken, line_text) if line_text else _first_changed_line(original, broken)
    assert fault.line == expected_line, str(fault)
    assert fault.fix, "every fault says how to fix it"
    assert f"line {expected_line}" in str(fault) and file in str(fault)


def test_item_moved_to_the_wrong_group(data_copy):
    """Cutting an item out of one group and pasting it into the next leaves 2 and 4 items."""
    path = data_copy / "competencies.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("          - id: ")]
    first, second = starts[0], starts[1]          # the first item of the first group, cut whole
    item = lines[first:second]
    rest = lines[:first] + lines[second:]
    group_two = next(i for i, line in enumerate(rest) if line.strip() == "kind: ability")
    insert_at = next(i for i in range(group_two, len(rest)) if rest[i].strip() == "items:") + 1
    broken = rest[:insert_at] + item + rest[insert_at:]
    path.write_text("".join(broken), encoding="utf-8")
    faults = faults_for(data_copy)
    messages = [str(f) for f in faults]
    assert any("has 2 items" in m and "tables[0].groups[0].items" in m for m in messages), messages
    assert any("has 4 items" in m and "tables[0].groups[1].items" in m for m in messages), messages


def test_initiative_number_skipped(data_copy, policy):
    """The last initiative renumbered one further leaves a gap."""
    last = policy.initiatives[-1].number
    after = f"{int(last) + 1:03d}"
    source = data_copy / "initiatives" / f"{last}.yml"
    text = source.read_text(encoding="utf-8").replace(f'number: "{last}"', f'number: "{after}"')
    source.unlink()
    (data_copy / "initiatives" / f"{after}.yml").write_text(text, encoding="utf-8")
    areas = data_copy / "areas.yml"
    areas.write_text(areas.read_text(encoding="utf-8").replace(f'"{last}"', f'"{after}"'), encoding="utf-8")
    messages = [str(f) for f in faults_for(data_copy)]
    assert any(f"missing: {last}" in m for m in messages), messages


def test_validate_script_reports_in_plain_words(data_copy):
    """The maintainer's command: exit 1, file/line/field, and no Python traceback."""
    path = data_copy / "initiatives" / "010.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("title:", "title:\n  - broken: [", 1), encoding="utf-8")
    result = run_python("scripts/validate.py", "--data-dir", str(data_copy))
    assert result.returncode == 1
    assert "policy_data/initiatives/010.yml, line" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
