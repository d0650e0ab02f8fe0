"""Shared fixtures (a built copy of the real site, the policy model, a copy of the data) and the tiers.

The tiers are the folders: tests/unit is fast (no site build, no browser), tests/site builds the real site
(marker `site`), tests/browser drives Chromium against it (marker `browser`).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import accessibility_record
from handbook.data import DATA_DIR, load_policy
from handbook_testing import SITE_PATH, SITE_URL, made_once, mkdocs

TESTS = Path(__file__).resolve().parent
SLOW_FIXTURES = {"built_site", "browser"}


def pytest_collection_modifyitems(items):
    for item in items:
        tier = item.path.relative_to(TESTS).parts[0]
        if tier in ("site", "browser"):
            item.add_marker(tier)
        elif SLOW_FIXTURES & set(item.fixturenames):
            raise pytest.UsageError(f"{item.nodeid} builds the site or starts a browser: move it to tests/site")


def pytest_runtest_logreport(report):
    # With pytest-xdist this runs in the controlling process too, which alone writes the record: the engines'
    # findings come with the report, as a property of the test that ran them.
    if report.when == "call" or report.outcome != "passed":
        accessibility_record.record_test(report.nodeid.split("::")[-1].split("[")[0], report.outcome)
    for name, value in report.user_properties if report.when == "call" else ():
        if name == accessibility_record.ENGINES:
            accessibility_record.record_engines(**value)


def pytest_sessionfinish(session, exitstatus):
    if hasattr(session.config, "workerinput"):
        return  # a pytest-xdist worker: the controlling process writes
    written = accessibility_record.write()
    if written:
        print(f"\nAccessibility results for the statement written to {written.relative_to(TESTS.parent)}")


def build_site(folder: Path) -> Path:
    site = folder / SITE_PATH.strip("/")  # named as the site's address says: served() serves it there
    result = mkdocs("build", "--strict", "--site-dir", str(site), site_url=SITE_URL)
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test run with --strict into a temporary folder, with the address SITE_URL
    (a folder below the host's root)."""
    return made_once(tmp_path_factory, "built", build_site)


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of policy_data (without the source text) that a test may break."""
    target = tmp_path / "policy_data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("source"))
    return target


@pytest.fixture(scope="session")
def policy():
    return load_policy()
