"""The HR indicators and their targets, each chart with its figures as a table."""

from __future__ import annotations

from .. import addresses
from ..render import text_in
from ..ui import label
from . import PageKind


def _context(renderer, spec) -> dict:
    """Each chart's rows as (label, figure), for the table under the chart."""
    language = renderer.language

    def figure_rows(indicator):
        return [(text_in(value.label, language), value) for value in indicator.values]

    def target_rows(target):
        rows = []
        for figure, word in ((target.baseline, label("baseline")), (target.target, label("target"))):
            rows.append((f"{word[language]} {text_in(figure.year, language)}".strip(), figure))
        return rows

    return {"figure_rows": figure_rows, "target_rows": target_rows}


KINDS = [PageKind("indicators", 12, path=addresses.INDICATORS, context=_context, scripts=("tables",))]
