"""A revision in a day: scripts/revision_report.py compares a revised source with the current one and names every
changed, added and removed sentence with the data file and line that hold it. The revised source is made here from
the current one (whatever it says): a sentence changed in one rank's table only (the same wording stands in the
other ranks' tables), a whole item removed from another rank's table, a sentence added to an initiative and one of
another initiative changed."""

from __future__ import annotations

import pytest

from handbook.data import DATA_DIR, read_documents
from handbook.fidelity import normalise, source_path
from handbook.revision import compare
from handbook.source_map import Source
from handbook_testing import run_python

ADDED = "新しく加えた取組の説明です。"


def _line_of_path(documents, name: str, path: tuple) -> int:
    return documents[name].line(path)


def _item_path(policy, table, item, key: str) -> tuple:
    group, index = next((g, i) for g, grp in enumerate(table.groups) for i, it in enumerate(grp.items) if it is item)
    return ("tables", policy.tables.index(table), "groups", group, "items", index, key, "ja")


@pytest.fixture(scope="module")
def revision(tmp_path_factory, policy):
    """The revised source, and what each edit should be reported as: (kind, data file, data line)."""
    documents, _ = read_documents(DATA_DIR)
    source = Source.read(source_path(DATA_DIR)).locate(documents)
    lines = list(source.lines)
    expected = []

    def lines_of(key: str, text: str) -> list[int]:
        """The lines of a place that hold a text (a paragraph of the source, up to its blank line)."""
        place = source.places[key]
        wanted = normalise(text)
        for start in range(place.start, place.end):
            if not normalise(lines[start]) or not wanted.startswith(normalise(lines[start])[:8]):
                continue
            end, joined = start, ""
            while end < place.end and lines[end].strip():
                joined += normalise(lines[end])
                end += 1
            if wanted in joined:
                return list(range(start, end))
        raise AssertionError(f"{text} not in {key}")

    # 1. a description changed in the second rank of a shared table only
    table = next(t for t in policy.tables if sum(r.table is t for r in policy.ranks) > 1)
    rank = [r for r in policy.ranks if r.table is table][1]
    item = table.items[1]
    first = lines_of(f"rank {rank.id}", item.description.ja)[0]
    lines[first] = lines[first][:4] + "多様な" + lines[first][4:]
    expected.append(("changed", "competencies.yml", _item_path(policy, table, item, "description")))

    # 2. a whole item (its name and description) removed from the last rank's table
    last = policy.ranks[-1]
    removed = last.table.items[2]
    place = f"rank {last.id}"
    gone = lines_of(place, removed.description.ja)
    name_line = max(n for n in range(source.places[place].start, gone[0]) if lines[n].strip())
    for number in [name_line, *gone]:
        lines[number] = None
    expected.append(("removed", "competencies.yml", _item_path(policy, last.table, removed, "description")))

    # 3. a sentence added to an initiative, 4. a sentence of another initiative changed
    numbers = [i.number for i in policy.initiatives]
    added_to, changed = numbers[len(numbers) // 2], numbers[len(numbers) // 3]
    text = normalise(next(i for i in policy.initiatives if i.number == changed).text[0].ja)
    section = source.places["section 11"]
    # the PDF's text of an initiative runs line by line with blank lines between: its first line is enough
    first = next(
        n
        for n in range(section.start, section.end)
        if len(normalise(lines[n])) >= 10 and text.startswith(normalise(lines[n]))
    )
    lines[first] = lines[first][:6] + "改めて" + lines[first][6:]
    expected.append(("changed", f"initiatives/{changed}.yml", ("text", 0, "ja")))
    end = source.places[f"initiative {added_to}"].end - 1
    lines[end] = (lines[end] or "") + f"\n\n{ADDED}\n"
    expected.append(("added", None, None))

    revised = tmp_path_factory.mktemp("revision") / "revised.txt"
    revised.write_text("\n".join(line for line in lines if line is not None) + "\n", encoding="utf-8")
    return revised, [(kind, name, path and _line_of_path(documents, name, path), path) for kind, name, path in expected]


def test_every_changed_added_and_removed_sentence_is_named_with_file_and_line(revision):
    revised, expected = revision
    documents, _ = read_documents(DATA_DIR)
    changes = compare(
        Source.read(source_path(DATA_DIR)).locate(documents), Source.read(revised).locate(documents), documents
    )
    found = [(c.kind, [(t.file, t.line) for t in c.data], c.new and c.new.text) for c in changes]
    for kind, name, line, _ in expected:
        if kind == "added":
            assert any(k == "added" and not data and new == ADDED for k, data, new in found), found
        else:
            assert any(k == kind and (f"policy_data/{name}", line) in data for k, data, _ in found), (
                kind,
                name,
                line,
                found,
            )
    assert len(changes) == len(expected), found


def test_the_command_says_it_in_japanese_first(revision):
    revised, expected = revision
    result = run_python("scripts/revision_report.py", str(revised))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.splitlines()[0].startswith("改定の比較：") and "変更 2 件、追加 1 件、削除 1 件" in out
    for _kind, name, line, _path in expected:
        if name:
            assert f"policy_data/{name} {line}行目 / line {line}" in out
    assert "まだデータにありません / not in the data yet" in out
    assert out.index("変更 / changed") < out.index("policy_data/")
