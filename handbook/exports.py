"""Data downloads: the competencies and the initiatives as CSV (UTF-8 with BOM, so Excel reads the
Japanese), JSON and an Excel workbook (headings in both languages, "001" kept as text, a filter on the
heading row), both languages in each file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .model import Policy
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
        }
        for i in policy.initiatives
    ]


def csv_bytes(records: list[dict], columns: list[str]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(records)
    return buffer.getvalue().encode("utf-8-sig")


# Column widths in Excel's characters: long texts wrap in a wide column, the rest fit their content.
LONG_COLUMNS = {"description_ja": 60, "description_en": 60, "text_ja": 60, "text_en": 60}
NARROW, WIDE = 8, 28


def column_heading(column: str) -> str:
    """The heading a reader sees in the workbook: 「職位（日本語） / Rank (Japanese)」 for rank_ja."""
    heading = label(f"column_{column}")
    return f"{heading.ja} / {heading.en}"


def sheet_title(key: str) -> str:
    """A sheet's name in both languages (Excel forbids "/" in it and cuts it at 31 characters)."""
    return f"{label(key).ja} {label(key).en}"[:31]


def xlsx_bytes(records: list[dict], columns: list[str], sheet: str, source: dict) -> bytes:
    """One sheet of the records under bilingual headings (frozen, with a filter), and a sheet naming the source."""
    book = Workbook()
    table = book.active
    table.title = sheet_title(sheet)
    table.append([column_heading(column) for column in columns])
    for record in records:
        table.append([record[column] for column in columns])  # strings stay strings: "001" is not 1
    for cell in table[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for number, column in enumerate(columns, start=1):
        letter = get_column_letter(number)
        table.column_dimensions[letter].width = LONG_COLUMNS.get(column, NARROW if column.endswith("order") else WIDE)
        if column in LONG_COLUMNS:
            for (cell,) in table.iter_rows(min_row=2, min_col=number, max_col=number):
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    table.freeze_panes = "A2"
    table.auto_filter.ref = table.dimensions
    about = book.create_sheet(sheet_title("source"))
    for key in ("policy", "revision"):
        about.append([column_heading(key), source[key]["ja"], source[key]["en"]])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_downloads(policy: Policy, site_dir: Path) -> list[Path]:
    folder = site_dir / DOWNLOADS
    folder.mkdir(parents=True, exist_ok=True)
    source = {
        "policy": {"ja": policy.meta["title"].ja, "en": policy.meta["title"].en},
        "revision": {"ja": policy.meta["revision"].ja, "en": policy.meta["revision"].en},
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
