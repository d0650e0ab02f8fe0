"""SVG charts (handbook.charts): bar lengths on the chart's scale, a text alternative, escaped text."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from tiny_policy import build_tiny_policy

from handbook import charts
from handbook.model import LANGUAGES, Figure, FlowActor, FlowLink, Indicator, OutcomeTarget, RoleFlow, Section, Text

SVG = "{http://www.w3.org/2000/svg}"
PERCENT = Text("％", "%")
HOSTILE = 'R&D <b>bold</b> "quoted" <script>alert(1)</script>'


def parse(svg) -> ET.Element:
    """The chart as XML: fails if any text from the data was not escaped."""
    return ET.fromstring(str(svg))


def track_width(root: ET.Element) -> float:
    widths = {float(rect.get("width")) for rect in root.iter(f"{SVG}rect") if rect.get("class") == "bar-track"}
    assert len(widths) == 1, "every bar has a track of the full width"
    return widths.pop()


def bars(root: ET.Element) -> list[tuple[str, float]]:
    """(class, width) of each drawn bar, top to bottom."""
    return [
        (rect.get("class"), float(rect.get("width")))
        for rect in root.iter(f"{SVG}rect")
        if rect.get("class") != "bar-track"
    ]


def text_alternative(root: ET.Element) -> tuple[str, str]:
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    return title.text, desc.text


def indicator(scale: float, *values: float, label: str = "Age bands") -> Indicator:
    figures = [Figure(value, PERCENT, Text(f"帯{n}", f"Band {n}")) for n, value in enumerate(values, 1)]
    return Indicator("ages", Text("年齢構成", label), figures, scale=scale)


def test_an_indicator_of_scale_100_draws_50_as_half_the_width():
    root = parse(charts.values_svg(indicator(100, 50, 25, 100, 0), "en"))
    full = track_width(root)
    assert bars(root) == [("bar", full / 2), ("bar", full / 4), ("bar", full), ("bar", 0.0)]


def test_a_value_over_the_scale_is_capped_at_the_full_width():
    root = parse(charts.values_svg(indicator(100, 150, 100.5), "en"))
    full = track_width(root)
    assert bars(root) == [("bar", full), ("bar", full)]


@pytest.mark.parametrize(("scale", "value"), [(5, 3.2), (5, 4.0), (2, 1), (1000, 125), (7, 7)])
def test_bars_svg_draws_value_over_scale_of_the_full_width(scale, value):
    root = parse(charts.bars_svg("c", "Title", [("Label", Figure(value))], scale, "en"))
    [(css, width)] = bars(root)
    assert css == "bar"
    assert width == pytest.approx(track_width(root) * value / scale, abs=0.05)  # drawn to a tenth


def test_baseline_and_target_are_drawn_on_the_target_scale():
    target = OutcomeTarget(
        "engagement",
        "staff",
        Text("働きがい", "Engagement"),
        Text("働きがいの点数", "Engagement score"),
        Figure(3.2, None, None, Text("令和5年度", "FY2023")),
        Figure(4.0, None, None, Text("令和10年度", "FY2028")),
        scale=5,
    )
    root = parse(charts.baseline_target_svg(target, "en", "Baseline", "Target"))
    full = track_width(root)
    assert [css for css, _ in bars(root)] == ["bar bar-baseline", "bar bar-target"]
    assert [width for _, width in bars(root)] == pytest.approx([full * 3.2 / 5, full * 4.0 / 5], abs=0.05)
    title, desc = text_alternative(root)
    assert title == "Engagement score"
    assert desc == "Baseline FY2023: 3.2; Target FY2028: 4.0"  # as the table beside it (render.format_figure)
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "bar-label"]
    assert labels == ["Baseline FY2023", "Target FY2028"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_values_chart_has_a_title_and_a_description_with_the_figures(language):
    chart = indicator(100, 50, 25)
    root = parse(charts.values_svg(chart, language))
    title, desc = text_alternative(root)
    assert title == chart.label[language]
    unit = PERCENT[language]
    assert desc == "; ".join(f"{value.label[language]}: {value.value}{unit}" for value in chart.values)
    shown = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "bar-value"]
    assert shown == [f"{value.value}{unit}" for value in chart.values]
    assert root.get("aria-labelledby") == "chart-ages-title chart-ages-desc"


def test_bars_svg_escapes_its_text():
    root = parse(charts.bars_svg("x", HOSTILE, [(HOSTILE, Figure(1, Text("<u>", "<u>")))], 2, "en"))
    title, desc = text_alternative(root)
    assert title == HOSTILE
    assert desc.startswith(HOSTILE + ": 1")
    assert " ".join(t.text for t in root.iter(f"{SVG}text") if t.get("class") == "bar-label") == HOSTILE
    assert {element.tag for element in root.iter()} <= {
        f"{SVG}{tag}" for tag in ("svg", "title", "desc", "rect", "text")
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_data_text_in_indicator_charts_cannot_inject_markup(language):
    target = OutcomeTarget(
        "t",
        "staff",
        Text(HOSTILE, HOSTILE),
        Text(HOSTILE, HOSTILE),
        Figure(1, None, None, Text(HOSTILE, HOSTILE)),
        Figure(2),
        scale=4,
    )
    for svg in (
        charts.values_svg(indicator(100, 50, 25, label=HOSTILE), language),
        charts.baseline_target_svg(target, language, "Baseline", "Target"),
    ):
        assert "<script" not in svg and "<b>" not in svg
        root = parse(svg)
        assert {element.tag for element in root.iter()} <= {
            f"{SVG}{tag}" for tag in ("svg", "title", "desc", "rect", "text")
        }


def test_indicator_chart_text_reads_as_written():
    raw = "Staff's R&D score"
    target = OutcomeTarget(
        "t", "staff", Text(raw, raw), Text(raw, raw), Figure(1, None, None, Text(raw, raw)), Figure(2), 4
    )
    for svg in (
        charts.values_svg(indicator(100, 50, 25, label=raw), "en"),
        charts.baseline_target_svg(target, "en", "Baseline", "Target"),
    ):
        title, desc = text_alternative(parse(svg))
        assert title == raw
    labels = [
        t.text
        for t in parse(charts.baseline_target_svg(target, "en", "Baseline", "Target")).iter(f"{SVG}text")
        if t.get("class") == "bar-label"
    ]
    assert labels[0] == f"Baseline {raw}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_katz_chart_has_a_text_alternative_naming_each_level(language):
    katz = build_tiny_policy().ranks_section.katz_model
    root = parse(charts.katz_svg(katz, language))
    title, desc = text_alternative(root)
    assert title == katz.title[language]
    assert desc == " ".join(f"{level.label[language]}: {level.skill.name[language]}" for level in katz.levels)
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "katz-label"]
    assert labels == [katz.skills[s].figure_label[language] for s in ("conceptual", "human", "technical")]


def role_flow(*links: tuple[str, str, str]) -> RoleFlow:
    """A role flow of the Mayor, the Deputy Mayor and three ranks A, B, C (C's name hostile), with these links
    (from, to, words)."""
    names = {"mayor": "市長", "deputy": "副市長", "a": "甲", "b": "乙", "c": HOSTILE}
    actors = {key: FlowActor(key, Text(name, name), None, n) for n, (key, name) in enumerate(names.items())}
    for source, target, words in links:
        actors[source].links.append(FlowLink(actors[source], actors[target], Text(words, words)))
    section = Section("09", Text("役割の流れ", "Role flow"), "role-flow.md")
    return RoleFlow(section, list(actors.values()), [], [])


LADDER = [
    ("mayor", "a", "指示"), ("deputy", "a", "指示"), ("a", "mayor", "報告"), ("a", "deputy", "報告"),
    ("a", "b", "調整／指示"), ("b", "a", "報告"),
]  # fmt: skip


def arrows(root: ET.Element) -> list[tuple[float, float, float]]:
    """(x, from y, to y) of each arrow."""
    return [
        (float(line.get("x1")), float(line.get("y1")), float(line.get("y2")))
        for line in root.iter(f"{SVG}line")
        if line.get("class") == "ladder-arrow"
    ]


def test_actors_tied_alike_share_a_row_and_others_keep_their_own():
    rows = charts.ladder_rows(role_flow(*LADDER))
    assert [[actor.id for actor in row] for row in rows] == [["mayor", "deputy"], ["a"], ["b"], ["c"]]
    rows = charts.ladder_rows(role_flow(*LADDER[:-1], ("mayor", "b", "指示")))  # the Mayor now instructs B too
    assert [[actor.id for actor in row] for row in rows] == [["mayor"], ["deputy"], ["a"], ["b"], ["c"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ladder_draws_instructions_down_on_the_left_and_reports_up_on_the_right(language):
    root = parse(charts.ladder_svg(role_flow(*LADDER), language, "："))
    middle = float(root.get("width")) / 2
    drawn = arrows(root)
    # the Mayor's and the Deputy Mayor's arrows are one each way, as they share a row
    assert len(drawn) == 4
    assert all((x < middle) == (y_from < y_to) for x, y_from, y_to in drawn), "down on the left, up on the right"
    texts = [text.text for text in root.iter(f"{SVG}text")]
    assert texts.count("指示") == 1 and texts.count("報告") == 2 and texts.count("調整／指示") == 1
    assert HOSTILE in texts, "the names are drawn as text, escaped"
    title, description = text_alternative(root)
    assert title == ("役割の流れ" if language == "ja" else "Role flow")
    assert description.count("→") == len(LADDER), "each link is in the text alternative"
    assert "市長 → 甲：指示" in description


def test_an_arrow_that_passes_a_row_runs_clear_of_the_boxes():
    root = parse(charts.ladder_svg(role_flow(("a", "c", "指示")), "en", ": "))
    boxes = [rect for rect in root.iter(f"{SVG}rect") if rect.get("class") == "ladder-box"]
    left_edge = min(float(rect.get("x")) for rect in boxes)
    ((x, _, _),) = arrows(root)
    assert x < left_edge


def test_katz_level_labels_stand_on_short_lines_within_their_column():
    katz = build_tiny_policy().ranks_section.katz_model
    long = Text(
        "管理職（局長級）（部長級）（課長級）",
        "Management (Bureau Director level, Department Director level, Section Manager level)",
    )
    katz.levels[0].label = long
    for language, lines in (
        ("ja", ["管理職", "（局長級）（部長級）（課長級）"]),
        ("en", ["Management", "(Bureau Director level,", "Department Director level,", "Section Manager level)"]),
    ):
        root = parse(charts.katz_svg(katz, language))
        levels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "katz-level"]
        assert levels[: len(lines)] == lines
        grid_left = min(float(line.get("x1")) for line in root.iter(f"{SVG}line"))
        assert all(charts._text_width(text, 13) < grid_left for text in levels), "every line ends before the chart"
