"""SVG charts drawn at build time from the data, so they print and need no script from anywhere.

Each chart carries its own text alternative (role="img" with a title and a description), and all text
in it comes from the data, escaped.
"""

from __future__ import annotations

from html import escape

from markupsafe import Markup

from .model import Figure, FlowActor, Indicator, KatzModel, OutcomeTarget, RoleFlow, Text
from .numbers import format_number


def _t(value, language: str) -> str:
    """The plain text of a data value; callers escape it where it enters the SVG."""
    return value[language] if isinstance(value, Text) else str(value)


def _text_width(text: str, size: float) -> float:
    """About how wide a text is drawn: a full-width character is as wide as the font is high, others about
    three fifths of it (bold Latin)."""
    return sum(size if ord(c) > 0x2E80 else size * 0.6 for c in text)


def _level_lines(label: str) -> list[str]:
    """A level's label on short lines: its name, then the ranks in brackets (「管理職」「（局長級）（部長級）…」,
    "Management", "(Bureau Director level,", "Department Director level, …)")."""
    head, bracket, rest = label.partition("（" if "（" in label else "(")
    if not bracket:
        return [label]
    if bracket == "（":
        return [head.strip(), bracket + rest]
    *ranks, last = (bracket + rest).split(", ")
    return [head.strip(), *(rank + "," for rank in ranks), last]


