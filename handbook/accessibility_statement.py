"""The handbook's accessibility statement, from the success criteria of JIS X 8341-3:2016 (A and AA) and the
results of the test suite's last run (see LATEST_RESULTS): what was checked, how, and with what result.
Nothing here is written by hand except the criteria's names and the checks no test performs."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from .data import REPOSITORY
from .model import Text

FOLDER = Path(__file__).with_name("accessibility")
# What the engines and tests found: the latest run of the test suite in this checkout (written under the
# untracked .cache/, so that running the tests changes no tracked file), else the run a developer published in
# the repository by copying that file to handbook/accessibility/results.json.
LATEST_RESULTS = REPOSITORY / ".cache" / "accessibility" / "results.json"
PUBLISHED_RESULTS = FOLDER / "results.json"


@dataclass(frozen=True)
class Check:
    """One way a criterion was checked: an engine (with how many of its checks passed and failed), one of
    the suite's tests, or a check by hand."""

    kind: str  # engine | test | manual
    name: str
    passed: int = 0
    failed: int = 0
    description: Text | None = None


@dataclass(frozen=True)
class CriterionResult:
    number: str
    level: str
    name: Text
    applies: bool
    reason: Text | None
    checks: list[Check]

    @property
    def result(self) -> str:
        """pass | fail | not-applicable | not-tested"""
        if not self.applies:
            return "not-applicable"
        if any(check.failed for check in self.checks):
            return "fail"
        return "pass" if self.checks else "not-tested"


@dataclass(frozen=True)
class Statement:
    tested: str | None  # date of the test run, ISO
    commit: str | None
    engines: dict[str, str]
    pages: list[str]
    widths: dict[str, dict[str, list[int]]]  # {engine: {language: screen widths in px}}
    criteria: list[CriterionResult]

    def widths_of(self, engine: str) -> list[tuple[list[str], list[int]]]:
        """The widths at which an engine checked the pages, with the languages of those pages:
        [(languages, widths)], one entry when it checked both languages at the same widths."""
        grouped: dict[tuple[int, ...], list[str]] = {}
        for language, widths in self.widths.get(engine, {}).items():
            grouped.setdefault(tuple(widths), []).append(language)
        return [(languages, list(widths)) for widths, languages in grouped.items()]

    @property
    def conforms(self) -> bool:
        """準拠 (conforms) when every criterion that applies was checked and passed; else 一部準拠."""
        return all(c.result in ("pass", "not-applicable") for c in self.criteria)


def _text(node) -> Text | None:
    return Text(node["ja"], node["en"]) if node else None


@lru_cache(maxsize=1)
def statement() -> Statement:
    criteria = yaml.safe_load((FOLDER / "criteria.yml").read_text(encoding="utf-8"))["criteria"]
    results_file = LATEST_RESULTS if LATEST_RESULTS.exists() else PUBLISHED_RESULTS
    results = json.loads(results_file.read_text(encoding="utf-8")) if results_file.exists() else {}
    found = results.get("criteria", {})
    rows = []
    for criterion in criteria:
        number = criterion["number"]
        applies = criterion.get("applies", True)
        checks = []
        if applies:
            recorded = found.get(number, {})
            for engine, counts in sorted(recorded.get("engines", {}).items()):
                checks.append(Check("engine", engine, counts["passed"], counts["failed"]))
            for test, outcome in sorted(recorded.get("tests", {}).items()):
                checks.append(Check("test", test, int(outcome == "passed"), int(outcome != "passed")))
            if criterion.get("manual"):
                checks.append(Check("manual", "manual", 1, 0, _text(criterion["manual"])))
        rows.append(
            CriterionResult(
                number, criterion["level"], _text(criterion["name"]), applies, _text(criterion.get("reason")), checks
            )
        )
    return Statement(
        results.get("tested"),
        results.get("commit"),
        results.get("engines", {}),
        results.get("pages", []),
        results.get("widths", {}),
        rows,
    )
