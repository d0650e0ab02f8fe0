"""The areas' themes (each id once) and the initiatives' files: each named by its number, numbered from 001
without a gap."""

from __future__ import annotations

from pathlib import Path

from ...addresses import INITIATIVE_DIR
from ...errors import Fault, Words
from ..read import is_initiative
from .report import Report


def theme_ids(report: Report) -> set:
    """The themes' ids across all areas; an id used twice is a fault."""
    ids: set = set()
    for i, area in enumerate(report.data["areas.yml"]["areas"]):
        for j, theme in enumerate(area["themes"]):
            if theme["id"] in ids:
                report.fault(
                    "areas.yml",
                    ("areas", i, "themes", j, "id"),
                    Words(
                        f"テーマの id「{theme['id']}」が2回使われています。",
                        f"the theme id '{theme['id']}' is used twice.",
                    ),
                    Words("テーマにはそれぞれ別の id を付けてください。", "Give each theme its own id."),
                )
            ids.add(theme["id"])
    return ids


def initiative_numbers(report: Report) -> None:
    """Each initiative's number is its file's name, and the numbers run from 001 without a gap."""
    numbers = set()
    for name, data in report.data.items():
        if not is_initiative(name):
            continue
        expected = Path(name).stem
        if data["number"] != expected:
            report.fault(
                name,
                ("number",),
                Words(
                    f"ファイル名は {expected}.yml ですが、中の番号は「{data['number']}」です。",
                    f"the file is named {expected}.yml but its number is '{data['number']}'.",
                ),
                Words(
                    f'ファイル名と番号をそろえてください（number: "{expected}"）。',
                    f'Make the file name and the number agree (number: "{expected}").',
                ),
            )
        numbers.add(data["number"])
    gaps = [f"{n:03d}" for n in range(1, len(numbers) + 1) if f"{n:03d}" not in numbers]
    if gaps:
        report.faults.append(
            Fault(
                f"policy_data/{INITIATIVE_DIR}",
                None,
                "",
                Words(
                    f"取組の番号は 001 から抜けなく続ける決まりです。抜けている番号: {', '.join(gaps)}",
                    f"the initiatives must be numbered from 001 without gaps; missing: {', '.join(gaps)}.",
                ),
                Words(
                    "取組のファイルは消さずに戻してください。廃止・統合する取組は、ファイルを残して withdrawn: を"
                    "書きます（CONTRIBUTING.md「例7 取組を廃止・統合する」）。番号を付け直すと、ほかの取組のページの"
                    "住所が変わってしまいます。",
                    "Restore the file: an initiative that is withdrawn or merged keeps its file, with withdrawn: in it "
                    "(CONTRIBUTING.en.md, Example 7). Renumbering would move the other initiatives' addresses.",
                ),
            )
        )
