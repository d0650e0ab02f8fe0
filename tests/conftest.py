"""Shared fixtures: the repository, a built copy of the real site, a headless Chromium."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))


def mkdocs(*args: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess:
    """Run `mkdocs` from this environment, as a maintainer would."""
    command = [str(Path(sys.executable).with_name("mkdocs")), *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real site, built once per test session with --strict into a temporary folder."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs("build", "--strict", "--site-dir", str(site))
    assert result.returncode == 0, f"mkdocs build failed:\n{result.stdout}\n{result.stderr}"
    return site


@pytest.fixture(scope="session")
def policy():
    from handbook.load import load_policy
    return load_policy()


def copy_repository(destination: Path) -> Path:
    """A working copy of the project (without caches and built output) for tests that change data."""
    def ignore(directory: str, names: list[str]) -> set[str]:
        skipped = {".venv", ".git", "__pycache__", ".pytest_cache"}
        if Path(directory) == REPOSITORY:
            skipped |= {"site", "site.building", "site.previous"}
        return skipped & set(names)
    shutil.copytree(REPOSITORY, destination, ignore=ignore)
    return destination
