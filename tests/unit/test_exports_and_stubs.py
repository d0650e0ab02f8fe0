"""Downloads (handbook.exports) and page stubs (handbook.stubs) on the tiny policy."""

from __future__ import annotations

import csv
import io
import json
import os
from math import ceil

import pytest
from openpyxl import load_workbook
from tiny_policy import HOSTILE, build_tiny_policy

from handbook.exports import (
    COMPETENCY_COLUMNS,
    INITIATIVE_COLUMNS,
    LINE_HEIGHT,
    column_heading,
    competency_records,
    csv_bytes,
    display_width,
    initiative_records,
    write_downloads,
    xlsx_bytes,
)
from handbook.model import LANGUAGES, Text
from handbook.site import page_specs
from handbook.stubs import MARKER, stub_text, write_stubs
from handbook.ui import label

BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def tiny():
    return build_tiny_policy()


# Downloads


def test_competency_records_one_row_per_rank_and_item(tiny):
    records = competency_records(tiny)
    expected = [(rank.id, item.id) for rank in tiny.ranks for item in rank.table.items]
    assert len(expected) == 2 * len(tiny.tables[0].items) + len(tiny.tables[1].items)  # two ranks share the upper
    assert [(r["rank_id"], r["item_id"]) for r in records] == expected
    assert all(list(record) == COMPETENCY_COLUMNS for record in records)


def _texts(node, seen=None) -> set[tuple[str, str]]:
    """Every bilingual text of the model under node, as (ja, en), and the labels the downloads add (ui.yml)."""
    seen = set() if seen is None else seen
    if id(node) in seen or isinstance(node, str | int | float | bool) or node is None:
        return set()
    seen.add(id(node))
    if isinstance(node, Text):
        return {(node.ja, node.en)}
    if isinstance(node, dict):
        children = node.values()
    elif isinstance(node, list | tuple | set):
        children = node
    elif hasattr(node, "__dataclass_fields__"):
        children = [getattr(node, name) for name in node.__dataclass_fields__]
    else:
        return set()
    return set().union(*(_texts(child, seen) for child in children))


def test_competency_records_are_the_policy_s_texts_joined_by_ids(tiny):
    """Properties, not a copy of the exporter: each row joins back to its rank and item by their ids, in the
    ranks' order, and every pair of columns <x>_ja / <x>_en is one text of the policy (or of ui.yml) in its two
    languages, never a Japanese text beside another text's English."""
    texts = _texts(tiny) | {(text.ja, text.en) for text in (label("attitude"), label("ability"), label("results"))}
    for record in competency_records(tiny):
        rank = tiny.rank(record["rank_id"])
        assert record["rank_order"] == tiny.ranks.index(rank) + 1
        item = next(item for item in rank.table.items if item.id == record["item_id"])
        assert (record["item_ja"], record["description_en"]) == (item.name.ja, item.description.en)
        assert record["orientation_id"] == item.group.orientation and record["kind"] == item.group.kind
        pairs = {column.removesuffix("_ja") for column in record if column.endswith("_ja")}
        for pair in pairs:
            assert (record[f"{pair}_ja"], record[f"{pair}_en"]) in texts, pair


def test_json_download_round_trips_the_records(tiny, tmp_path):
    write_downloads(tiny, tmp_path)
    written = json.loads((tmp_path / "downloads" / "competencies.json").read_text(encoding="utf-8"))
    assert written["competencies"] == competency_records(tiny)


def test_initiative_records(tiny):
    [record] = initiative_records(tiny)
    initiative = tiny.initiatives[0]
    assert list(record) == INITIATIVE_COLUMNS
    assert (record["number"], record["area_id"], record["theme_id"]) == ("001", "people", "learning-culture")
    assert record["text_en"] == "\n".join(text.en for text in initiative.text)
    # the page's address from the site root: what a spreadsheet that turned "001" into 1 still shows
    [spec] = [spec for spec in page_specs(tiny) if spec.path == initiative.page]
    assert (record["page_ja"], record["page_en"]) == (f"/{spec.url}", f"/en/{spec.url}")
    assert record["page_ja"] == "/initiatives/001/"


def test_csv_starts_with_a_bom_and_reads_back_as_written(tiny):
    records = competency_records(tiny)
    data = csv_bytes(records, COMPETENCY_COLUMNS)
    assert data.startswith(BOM) and not data.startswith(BOM * 2)
    assert data[len(BOM) :].split(b"\r\n", 1)[0].decode() == ",".join(COMPETENCY_COLUMNS)
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    assert reader.fieldnames == COMPETENCY_COLUMNS
    assert list(reader) == [{key: str(value) for key, value in record.items()} for record in records]
    assert any(HOSTILE in record["description_en"] for record in records)  # quotes, braces and markup survive


def test_csv_round_trips_commas_quotes_and_line_breaks():
    records = [{"a": 'one, "two"', "b": "line\nbreak"}, {"a": "日本語、（全角）", "b": ""}]
    data = csv_bytes(records, ["a", "b"])
    assert list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))) == records


