"""Data downloads: the competencies and the initiatives as CSV (UTF-8 with BOM, so Excel reads the
Japanese) and JSON, both languages in each file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .model import Policy

DOWNLOADS = "downloads"
COMPETENCY_COLUMNS = [
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
    for rank, item in policy.competency_items:
        group = item.group
        orientation = policy.orientation_name(group.orientation)
        records.append(
            {
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
        written += [folder / f"{name}.csv", folder / f"{name}.json"]
    return written