def katz_svg(katz: KatzModel, language: str) -> Markup:
    """The Katz model as the policy describes it: conceptual skills weigh most at the top, technical skills
    at the bottom, human skills at every level. Drawn as two triangles and a band; no proportions are
    implied beyond that ordering. Each level's label stands on short lines beside its row; the chart is drawn
    at its own size (text as large as the page's), smaller only where the screen is narrower."""
    levels = katz.levels
    size, line = 13, 17
    lines = [_level_lines(_t(level.label, language)) for level in levels]
    left = max(_text_width(text, size) for group in lines for text in group) + 16
    row = max(60, line * max(map(len, lines)) + 14)
    band = 380
    width, height = left + band, row * len(levels)
    title = escape(_t(katz.title, language))
    description = escape(" ".join(f"{_t(level.label, language)}: {_t(level.skill.name, language)}" for level in levels))
    parts = [
        f'<svg class="katz-chart" width="{width:g}" height="{height + 10:g}" viewBox="0 0 {width:g} {height + 10:g}" '
        f'role="img" aria-labelledby="katz-title katz-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="katz-title">{title}</title><desc id="katz-desc">{description}</desc>',
    ]
    for index, group in enumerate(lines):
        top = index * row + (row - line * len(group)) / 2 + size
        for n, text in enumerate(group):
            parts.append(f'<text x="0" y="{top + n * line:g}" class="katz-level">{escape(text)}</text>')
        parts.append(f'<line x1="{left:g}" y1="{index * row}" x2="{width:g}" y2="{index * row}" class="katz-grid"/>')
    # conceptual: wide at the top, nothing at the bottom; technical: the mirror; human: the band between
    parts.append(f'<polygon points="{left:g},0 {left + band * 0.45:g},0 {left:g},{height}" class="katz-conceptual"/>')
    parts.append(
        f'<polygon points="{width:g},0 {width:g},{height} {width - band * 0.45:g},{height}" class="katz-technical"/>'
    )
    parts.append(
        f'<polygon points="{left + band * 0.45:g},0 {width:g},0 {width - band * 0.45:g},{height} {left:g},{height}" '
        'class="katz-human"/>'
    )
    for skill_id, x, y in (
        ("conceptual", left + 8, 22),
        ("human", left + band * 0.5 - 40, height / 2 + 5),
        ("technical", width - 8, height - 10),
    ):
        anchor = "end" if skill_id == "technical" else "start"
        label = escape(_t(katz.skills[skill_id].figure_label, language))
        parts.append(f'<text x="{x:g}" y="{y:g}" text-anchor="{anchor}" class="katz-label">{label}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def ladder_rows(flow: RoleFlow) -> list[list[FlowActor]]:
    """The role flow's actors from the top, one row each, except that neighbours linked to the same actors
    by the same words (the Mayor and the Deputy Mayor) share a row: their arrows are then one."""

    ties: dict[str, set] = {actor.id: set() for actor in flow.actors}
    for actor in flow.actors:
        for link in actor.links:
            ties[link.source.id].add(("to", link.target.id, link.label.ja))
            ties[link.target.id].add(("from", link.source.id, link.label.ja))

    rows: list[list[FlowActor]] = []
    for actor in sorted(flow.actors, key=lambda a: a.position):
        if rows and ties[actor.id] and ties[actor.id] == ties[rows[-1][-1].id]:
            rows[-1].append(actor)
        else:
            rows.append([actor])
    return rows


def ladder_svg(flow: RoleFlow, language: str, colon: str) -> Markup:
    """The role flow as a ladder: a box per actor, top to bottom; each link an arrow beside the boxes, the
    downward ones (instructions) on the left, the upward ones (reports) on the right, worded from the data.
    Actors sharing a row are joined by a bar, from which their arrows start."""
    rows = ladder_rows(flow)
    row_of = {actor.id: index for index, row in enumerate(rows) for actor in row}
    name_size, label_size, box_height, join = 16, 15, 38, 10
    box_width = max(150, max(_text_width(_t(a.name, language), name_size) for a in flow.actors) + 28)
    # one arrow per (from row, to row, words): the Mayor's and the Deputy Mayor's instructions are one arrow
    arrows: dict[tuple[int, int, str], Text] = {}
    for actor in flow.actors:
        for link in actor.links:
            arrows.setdefault((row_of[link.source.id], row_of[link.target.id], link.label.ja), link.label)
    # an English label breaks after its slash ("Coordination /" "instructions"); a Japanese one is short
    lines_of = {
        key: _t(words, language).split(" / ") if language != "ja" else [words.ja] for key, words in arrows.items()
    }

    def beside(start: int, end: int) -> float:
        """How far from the middle an arrow runs: beside the boxes' middle to the next row, further out (clear
        of the boxes) when it passes rows."""
        return 40 if abs(end - start) == 1 else box_width / 2 + 20 * abs(end - start)

    label_reach = [
        beside(start, end) + 8 + _text_width(line + " /", label_size)
        for (start, end, _), lines in lines_of.items()
        for line in lines
    ]
    reach = max([box_width / 2 + 4, *label_reach])
    width = 2 * reach + 8
    middle = width / 2
    crossed = {gap for start, end, _ in arrows for gap in range(min(start, end), max(start, end))}
    shared = [len(row) > 1 for row in rows]
    tops, y = [], 4.0
    for index in range(len(rows)):
        tops.append(y)
        y += box_height + (60 + join * (shared[index] + shared[index + 1]) if index in crossed else 18)
    height = tops[-1] + box_height + 4
    title = escape(_t(flow.section.title, language))
    description = escape(
        "; ".join(
            f"{_t(link.source.name, language)} → {_t(link.target.name, language)}{colon}{_t(link.label, language)}"
            for actor in flow.actors
            for link in actor.links
        )
    )
    parts = [
        f'<svg class="ladder-chart" width="{width:g}" height="{height:g}" viewBox="0 0 {width:g} {height:g}" '
        f'role="img" aria-labelledby="ladder-title ladder-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="ladder-title">{title}</title><desc id="ladder-desc">{description}</desc>',
        '<defs><marker id="ladder-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="ladder-head"/></marker></defs>',
    ]
    for index, row in enumerate(rows):
        top = tops[index]
        share = (box_width * 1.3 - 12 * (len(row) - 1)) / len(row) if shared[index] else box_width
        left = middle - (share * len(row) + 12 * (len(row) - 1)) / 2
        centres = []
        for n, actor in enumerate(row):
            x = left + n * (share + 12)
            centres.append(x + share / 2)
            parts.append(
                f'<rect x="{x:g}" y="{top:g}" width="{share:g}" height="{box_height}" rx="5" class="ladder-box"/>'
            )
            parts.append(
                f'<text x="{x + share / 2:g}" y="{top + box_height / 2 + 5:g}" text-anchor="middle" '
                f'class="ladder-name">{escape(_t(actor.name, language))}</text>'
            )
        if shared[index]:  # the bar that joins the row, above and below where arrows meet it
            for near, far in ((top, top - join), (top + box_height, top + box_height + join)):
                if index - (far < near) in crossed:
                    ends = (min(centres[0], middle - 40), max(centres[-1], middle + 40))
                    parts += [
                        f'<line x1="{c:g}" y1="{near:g}" x2="{c:g}" y2="{far:g}" class="ladder-join"/>' for c in centres
                    ]
                    parts.append(
                        f'<line x1="{ends[0]:g}" y1="{far:g}" x2="{ends[1]:g}" y2="{far:g}" class="ladder-join"/>'
                    )
    for start, end, key in arrows:
        down = end > start
        x = middle + (-1 if down else 1) * beside(start, end)
        lower, upper = (start, end) if down else (end, start)
        y_upper = tops[lower] + box_height + (join if shared[lower] else 0)
        y_lower = tops[upper] - (join if shared[upper] else 0)
        y_from, y_to = (y_upper, y_lower) if down else (y_lower, y_upper)
        parts.append(
            f'<line x1="{x:g}" y1="{y_from:g}" x2="{x:g}" y2="{y_to:g}" class="ladder-arrow" '
            'marker-end="url(#ladder-head)"/>'
        )
        anchor, offset = ("end", -8) if down else ("start", 8)
        lines = lines_of[(start, end, key)]
        y_text = (y_from + y_to) / 2 + 5 - 9 * (len(lines) - 1)
        for n, line in enumerate(lines):
            shown = line + " /" if n < len(lines) - 1 else line
            parts.append(
                f'<text x="{x + offset:g}" y="{y_text + 18 * n:g}" text-anchor="{anchor}" class="ladder-label">'
                f"{escape(shown)}</text>"
            )
    parts.append("</svg>")
    return Markup("".join(parts))


def _number(value) -> str:
    return format_number(value)  # as the data writes it, as in the table beside the chart


def _unit(unit, language: str) -> str:
    return "" if unit is None else _t(unit, language)


def _wrapped(text: str, size: float, room: float) -> list[str]:
    """A label on as many lines as it needs to fit `room`: between words, or anywhere in Japanese."""
    lines: list[str] = []
    for word in text.split(" ") if " " in text else list(text):
        joined = f"{lines[-1]} {word}" if lines and " " in text else (lines[-1] + word if lines else word)
        if lines and _text_width(joined, size) <= room:
            lines[-1] = joined
        else:
            lines.append(word)
    return lines or [""]


def bars_svg(
    chart_id: str,
    title: str,
    rows: list[tuple[str, Figure]],
    scale: float,
    language: str,
    classes: list[str] | None = None,
) -> Markup:
    """Horizontal bars, one per (label, figure), `scale` being a full bar. Each label stands above its bar (on
    more lines if it is long) and the figure after it, so the chart stays narrow enough for a phone; it is
    drawn at its own size, its text as large as the page's."""
    bar_width, value_width, size, line = 340, 100, 16, 19
    labels = [_wrapped(label, size, bar_width + value_width) for label, _ in rows]
    height = sum(line * len(lines) + 32 for lines in labels)
    description = "; ".join(f"{label}: {_number(f.value)}{_unit(f.unit, language)}" for label, f in rows)
    parts = [
        f'<svg class="bar-chart" width="{bar_width + value_width}" height="{height}" '
        f'viewBox="0 0 {bar_width + value_width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title><desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    y = 0
    for index, ((_, figure), lines) in enumerate(zip(rows, labels, strict=True)):
        length = bar_width * min(float(figure.value) / scale, 1.0)
        css = (classes or ["bar"] * len(rows))[index]
        for n, text in enumerate(lines):
            parts.append(f'<text x="0" y="{y + 16 + n * line}" class="bar-label">{escape(text)}</text>')
        bar = y + line * len(lines) + 4
        parts.append(f'<rect x="0" y="{bar}" width="{bar_width}" height="20" class="bar-track"/>')
        parts.append(f'<rect x="0" y="{bar}" width="{length:.1f}" height="20" class="{css}"/>')
        parts.append(
            f'<text x="{bar_width + 6}" y="{bar + 16}" class="bar-value">'
            f"{escape(_number(figure.value) + _unit(figure.unit, language))}</text>"
        )
        y += line * len(lines) + 32
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
