"""Each kind of mistake a maintainer can make is refused with the file, the line and the field.

Every case copies the real data, breaks one thing the way a person editing YAML would, and checks the
message. The expected line is found in the broken text itself (the line that was changed), not copied
from the output.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook.data import validate
from handbook.errors import PolicyDataError
from handbook_testing import run_python


def _line_of(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in the broken file")


def _first_changed_line(original: str, broken: str) -> int:
    old, new = original.splitlines(), broken.splitlines()
    return next((n for n, (a, b) in enumerate(zip(old, new, strict=False), 1) if a != b), min(len(old), len(new)) + 1)


def replace_once(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def sub_once(pattern: str, replacement, text: str) -> str:
    """The first match of a pattern replaced: the cases find what they break by its shape, not by today's value,
    so that an edit of the data (a new target, another initiative) leaves them working."""
    changed, count = re.subn(pattern, replacement, text, count=1)
    assert count, pattern
    return changed


FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


# Each case: (name, file, how to break its text, text on the line the message must name (None: the line
# that was changed), field (a regular expression when it holds a backslash), words the message must contain)
def _delete_english(text: str) -> str:
    return re.sub(r"(title: \{ja: [^,]+), en: [^}]+\}", r"\1}", text, count=1)


# Where a fault may stand besides one exact line: anywhere in what the breaking added (a runaway alias is
# noticed where the expansion overflows), or on the file as a whole (no line).
ADDED, WHOLE_FILE = "<added lines>", "<whole file>"

# fmt: off
CASES = [
    ("yaml-syntax", "initiatives/002.yml", lambda t: replace_once(t, "title: {ja:", "title: {ja: \"unclosed"),
     "unclosed", "", "never closed"),
    ("wrong-indentation", "orientations.yml",
     lambda t: replace_once(t, "\n    name: {ja: 自立志向", "\n      name: {ja: 自立志向"),
     "name: {ja: 自立志向", "", "indented further"),
    ("missing-translation", "initiatives/003.yml", _delete_english,
     "title: {ja:", "title.en", "English text is missing"),
    ("empty-text", "initiatives/004.yml",
     lambda t: re.sub(r"title: \{ja: ([^,]+), en: [^}]+\}", r"title: {ja: \1, en: ' '}", t, count=1),
     "title: {ja:", "title.en", "empty"),
    ("duplicate-id", "ranks.yml", lambda t: replace_once(t, "- id: department-director", "- id: bureau-director"),
     None, "ranks[1].id", "used twice"),
    ("unknown-reference", "initiatives/005.yml", lambda t: re.sub(r"theme: .*", "theme: no-such-theme", t, count=1),
     "theme: no-such-theme", "theme", "not a known theme"),
    ("unknown-initiative", "indicators.yml", lambda t: sub_once(r'initiative: "\d{3}"', 'initiative: "999"', t),
     'initiative: "999"', r"basics\[\d+\]\.initiative", "not a known initiative"),
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
     "number: 9", "number", "in quotes"),
    # The broken edits of the maintainers' review (shared/reviews/maintainers.md, part B)
    ("tab", "glossary.yml", lambda t: replace_once(t, "\n  - id: ebpm", "\n\t- id: ebpm"),
     "- id: ebpm", "", "tab character"),
    ("missing-colon-value", "competencies.yml", lambda t: re.sub(r"\n(\s+)ja: ", r"\n\1ja ", t, count=1),
     None, "", "colon (:) after the key is missing"),
    ("missing-colon-key", "initiatives/001.yml", lambda t: replace_once(t, "\ntheme: ", "\ntheme "),
     None, "", "colon (:) after the key is missing"),
    ("unclosed-quote-block", "competencies.yml", lambda t: re.sub(r"\n(\s+)ja: (\S)", r'\n\1ja: "\2', t, count=1),
     None, "", "never closed"),
    ("empty-japanese", "initiatives/012.yml", lambda t: re.sub(r"title: \{ja: [^,]+,", "title: {ja: ,", t, count=1),
     "title: {ja: ,", "title.ja", "it is empty"),
    ("list-for-text", "initiatives/013.yml", lambda t: re.sub(r"title: \{ja: [^,]+,", "title: {ja: [一, 二],", t, count=1),
     "title: {ja: [", "title.ja", "it is a list"),
    ("duplicate-glossary-id", "glossary.yml", lambda t: replace_once(t, "- id: ebpm", "- id: dx"),
     None, "terms[1].id", "used twice"),
    ("unknown-theme", "initiatives/014.yml", lambda t: re.sub(r"theme: .*", "theme: team-building", t, count=1),
     "theme: team-building", "theme", "not a known theme"),
    ("number-mismatch", "initiatives/015.yml", lambda t: replace_once(t, 'number: "015"', 'number: "016"'),
     'number: "016"', "number", "its number is '016'"),
    ("full-width-value", "indicators.yml",
     lambda t: sub_once(r"target: \{value: ([0-9.]+)", lambda m: "target: {value: " + m[1].translate(FULL_WIDTH), t),
     None, "outcome_targets[0].target.value", "full-width digits"),
    ("full-width-number", "initiatives/016.yml", lambda t: replace_once(t, 'number: "016"', 'number: "０１６"'),
     "number:", "number", "Full-width digits"),
    ("yes-no", "initiatives/017.yml", lambda t: re.sub(r"title: \{ja: ([^,]+), en: [^}]+\}", r"title: {ja: \1, en: No}", t, count=1),
     "en: No}", "title.en", "put the text in quotes"),
    ("date-for-text", "initiatives/018.yml", lambda t: re.sub(r"title: \{ja: ([^,]+), en: [^}]+\}", r"title: {ja: \1, en: 2031-03-31}", t, count=1),
     "en: 2031-03-31", "title.en", "a date"),
    ("capital-id", "initiatives/019.yml", lambda t: re.sub(r"theme: .*", "theme: Diverse-Staff", t, count=1),
     "theme: Diverse-Staff", "theme", "not a valid id"),
    ("glossary-place", "glossary.yml", lambda t: sub_once(r'defined_in: "\d+"', 'defined_in: "999"', t),
     'defined_in: "999"', r"terms\[\d+\]\.defined_in", "neither a section"),
    ("python-tag", "initiatives/020.yml", lambda t: replace_once(t, "title: {ja:", 'title: !!python/object/apply:os.system ["true"]\ntitl: {ja:'),
     "!!python", "", "YAML tag"),
    ("harmless-tag", "initiatives/021.yml", lambda t: replace_once(t, "title: {ja:", "title: !!python/object:collections.OrderedDict {ja:"),
     "!!python", "", "YAML tag"),
    ("alias-bomb", "initiatives/022.yml", lambda t: t + "\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
     + "".join(f"x{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]\n" for i in range(1, 10)),
     ADDED, "", "more than 50,000 values"),
    ("alias-bomb-in-a-field", "initiatives/023.yml", lambda t: "b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
     + "".join(f"b{i}: &b{i} [" + ", ".join([f"*b{i - 1}"] * 9) + "]\n" for i in range(1, 10))
     + t.replace("\nsource_note:", "\nsource_note_x: *b9\nsource_note:", 1).replace("\ntext:", "\nx: *b9\ntext:", 1),
     ADDED, "", "more than 50,000 values"),
    ("huge-text", "initiatives/024.yml", lambda t: replace_once(t, "title: {ja: ", "title: {ja: " + "あ" * 6000),
     "title: {ja: ", "title.ja", "too long"),
    # The maintainers' second trial (shared/reviews/maintainers-2.md): M3, L3 and the full-width colon of 1b
    ("date-with-slashes", "meta.yml", lambda t: sub_once(r'published: "[^"]*"', 'published: "2026/11/29"', t),
     None, "published", "not a date written year-month-day"),
    ("date-in-era-years", "meta.yml", lambda t: sub_once(r'published: "[^"]*"', 'published: "令和8年11月29日"', t),
     None, "published", "no era years"),
    ("full-width-indent", "competencies.yml",
     lambda t: sub_once(r"\n( +)(name: )", lambda m: "\n" + "\u3000" * (len(m[1]) // 2) + m[2], t),
     None, "", "full-width spaces"),
    ("dedent", "orientations.yml",
     lambda t: sub_once(r"\n(  - id: [a-z-]+)\n    name: ", lambda m: f"\n{m[1]}\n  name: ", t),
     None, "", "indented less than the other fields"),
    ("full-width-colon", "initiatives/002.yml", lambda t: replace_once(t, "\ntheme: ", "\ntheme："),
     None, "", "full-width colon"),
    ("full-width-colon-and-space", "initiatives/003.yml", lambda t: replace_once(t, "\ntheme: ", "\ntheme：\u3000"),
     None, "", "full-width colon"),
    ("huge-file", "initiatives/026.yml", lambda t: t + "\n# " + "あ" * 100_000 + "\n",
     WHOLE_FILE, "", "too large"),
]
# fmt: on
# fmt: on


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
    matching = [f for f in faults if words in f"{f.message.en} {f.fix.en if f.fix else ''}" and f.file.endswith(file)]
    assert matching, f"no fault saying {words!r} for {file}; got:\n" + "\n".join(map(str, faults))
    fault = matching[0]
    if field:
        assert re.fullmatch(field if "\\" in field else re.escape(field), fault.field), str(fault)
    assert fault.fix, "every fault says how to fix it"
    said = str(fault)
    assert file in said
    # Japanese first, for the HR staff who maintain the data: where, what and how to fix, in Japanese
    assert said.index(file) < said.index(fault.message.en)
    if line_text == WHOLE_FILE:
        assert fault.line is None, said
    else:
        if line_text == ADDED:
            old_lines = set(original.splitlines())
            allowed = [n for n, line in enumerate(broken.splitlines(), 1) if line not in old_lines]
        else:
            allowed = [_line_of(broken, line_text) if line_text else _first_changed_line(original, broken)]
        assert fault.line in allowed, said
        assert said.index(f"{fault.line}行目") < said.index(f"line {fault.line}")
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", fault.message.ja) and re.search(r"[\u3040-\u30ff]", fault.fix.ja)


def test_a_group_holds_as_many_items_as_the_policy_gives_it(data_copy):
    """A revision may add an item to a group (the trial's 情報管理): the schema fixes no count of items."""
    path = data_copy / "competencies.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("          - id: ")]
    item = lines[starts[0] : starts[1]]
    added = [item[0].replace("- id: ", "- id: added-"), *item[1:]]
    path.write_text("".join(lines[: starts[1]] + added + lines[starts[1] :]), encoding="utf-8")
    validate(data_copy)


def test_a_fixed_count_of_the_structure_says_a_revision_may_change_it(data_copy):
    """The nine groups of a table are the structure of the pages: one group fewer is refused, and the message
    says what to do when the revised policy itself has another number, not only "did you paste twice?"."""
    path = data_copy / "competencies.yml"
    text = path.read_text(encoding="utf-8")
    last_group = text.index("\n      - orientation: results")
    following = text.find("\n  - id: ", last_group)
    path.write_text(text[:last_group] + (text[following:] if following != -1 else "\n"), encoding="utf-8")
    faults = [f for f in faults_for(data_copy) if f.field == "tables[0].groups"]
    assert faults and all("ask the developers" in f.fix.en and "開発担当" in f.fix.ja for f in faults), faults


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


@pytest.mark.parametrize(
    "name,damage,words",
    [
        ("shift-jis", lambda text: text.encode("shift_jis"), "not UTF-8"),
        ("nul", lambda text: text.replace("title:", "title:\x00", 1).encode("utf-8"), "does not allow"),
    ],
)
def test_bytes_no_yaml_may_hold_are_refused_in_words(data_copy, name, damage, words):
    path = data_copy / "initiatives" / "027.yml"
    path.write_bytes(damage(path.read_text(encoding="utf-8")))
    faults = [f for f in faults_for(data_copy) if f.file.endswith("initiatives/027.yml")]
    assert faults and words in faults[0].message.en, "\n".join(map(str, faults))
    assert re.search(r"[\u3040-\u30ff]", faults[0].message.ja)


def test_a_deleted_file_is_named(data_copy):
    (data_copy / "talents.yml").unlink()
    faults = faults_for(data_copy)
    assert [f.file for f in faults] == ["policy_data/talents.yml"], "\n".join(map(str, faults))
    assert "missing" in faults[0].message.en and "ありません" in faults[0].message.ja
