"""Every chart of the indicators (07) needs the full length of its bars (its scale), and no figure may exceed it."""

from __future__ import annotations

from ...errors import Words
from .report import Report


def _charted(values: list[dict]) -> bool:
    """An indicator is drawn as bars when it has several values of one unit (see model.Indicator.charted)."""
    units = {str(value.get("unit")) for value in values}
    return len(values) > 1 and len(units) == 1


def chart_scales(report: Report) -> None:
    indicators = report.data["indicators.yml"]
    charted = [("basics", i, b, b["values"]) for i, b in enumerate(indicators["basics"]) if _charted(b["values"])]
    charted += [
        ("outcome_targets", i, o, [o["baseline"], o["target"]]) for i, o in enumerate(indicators["outcome_targets"])
    ]
    for part, i, indicator, figures in charted:
        scale = indicator.get("scale")
        if scale is None:
            report.fault(
                "indicators.yml",
                (part, i, "id"),
                Words(
                    f"指標「{indicator['id']}」はグラフで描きますが、「scale」がありません。",
                    f"the indicator '{indicator['id']}' is drawn as a chart but has no 'scale'.",
                ),
                Words(
                    "グラフの棒の最大値を数値の単位で「scale:」に書いてください（割合なら 100、５段階評価なら 5）。",
                    "Add 'scale:' with the full length of its bars in the unit of its figures "
                    "(100 for a percentage, 5 for a five-point score).",
                ),
            )
            continue
        for figure in figures:
            if figure["value"] > scale:
                report.fault(
                    "indicators.yml",
                    (part, i, "scale"),
                    Words(
                        f"指標「{indicator['id']}」の数値 {figure['value']} が scale の {scale} を超えています。",
                        f"the figure {figure['value']} of '{indicator['id']}' is larger than its scale {scale}.",
                    ),
                    Words(
                        "「scale」はその数値がとりうる最大の値にしてください。",
                        "Make 'scale' the largest value the figure can take.",
                    ),
                )
