"""Helpers shared by the tests (imported by name; conftest.py holds only fixtures)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parent.parent


def run_python(*args: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess:
    """Run a script with this environment's Python, as a maintainer would (`.venv/bin/python scripts/…`)."""
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True)


def mkdocs(*args: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess:
    """Run `mkdocs` from this environment, as a maintainer would."""
    command = [str(Path(sys.executable).with_name("mkdocs")), *args]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env)


def copy_project(destination: Path) -> Path:
    """A copy of the project (without caches and built output) that a test may build and change."""

    def ignore(directory: str, names: list[str]) -> set[str]:
        skipped = {".venv", ".git", "__pycache__", ".pytest_cache"}
        if Path(directory) == REPOSITORY:
            skipped |= {"site", "site.building", "site.previous", "tests"}
        return skipped & set(names)

    shutil.copytree(REPOSITORY, destination, ignore=ignore)
    return destination


def git(repository: Path, *args: str, date: str | None = None) -> str:
    """Run git in a test repository as the HR maintainers would commit (fixed name; `date` for both dates)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "HR",
        "GIT_AUTHOR_EMAIL": "hr@example.org",
        "GIT_COMMITTER_NAME": "HR",
        "GIT_COMMITTER_EMAIL": "hr@example.org",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(
        ["git", "-C", str(repository), *args], check=True, capture_output=True, text=True, env=env
    ).stdout
