"""SVG charts drawn at build time from the data, so they print and need no script from anywhere.

Each chart carries its own text alternative (role="img" with a title and a description), and all text
in it comes from the data, escaped.
"""
from __future__ import annotations

from html import escape

from markupsafe import Markup

from .model import Text


def _t(value, language: str) -> str:
    return escape(value[language] if isinstance(value, Text) else str(value))


def katz_svg(katz: dict, language: str) -> Markup:
    """The Katz model as the policy describes it: conceptual skills weigh most at the top, technical skills
    at the bottom, human skills at every level. Drawn as two triangles and a band; no proportions are
    implied beyond that ordering."""
    levels = katz["levels"]
    skills = {s["id"]: s for s in katz["skills"]}
    width, height, left = 640, 60 * len(levels), 260
    band = width - left
    title = _t(katz["title"], language)
    description = " ".join(f"{_t(level['label'], language)}: {_t(skills[level['skill']]['name'], language)}"
                           for level in levels)
    parts = [f'<svg class="katz-chart" viewBox="0 0 {width} {height + 10}" role="img" '
             f'aria-labelledby="katz-title katz-desc" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="katz-title">{title}</title><desc id="katz-desc">{description}</desc>']
    for index, level in enumerate(levels):
        y = index * 60
        parts.append(f'<text x="0" y="{y + 34}" class="katz-level">{_t(level["label"], language)}</text>')
        parts.append(f'<line x1="{left}" y1="{y}" x2="{width}" y2="{y}" class="katz-grid"/>')
    # conceptual: wide at the top, nothing at the bottom; technical: the mirror; human: the band between
    parts.append(f'<polygon points="{left},0 {left + band * 0.45},0 {left},{height}" class="katz-conceptual"/>')
    parts.append(f'<polygon points="{width},0 {width},{height} {width - band * 0.45},{height}" class="katz-technical"/>')
    parts.append(f'<polygon points="{left + band * 0.45},0 {width},0 {width - band * 0.45},{height} {left},{height}" class="katz-human"/>')
    for skill_id, x, y in (("conceptual", left + 8, 22), ("human", left + band * 0.5 - 40, height / 2 + 5),
                           ("technical", width - 8, height - 10)):
        anchor = "end" if skill_id == "technical" else "start"
        label = _t(skills[skill_id].get("figure_label") or skills[skill_id]["name"], language)
        parts.append(f'<text x="{x}" y="{y}" text-anchor="{anchor}" class="katz-label">{label}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))
