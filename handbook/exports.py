"""Data downloads: the competencies and the initiatives as CSV (UTF-8 with BOM, so Excel reads the
Japanese), JSON and an Excel workbook (headings in both languages, "001" kept as text, a filter on the
heading row, set up to print), both languages in each file.

No text of the data becomes a formula: every text is a text cell in the workbook, and a CSV cell that a
spreadsheet would read as a formula starts with an apostrophe (OWASP's advice on CSV injection)."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from math import ceil
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .model import LANGUAGES, Policy
from .site import page_specs, url_prefix
from .ui import label

DOWNLOADS = "downloads"
COMPETENCY_COLUMNS = [
    "rank_order",
    "rank_id",
    "rank_ja",
    "rank_en",
    "tier_id",
    "tier_ja",
    "tier_en",
    "orientation_id",
    "orientation_ja",
    "orientation_en",
    "kind",
    "kind_ja",
    "kind_en",
    "group_ja",
    "group_en",
    "item_id",
    "item_ja",
    "item_en",
    "description_ja",
    "description_en",
]
INITIATIVE_COLUMNS = [
    "number",
    "area_id",
    "area_ja",
    "area_en",
    "theme_id",
    "theme_ja",
    "theme_en",
    "title_ja",
    "title_en",
    "text_ja",
    "text_en",
    "page_ja",
    "page_en",
]


def competency_records(policy: Policy) -> list[dict]:
    """One record per (rank, item): the 27 items of each rank with their group, orientation and tier."""
    records = []
    order = {rank.id: number for number, rank in enumerate(policy.ranks, start=1)}
    for rank, item in policy.competency_items:
        group = item.group
        orientation = policy.orientation_name(group.orientation)
        kind = label(group.kind)
        records.append(
            {
                "rank_order": order[rank.id],
                "rank_id": rank.id,
                "rank_ja": rank.name.ja,
                "rank_en": rank.name.en,
                "tier_id": rank.tier.id,
                "tier_ja": rank.tier.name.ja,
                "tier_en": rank.tier.name.en,
                "orientation_id": group.orientation,
                "orientation_ja": orientation.ja,
                "orientation_en": orientation.en,
                "kind": group.kind,
                "kind_ja": kind.ja,
                "kind_en": kind.en,
                "group_ja": group.name.ja,
                "group_en": group.name.en,
                "item_id": item.id,
                "item_ja": item.name.ja,
                "item_en": item.name.en,
                "description_ja": item.description.ja,
                "description_en": item.description.en,
            }
        )
    return records


def initiative_records(policy: Policy) -> list[dict]:
    """One record per initiative, with its page's address from the site root in each language: a spreadsheet
    that reads the number "001" of a CSV as 1 still shows which page the row is."""
    addresses = {spec.path: spec.url for spec in page_specs(policy)}
    return [
        {
            "number": i.number,
            "area_id": i.area.id,
            "area_ja": i.area.name.ja,
            "area_en": i.area.name.en,
            "theme_id": i.theme.id,
            "theme_ja": i.theme.name.ja,
            "theme_en": i.theme.name.en,
            "title_ja": i.title.ja,
            "title_en": i.title.en,
            "text_ja": "\n".join(t.ja for t in i.text),
            "text_en": "\n".join(t.en for t in i.text),
            **{f"page_{language}": "/" + url_prefix(language) + addresses[i.page] for language in LANGUAGES},
        }
        for i in policy.initiatives
    ]


# What a spreadsheet takes for the start of a formula in a cell it reads (OWASP, "CSV Injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(value) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_bytes(records: list[dict], columns: list[str]) -> bytes:
    """The records under their column names; a text that would start a formula gets an apostrophe in front.
    (defusedcsv does this too, but leaves tab and CR alone and rewrites "|" inside such texts.)"""
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        writer.writerow({key: f"'{value}" if looks_like_formula(value) else value for key, value in record.items()})
    return buffer.getvalue().encode("utf-8-sig")


# Column widths in Excel's characters (a Japanese character counts two): long texts in a wide column; the
# others fit their longest line, never narrower than the longest word of a heading with the filter button
# beside it, nor wider than WIDEST. Every cell wraps, and each row is given the height of its most wrapped cell:
# LibreOffice (7.4) keeps rows one line high when it opens the file, cutting the text on screen and on paper.
LONG_COLUMNS = {"description_ja", "description_en", "text_ja", "text_en"}
LONG, NARROWEST, WIDEST = 48, 14, 30
# Points per line of 11-point text: Calibri's, and with Japanese in it (Excel's row for 游ゴシック is 18.75).
LINE_HEIGHT, WIDE_LINE_HEIGHT = 15, 18
WRAP_FILL = 0.9  # a wrapped line holds a little less than the column's width: words and wider glyphs


def is_wide(character: str) -> bool:
    return unicodedata.east_asian_width(character) in "WF"


def display_width(text: str) -> int:
    return len(text) if text.isascii() else sum(2 if is_wide(character) else 1 for character in text)


def column_width(records: list[dict], column: str) -> int:
    if column in LONG_COLUMNS:
        return LONG
    longest = max((display_width(line) for record in records for line in str(record[column]).split("\n")), default=0)
    return min(WIDEST, max(NARROWEST, longest + 2))


def cell_height(value, width: float) -> int:
    """The points a value needs in a wrapped cell of this width."""
    text = str(value)
    lines = sum(
        1 if size <= width else ceil(size / (width * WRAP_FILL))
        for size in (display_width(line) for line in text.split("\n"))
    )
    return lines * (LINE_HEIGHT if text.isascii() or not any(map(is_wide, text)) else WIDE_LINE_HEIGHT)


def column_heading(column: str) -> str:
    """The heading a reader sees in the workbook: 「職位（日本語） / Rank (Japanese)」 for rank_ja."""
    heading = label(f"column_{column}")
    return f"{heading.ja} / {heading.en}"


def sheet_title(key: str) -> str:
    """A sheet's name in both languages (Excel forbids "/" in it and cuts it at 31 characters)."""
    return f"{label(key).ja} {label(key).en}"[:31]


