"""What the test suite found about accessibility, written for the handbook's accessibility statement.

The browser tests run two rules engines (axe-core and IBM Equal Access) on the main kinds of page; other
tests check by their own means what the engines cannot (keyboard use, reflow, titles, language of parts).
At the end of a session that ran the engines, every finding goes to .cache/accessibility/results.json (not
tracked: a test run changes no file of the repository), which the build reads when it is there: the statement
shows what the last run of the suite found, not what someone wrote. A developer publishes a run in the
repository (for builds of a fresh checkout) by copying that file to handbook/accessibility/results.json.
"""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path

from handbook.accessibility_statement import LATEST_RESULTS as RESULTS
from handbook_testing import REPOSITORY

# The tests that check a success criterion by their own means, by test function name.
CRITERIA_OF_TESTS = {
    "test_explorer_with_the_keyboard_only": ["2.1.1", "2.1.2", "2.4.1", "2.4.3"],
    "test_comparison_picker_with_the_keyboard_only": ["2.1.1", "2.4.3", "3.3.1"],
    "test_axe_with_search_results_open": ["4.1.2"],
    "test_language_and_heading_outline": ["1.3.1", "2.4.6", "3.1.1"],
    "test_charts_have_a_text_alternative": ["1.1.1"],
    "test_no_page_scrolls_sideways_asks_for_what_is_missing_or_logs_an_error": ["1.4.4"],
    "test_every_text_is_in_the_language_its_element_says": ["3.1.2"],
    "test_every_japanese_page_has_a_japanese_title": ["2.4.2"],
    "test_no_page_repeats_an_id": ["4.1.1"],
    "test_every_page_is_valid_html": ["4.1.1"],
    "test_the_tables_stay_tables_at_every_width": ["1.3.1"],
    "test_every_circle_shows_its_number_and_meaning": ["1.3.1", "3.3.2", "4.1.2"],
}

# The name under which the engines' test hands its findings to record_engines (a property of its report).
ENGINES = "accessibility_engines"
_engines: dict = {}
_tests: dict[str, str] = {}


def record_engines(
    engines: dict[str, str], pages: list[str], widths: dict[str, dict[str, list[int]]], criteria: dict[str, dict]
) -> None:
    """The engines' findings: {criterion: {engine: {"passed": rule checks passed, "failed": violations}}}, and
    the screen widths at which each engine checked the pages of each language: {engine: {language: [px]}}."""
    _engines.update(engines=engines, pages=pages, widths=widths, criteria=criteria)


def record_test(name: str, outcome: str) -> None:
    if name in CRITERIA_OF_TESTS:
        _tests[name] = outcome if _tests.get(name, "passed") == "passed" else _tests[name]


def write() -> Path | None:
    """Write the results if this session ran the engines; returns the file written."""
    if not _engines:
        return None
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPOSITORY, capture_output=True, text=True)
    criteria = {number: {"engines": found, "tests": {}} for number, found in _engines["criteria"].items()}
    for name, outcome in sorted(_tests.items()):
        for number in CRITERIA_OF_TESTS[name]:
            criteria.setdefault(number, {"engines": {}, "tests": {}})["tests"][name] = outcome
    results = {
        "tested": datetime.date.today().isoformat(),
        "commit": commit.stdout.strip() if commit.returncode == 0 else None,
        "engines": _engines["engines"],
        "pages": _engines["pages"],
        "widths": _engines["widths"],
        "criteria": dict(sorted(criteria.items(), key=lambda item: [int(n) for n in item[0].split(".")])),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return RESULTS
