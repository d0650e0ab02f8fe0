"""What no schema can check, across the files: each concern a function named for it.

- ids.py: every list's ids used once, and every reference to an id (a table of rules: rank → tier, initiative
  → theme, …) one of them;
- ranks.py: the orientations' order, tiers and competency tables agreeing with the ranks, the tables' nine
  groups and items, the rank overview's rows;
- initiatives.py: the themes' ids, the initiatives' numbers (file names, no gap);
- places.py: the texts' page references ('see') and the glossary's 'defined_in' point at a section or an
  initiative;
- indicators.py: the charts' scales.
"""

from __future__ import annotations

from pathlib import Path

from ...errors import Fault
from ...yaml_source import YamlDocument
from ..read import is_initiative
from . import ids, indicators, initiatives, places, ranks
from .report import Report


def cross_check(documents: dict[str, YamlDocument]) -> list[Fault]:
    """Every fault across the files; `documents` are every data file, each read and schema-checked cleanly."""
    report = Report(documents)
    known = ids.unique_ids(report)
    known["theme"] = initiatives.theme_ids(report)
    # The current initiatives' numbers: places a glossary term, an indicator, a page reference or a withdrawn
    # initiative's merged_into may point at (a withdrawn initiative is none of them).
    known["initiative"] = {
        Path(name).stem for name, data in report.data.items() if is_initiative(name) and "withdrawn" not in data
    }
    known["orientation order"] = set(ranks.ORIENTATION_ORDER)
    ids.references(report, known)
    ranks.orientation_order(report)
    ranks.tiers_and_tables_agree(report)
    ranks.competency_tables(report)
    ranks.rank_image_rows(report)
    initiatives.initiative_numbers(report)
    places.glossary_places(report, known["initiative"])
    indicators.chart_scales(report)
    places.page_references(report, known["initiative"])
    return report.faults