def test_workbook_has_bilingual_headings_text_numbers_and_a_source_sheet(tiny):
    source = {"policy": {"ja": "方針", "en": "Policy"}, "revision": {"ja": "改定", "en": "Revised"}}
    records = initiative_records(tiny)
    book = load_workbook(io.BytesIO(xlsx_bytes(records, INITIATIVE_COLUMNS, "initiatives", source)))
    table, about = book.worksheets
    rows = list(table.iter_rows(values_only=True))
    assert rows[0] == tuple(column_heading(column) for column in INITIATIVE_COLUMNS)
    assert rows[0][0] == f"{label('column_number').ja} / {label('column_number').en}"
    assert [dict(zip(INITIATIVE_COLUMNS, row, strict=True)) for row in rows[1:]] == records
    assert table["A2"].data_type == "s" and table["A2"].value == "001"  # Excel would make "001" into 1
    assert (
        table.freeze_panes == "A2"
        and table.auto_filter.ref == f"A1:{table.cell(1, table.max_column).column_letter}{len(rows)}"
    )
    assert [row[1:] for row in about.iter_rows(values_only=True)] == [("方針", "Policy"), ("改定", "Revised")]
    competencies = competency_records(tiny)
    book = load_workbook(io.BytesIO(xlsx_bytes(competencies, COMPETENCY_COLUMNS, "competencies", source)))
    values = list(book.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert [row[0] for row in values] == [record["rank_order"] for record in competencies]
    assert any(HOSTILE in row[COMPETENCY_COLUMNS.index("description_en")] for row in values)


# Texts that a spreadsheet would run as formulas, as competency names (OWASP, "CSV Injection"), and a code.
FORMULAS = ['=HYPERLINK("http://example.com","市民目線")', "+1+1", "-2+3+cmd|' /C calc'!A0", "@SUM(1,1)"]
CODE = "007"


@pytest.fixture
def formula_downloads(tmp_path):
    """The downloads of a tiny policy whose first items are named like formulas, and one like a code."""
    policy = build_tiny_policy()
    for item, name in zip(policy.tables[0].items, [*FORMULAS, CODE], strict=False):
        item.name = Text(name, name)
    write_downloads(policy, tmp_path)
    return tmp_path / "downloads"


def test_no_text_becomes_a_formula_in_the_workbooks(formula_downloads):
    seen = set()
    for name in ("competencies", "initiatives"):
        book = load_workbook(formula_downloads / f"{name}.xlsx")
        for sheet in book.worksheets:
            for cell in (cell for row in sheet.iter_rows() for cell in row):
                assert cell.data_type != "f", (name, sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (name, sheet.title, cell.coordinate, cell.value)
                if cell.value in FORMULAS:
                    assert cell.quotePrefix, cell.value  # editing the cell in Excel keeps it text
                    seen.add(cell.value)
        if name == "initiatives":
            assert book.worksheets[0]["A2"].value == "001" and book.worksheets[0]["A2"].data_type == "s"
    assert seen == set(FORMULAS)
    table = load_workbook(formula_downloads / "competencies.xlsx").worksheets[0]
    item_ja = COMPETENCY_COLUMNS.index("item_ja") + 1
    codes = [row[item_ja - 1] for row in table.iter_rows(min_row=2) if row[item_ja - 1].value == CODE]
    assert codes and all(cell.data_type == "s" and not cell.quotePrefix for cell in codes)


def test_no_csv_cell_starts_a_formula(formula_downloads):
    named = 0
    for name in ("competencies", "initiatives"):
        rows = list(csv.reader(io.StringIO((formula_downloads / f"{name}.csv").read_text("utf-8-sig"), newline="")))
        for row in rows:
            for value in row:
                assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), (name, value)
                if value[1:] in FORMULAS:
                    assert value == "'" + value[1:]
                    named += 1
    assert named == len(FORMULAS) * len(LANGUAGES) * 2  # the first table's items serve two ranks
    # the record, the JSON and a cell that only contains such a character later are left as they are
    data = [{"a": "\tcmd", "b": "\r=1", "c": "1-2=3 @home", "d": 7}]
    [row] = csv.DictReader(io.StringIO(csv_bytes(data, ["a", "b", "c", "d"]).decode("utf-8-sig"), newline=""))
    assert row == {"a": "'\tcmd", "b": "'\r=1", "c": "1-2=3 @home", "d": "7"}
    assert data[0]["a"] == "\tcmd"
    names = {
        r["item_ja"] for r in json.loads((formula_downloads / "competencies.json").read_text("utf-8"))["competencies"]
    }
    assert set(FORMULAS) <= names


def test_every_sheet_prints_on_a4_landscape_one_page_wide_under_its_headings(tiny, tmp_path):
    write_downloads(tiny, tmp_path)
    title, revision = tiny.meta["title"], tiny.meta["revision"]
    for name in ("competencies", "initiatives"):
        book = load_workbook(tmp_path / "downloads" / f"{name}.xlsx")
        assert book.properties.creator == f"{label('site_name').ja} / {label('site_name').en}"
        assert title.ja in book.properties.title and label(name).en in book.properties.title
        for sheet in book.worksheets:
            setup = sheet.page_setup
            assert (setup.paperSize, setup.orientation) == (9, "landscape")  # 9: A4 in the file format, sheet.title
            assert sheet.sheet_properties.pageSetUpPr.fitToPage and (setup.fitToWidth, setup.fitToHeight) == (1, 0)
            assert sheet.print_title_rows == "$1:$1"
            assert sheet.oddHeader.left.text == f"{title.ja} {revision.ja}"
            assert sheet.oddHeader.right.text == f"{title.en} {revision.en}"
            assert sheet.oddFooter.right.text == "&P / &N"
            # no cell's text is cut: each row holds at least the lines its longest cell needs at full width
            for row in sheet.iter_rows():
                for cell in row:
                    width = sheet.column_dimensions[cell.column_letter].width
                    needed = sum(ceil(display_width(line) / width) or 1 for line in str(cell.value).split("\n"))
                    assert sheet.row_dimensions[cell.row].height >= needed * LINE_HEIGHT, (sheet.title, cell.value)
                    assert cell.alignment.wrap_text
        heading = book.worksheets[0]["A1"].value
        assert book.worksheets[0].column_dimensions["A"].width >= max(map(len, heading.split()))


def test_write_downloads_writes_csv_json_and_excel_of_both(tiny, tmp_path):
    written = write_downloads(tiny, tmp_path)
    names = sorted(path.name for path in written)
    assert names == [
        f"{name}.{suffix}" for name in ("competencies", "initiatives") for suffix in ("csv", "json", "xlsx")
    ]
    assert all(path.parent == tmp_path / "downloads" for path in written)
    competencies = json.loads((tmp_path / "downloads" / "competencies.json").read_text(encoding="utf-8"))
    assert competencies["policy"] == {"ja": tiny.meta["title"].ja, "en": tiny.meta["title"].en}
    assert competencies["competencies"] == competency_records(tiny)
    assert (tmp_path / "downloads" / "initiatives.csv").read_bytes() == csv_bytes(
        initiative_records(tiny), INITIATIVE_COLUMNS
    )


# Page stubs


def stubs_in(docs) -> dict[str, str]:
    return {path.relative_to(docs).as_posix(): path.read_text(encoding="utf-8") for path in docs.rglob("*.md")}


def test_stub_text_names_its_page():
    text = stub_text("ranks/director.md")
    assert text.startswith(MARKER + "\n")
    assert '{{ handbook_page("ranks/director.md") }}' in text


def test_write_stubs_writes_one_stub_per_page(tiny, tmp_path):
    written = write_stubs(tiny, tmp_path)
    paths = [spec.path for spec in page_specs(tiny)]
    assert sorted(path.relative_to(tmp_path).as_posix() for path in written) == sorted(paths)
    assert stubs_in(tmp_path) == {path: stub_text(path) for path in paths}


def test_write_stubs_removes_stale_stubs_and_keeps_hand_written_files(tiny, tmp_path):
    (tmp_path / "ranks").mkdir()
    (tmp_path / "ranks" / "retired.md").write_text(stub_text("ranks/retired.md"), encoding="utf-8")
    (tmp_path / "notes.md").write_text("# Written by hand\n", encoding="utf-8")
    write_stubs(tiny, tmp_path)
    assert not (tmp_path / "ranks" / "retired.md").exists()
    assert (tmp_path / "notes.md").read_text(encoding="utf-8") == "# Written by hand\n"
    assert set(stubs_in(tmp_path)) == {spec.path for spec in page_specs(tiny)} | {"notes.md"}


def test_write_stubs_refuses_to_overwrite_a_hand_written_page(tiny, tmp_path):
    (tmp_path / "glossary.md").write_text("# My own glossary\n", encoding="utf-8")
    with pytest.raises(FileExistsError, match="glossary.md"):
        write_stubs(tiny, tmp_path)
    assert (tmp_path / "glossary.md").read_text(encoding="utf-8") == "# My own glossary\n"


def test_write_stubs_leaves_unchanged_stubs_alone_and_rewrites_changed_ones(tiny, tmp_path):
    write_stubs(tiny, tmp_path)
    past = 1_000_000_000
    for path in tmp_path.rglob("*.md"):
        os.utime(path, ns=(past * 10**9, past * 10**9))
    changed = tmp_path / "ranks" / "director.md"
    changed.write_text(MARKER + "\nan older form of the stub\n", encoding="utf-8")
    os.utime(changed, ns=(past * 10**9, past * 10**9))

    assert write_stubs(tiny, tmp_path) == [changed]
    assert changed.read_text(encoding="utf-8") == stub_text("ranks/director.md")
    for path in tmp_path.rglob("*.md"):
        if path != changed:
            assert path.stat().st_mtime_ns == past * 10**9, path
    assert write_stubs(tiny, tmp_path) == []
