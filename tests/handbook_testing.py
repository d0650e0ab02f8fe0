"""Helpers shared by the tests (imported by name; conftest.py holds only fixtures)."""

from __future__ import annotations

import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from filelock import FileLock

T = TypeVar("T")
REPOSITORY = Path(__file__).resolve().parent.parent
# the second generator, in its own environment (scripts/setup_zensical.sh; tests/site/test_generators.py)
ZENSICAL = REPOSITORY / ".venv-zensical" / "bin" / "zensical"


def run_python(*args: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess:
    """Run a script with this environment's Python, as a maintainer would (`.venv/bin/python scripts/…`)."""
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True)


MKDOCS = [str(Path(sys.executable).with_name("mkdocs"))]
MKDOCS_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs(*args: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess:
    """Run `mkdocs` from this environment, as a maintainer would."""
    return subprocess.run([*MKDOCS, *args], cwd=cwd, capture_output=True, text=True, env=MKDOCS_ENV)


def build_at_once(*projects: Path) -> list[subprocess.CompletedProcess]:
    """`mkdocs build --strict` in each project, all at once: a build keeps one core busy, and the machine has more."""
    outputs = [tempfile.TemporaryFile("w+", encoding="utf-8") for _ in projects]
    processes = [
        subprocess.Popen(
            [*MKDOCS, "build", "--strict"], cwd=project, stdout=out, stderr=subprocess.STDOUT, env=MKDOCS_ENV
        )
        for project, out in zip(projects, outputs, strict=True)
    ]
    results = []
    for process, out in zip(processes, outputs, strict=True):
        process.wait()
        out.seek(0)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out.read(), ""))
        out.close()
    return results


def made_once(tmp_path_factory, name: str, make: Callable[[Path], T]) -> T:
    """`make(folder)` once per test run, even when pytest-xdist spreads the tests over several processes: the
    first to ask makes it (a site build, say) while the others wait, then all share the folder and the result."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's own folder, shared by its workers
    folder, made = root / name, root / f"{name}.made"
    with FileLock(root / f"{name}.lock"):
        if not made.exists():
            folder.mkdir(exist_ok=True)
            made.write_bytes(pickle.dumps(make(folder)))
    return pickle.loads(made.read_bytes())


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


def published(data: Path, day: str) -> None:
    """Set the day of the first publication in a copy's policy_data/meta.yml (YYYY-MM-DD): the changes up to that
    day are the initial publication (handbook.history)."""
    meta = data / "meta.yml"
    text, count = re.subn(r'^published: "[^"]*"$', f'published: "{day}"', meta.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1, "meta.yml gives no day of first publication"
    meta.write_text(text, encoding="utf-8")
