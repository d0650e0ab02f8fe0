"""A run of the test suite changes no tracked file: an editor who commits everything after `bash scripts/test.sh`
must not carry a developer's file into a data pull request (the maintainers' trial, L4)."""

from __future__ import annotations

import json
import subprocess

import accessibility_record
from handbook import accessibility_statement
from handbook.accessibility_statement import PUBLISHED_RESULTS
from handbook_testing import REPOSITORY


def git(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(REPOSITORY), *args], capture_output=True, text=True)


def test_the_accessibility_results_are_written_where_git_ignores_them():
    written = accessibility_record.RESULTS.relative_to(REPOSITORY).as_posix()
    assert git("check-ignore", "-q", written).returncode == 0, f"{written} is not ignored by git"
    assert git("ls-files", "--error-unmatch", written).returncode != 0, f"{written} is tracked"
    assert accessibility_record.RESULTS != PUBLISHED_RESULTS


def test_the_statement_reads_the_latest_run_and_else_the_published_one(tmp_path, monkeypatch):
    latest = tmp_path / "results.json"
    monkeypatch.setattr(accessibility_statement, "LATEST_RESULTS", latest)
    accessibility_statement.statement.cache_clear()
    try:
        published = json.loads(PUBLISHED_RESULTS.read_text(encoding="utf-8"))
        assert accessibility_statement.statement().tested == published["tested"]
        latest.write_text(json.dumps({**published, "tested": "2099-01-02"}), encoding="utf-8")
        accessibility_statement.statement.cache_clear()
        assert accessibility_statement.statement().tested == "2099-01-02"
    finally:
        accessibility_statement.statement.cache_clear()
