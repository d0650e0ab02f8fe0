"""Shared fixtures: a built copy of the real site, the policy model."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from handbook_testing import REPOSITORY, mkdocs

sys.path.insert(0, str(REPOSITORY))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with --strict into a temporary folder."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs("build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of policy_data (without the source text) that a test may break."""
    from handbook.load import DATA_DIR
    target = tmp_path / "policy_data"
    shutil.copytree(DATA_DIR, target, ignore=shutil.ignore_patterns("source"))
    return target


@pytest.fixture(scope="session")
def policy():
    from handbook.load import load_policy
    return load_policy()
