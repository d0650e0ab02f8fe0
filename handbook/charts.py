"""SVG charts drawn at build time from the data, so they print and need no script from anywhere.

Each chart carries its own text alternative (role="img" with a title and a description), and all text
in it comes from the data, escaped.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from .model import Figure, Indicator, KatzModel, OutcomeTarget, Text


def _t(value, language: str) -> str:
    """The plain text of a data value; callers escape it where it enters the SVG."""
    return value[language] if isinstance(value, Text) else str(value)


def katz_svg(katz: KatzModel, language: str) -> Markup:
    """The Katz model as the policy describes it: conceptual skills weigh most at the top, technical skills
    at the bottom, human skills at every level. Drawn as two triangles and a band; no proportions are
    implied beyond that ordering."""
    levels = katz.levels
    width, height, left = 640, 60 * len(levels), 260
    band = width - left
    title = escape(_t(katz.title, language))
    description = escape(" ".join(f"{_t(level.label, language)}: {_t(level.skill.name, language)}" for level in levels))
    parts = [
        f'<svg class="katz-chart" viewBox="0 0 {width} {height + 10}" role="img" '
        f'aria-labelledby="katz-title katz-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="katz-title">{title}</title><desc id="katz-desc">{description}</desc>',
    ]
    for index, level in enumerate(levels):
        y = index * 60
        parts.append(f'<text x="0" y="{y + 34}" class="katz-level">{escape(_t(level.label, language))}</text>')
        parts.append(f'<line x1="{left}" y1="{y}" x2="{width}" y2="{y}" class="katz-grid"/>')
    # conceptual: wide at the top, nothing at the bottom; technical: the mirror; human: the band between
    parts.append(f'<polygon points="{left},0 {left + band * 0.45},0 {left},{height}" class="katz-conceptual"/>')
    parts.append(
        f'<polygon points="{width},0 {width},{height} {width - band * 0.45},{height}" class="katz-technical"/>'
    )
    parts.append(
        f'<polygon points="{left + band * 0.45},0 {width},0 {width - band * 0.45},{height} {left},{height}" '
        'class="katz-human"/>'
    )
    for skill_id, x, y in (
        ("conceptual", left + 8, 22),
        ("human", left + band * 0.5 - 40, height / 2 + 5),
        ("technical", width - 8, height - 10),
    ):
        anchor = "end" if skill_id == "technical" else "start"
        label = escape(_t(katz.skills[skill_id].figure_label, language))
        parts.append(f'<text x="{x}" y="{y}" text-anchor="{anchor}" class="katz-label">{label}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


def _unit(unit, language: str) -> str:
    return "" if unit is None else _t(unit, language)


def bars_svg(
    chart_id: str,
    title: str,
    rows: list[tuple[str, Figure]],
    scale: float,
    language: str,
    classes: list[str] | None = None,
) -> Markup:
    """Horizontal bars, one per (label, figure), `scale` being a full bar. Each label stands above its bar and
    the figure after it, so the chart stays narrow enough to scale down to a phone without tiny text."""
    bar_width, value_width, row_height = 240, 80, 50
    height = row_height * len(rows)
    description = "; ".join(f"{label}: {_number(f.value)}{_unit(f.unit, language)}" for label, f in rows)
    parts = [
        f'<svg class="bar-chart" viewBox="0 0 {bar_width + value_width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for index, (label, figure) in enumerate(rows):
        y = index * row_height
        length = bar_width * min(float(figure.value) / scale, 1.0)
        css = (classes or ["bar"] * len(rows))[index]
        parts.append(f'<text x="0" y="{y + 16}" class="bar-label">{escape(label)}</text>')
        parts.append(f'<rect x="0" y="{y + 23}" width="{bar_width}" height="20" class="bar-track"/>')
        parts.append(f'<rect x="0" y="{y + 23}" width="{length:.1f}" height="20" class="{css}"/>')
        parts.append(
            f'<text x="{bar_width + 6}" y="{y + 39}" class="bar-value">'
            f"{escape(_number(figure.value) + _unit(figure.unit, language))}</text>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))


def baseline_target_svg(target: OutcomeTarget, language: str, baseline_label: str, target_label: str) -> Markup:
    """One outcome target: its baseline and its target as two bars on the indicator's scale."""
    rows = []
    for figure, word in ((target.baseline, baseline_label), (target.target, target_label)):
        year = _t(figure.year, language) if figure.year else ""
        rows.append((f"{word} {year}".strip(), figure))
    return bars_svg(
        f"chart-{target.id}",
        _t(target.label, language),
        rows,
        target.scale,
        language,
        ["bar bar-baseline", "bar bar-target"],
    )


def values_svg(indicator: Indicator, language: str) -> Markup:
    """An HR figure with several labelled values of one unit (age bands, men and women, …)."""
    rows = [(_t(v.label, language) if v.label else "", v) for v in indicator.values]
    return bars_svg(f"chart-{indicator.id}", _t(indicator.label, language), rows, indicator.scale, language)