WRAPPED = Alignment(wrap_text=True, vertical="top")


def put(sheet: Worksheet, row: int, column: int, value) -> None:
    """A value in a wrapped cell, a text always as text: openpyxl would make "=…" a formula. A text that looks
    like one also gets Excel's apostrophe prefix, so that editing the cell does not make it one either."""
    cell = sheet.cell(row, column, value)
    if isinstance(value, str):
        cell.data_type = "s"
        if looks_like_formula(value):
            cell.quotePrefix = True
    cell.alignment = WRAPPED


def fit_rows(sheet: Worksheet) -> None:
    """Each row as high as its most wrapped cell (the widths set first)."""
    widths = {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()}
    for row in sheet.iter_rows():
        height = max(cell_height(cell.value, widths[cell.column_letter]) for cell in row)
        sheet.row_dimensions[row[0].row].height = height


def print_setup(sheet: Worksheet, source: dict) -> None:
    """A4 landscape, all columns on the width of a page, the heading row on every page, the policy and its
    revision at the top (in each language) and the sheet and page number at the bottom."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.print_title_rows = "1:1"
    for part, language in zip((sheet.oddHeader.left, sheet.oddHeader.right), LANGUAGES, strict=True):
        part.text = f"{source['policy'][language]} {source['revision'][language]}".replace("&", "&&")
    sheet.oddFooter.left.text = "&A"  # the sheet's name
    sheet.oddFooter.right.text = "&P / &N"


def xlsx_bytes(records: list[dict], columns: list[str], sheet: str, source: dict) -> bytes:
    """One sheet of the records under bilingual headings (frozen, with a filter), and a sheet naming the source;
    both set up to print."""
    book = Workbook()
    book.properties.title = " / ".join(f"{source['policy'][lang]} {label(sheet)[lang]}" for lang in LANGUAGES)
    book.properties.creator = " / ".join(label("site_name")[language] for language in LANGUAGES)
    table = book.active
    table.title = sheet_title(sheet)
    for number, column in enumerate(columns, start=1):
        put(table, 1, number, column_heading(column))
        table.cell(1, number).font = Font(bold=True)
        for row, record in enumerate(records, start=2):
            put(table, row, number, record[column])
        table.column_dimensions[get_column_letter(number)].width = column_width(records, column)
    table.freeze_panes = "A2"
    table.auto_filter.ref = table.dimensions
    about = book.create_sheet(sheet_title("source"))
    for row, key in enumerate(("policy", "revision"), start=1):
        for number, value in enumerate((column_heading(key), *(source[key][language] for language in LANGUAGES)), 1):
            put(about, row, number, value)
    for cells in about.columns:
        width = max(display_width(cell.value) for cell in cells) + 2
        about.column_dimensions[cells[0].column_letter].width = width
    for each in book.worksheets:
        fit_rows(each)
        print_setup(each, source)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_downloads(policy: Policy, site_dir: Path) -> list[Path]:
    folder = site_dir / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    source = {
        "policy": {"ja": policy.meta.title.ja, "en": policy.meta.title.en},
        "revision": {"ja": policy.meta.revision.ja, "en": policy.meta.revision.en},
    }
    written = []
    for name, records, columns in (
        ("competencies", competency_records(policy), COMPETENCY_COLUMNS),
        ("initiatives", initiative_records(policy), INITIATIVE_COLUMNS),
    ):
        (folder / f"{name}.csv").write_bytes(csv_bytes(records, columns))
        (folder / f"{name}.json").write_text(
            json.dumps({**source, name: records}, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        (folder / f"{name}.xlsx").write_bytes(xlsx_bytes(records, columns, name, source))
        written += [folder / f"{name}.{suffix}" for suffix in ("csv", "json", "xlsx")]
    return written
