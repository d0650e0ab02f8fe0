"""The preview a maintainer runs (scripts/preview.py, started by `bash scripts/serve.sh`): while it starts, every
page says it is being prepared and reloads itself; with it running, a broken data file shows its fault in the
browser, in Japanese with file and line, instead of requests that hang; fixing the file brings the pages back by
themselves; an edit of an open page is served first in that page's language; a new commit reaches the "What
changed" page; stopped, it leaves no folder behind."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from handbook_testing import copy_project, git


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def state(base: str) -> dict:
    return json.loads(fetch(f"{base}/__preview__/state")[1])


def version(base: str) -> int:
    return state(base)["version"]


def wait_for(check, what: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.1)
    raise AssertionError(f"the preview did not {what} within {timeout} s")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    """The preview of a copy of the project made a git repository (its history feeds the changes page); the first
    answer it gave, while it was still building."""
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "初版")
    base = f"http://127.0.0.1:{free_port()}"
    # its own temporary folder: what other processes leave in the machine's is none of this test's business
    scratch = tmp_path_factory.mktemp("preview-tmp")
    server = subprocess.Popen(
        [sys.executable, "scripts/preview.py", "--addr", base.removeprefix("http://")],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    try:

        def answer():
            try:
                return fetch(f"{base}/")
            except OSError:
                return None

        first = wait_for(answer, "answer")
        wait_for(lambda: version(base) >= 1, "finish its first build")
        yield project, base, first
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert not list(scratch.glob("handbook-preview-*")), "the preview left its build folder behind"


def test_while_it_starts_every_page_says_so_and_reloads_itself(preview):
    _, base, (status, page) = preview
    assert status == 503 and "プレビューを準備しています" in page and '<html lang="ja">' in page
    assert "var shown = 0;" in page and "location.reload()" in page
    assert "Directory listing" not in page
    # after the start, a folder of the build is not listed either
    assert fetch(f"{base}/assets/")[0] == 404


def _a_description(project: Path, policy, language: str) -> tuple[Path, str, str, str]:
    """The first competency description of the file: its file, its wording, the wording with a marker in front,
    and the page of a rank that shows it."""
    table = policy.tables[0]
    wording = table.items[0].description[language]
    path = project / "policy_data" / "competencies.yml"
    assert wording in path.read_text(encoding="utf-8"), wording
    marked = f"{'確認用：' if language == 'ja' else 'Checked: '}{wording}"
    rank = next(rank for rank in policy.ranks if rank.table is table)
    return path, wording, marked, f"ranks/{rank.id}/"


def test_an_english_edit_of_an_open_english_page_is_built_first(preview, policy):
    """The first rebuild after an edit is of the open page in its language: when open pages are told to reload,
    the English page already shows the English edit (the other pages follow)."""
    project, base, _ = preview
    path, line, marked, page = _a_description(project, policy, "en")
    wait_for(lambda: "確認用" not in fetch(f"{base}/{page}")[1].replace("<wbr>", ""), "undo the last edit", 30)
    wait_for(lambda: not state(base)["building"], "rebuild the other pages after the last edit", 60)
    fetch(f"{base}/en/{page}")  # the page is open
    before = version(base)
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(line, marked, 1), encoding="utf-8")
    try:
        wait_for(lambda: version(base) > before, "tell open pages to reload", timeout=30)
        assert "Checked: " in fetch(f"{base}/en/{page}")[1]
    finally:
        path.write_text(original, encoding="utf-8")


def test_a_broken_file_shows_its_fault_in_the_browser_and_fixing_it_recovers(preview):
    project, base, _ = preview
    assert fetch(f"{base}/ranks/chief/")[0] == 200
    path = sorted((project / "policy_data" / "initiatives").glob("*.yml"))[0]
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("\ntheme: ", "\ntheme ", 1), encoding="utf-8")
    line = next(n for n, text in enumerate(original.splitlines(), 1) if text.startswith("theme: "))

    status, page = wait_for(
        lambda: (lambda r: r if r[0] == 500 else None)(fetch(f"{base}/en/ranks/chief/")), "show the fault"
    )
    assert f"policy_data/initiatives/{path.name} {line}行目" in page, page
    assert "直し方" in page and f"line {line}" in page
    assert '<html lang="ja">' in page
    assert f"var shown = {version(base)};" in page, "the fault page reloads when the fault is fixed"

    path.write_text(original, encoding="utf-8")
    wait_for(lambda: fetch(f"{base}/ranks/chief/")[0] == 200, "recover after the fix", timeout=30)


def test_an_edit_is_served_and_open_pages_are_told_to_reload(preview, policy):
    project, base, _ = preview
    path, line, marked, page = _a_description(project, policy, "ja")
    shown = fetch(f"{base}/{page}")[1]
    before = version(base)
    assert f"var shown = {before};" in shown, "the page says which version it shows"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(line, marked, 1), encoding="utf-8")
    try:
        wait_for(lambda: "確認用" in fetch(f"{base}/{page}")[1].replace("<wbr>", ""), "serve the edit", 30)
        # the version moves just after the page is written (a reload must find the new page): wait for it
        wait_for(lambda: version(base) > before, "tell open pages to reload", timeout=10)
    finally:
        path.write_text(original, encoding="utf-8")


def test_the_other_pages_an_edit_changes_follow_once_the_edits_pause(preview, policy):
    """The page in view is rebuilt alone at once; the competency explorer, which shows the same wording, follows
    when no edit has come for a moment."""
    project, base, _ = preview
    path, line, marked, page = _a_description(project, policy, "ja")
    wait_for(lambda: not state(base)["building"], "rebuild the other pages after the last edit", 60)
    fetch(f"{base}/{page}")  # the rank's page is open
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace(line, marked, 1), encoding="utf-8")
    try:
        wait_for(lambda: "確認用" in fetch(f"{base}/{page}")[1].replace("<wbr>", ""), "serve the page in view", 30)
        # the explorer's cells hold characters together in <span class="keep">: its text, without tags, is read
        explorer = lambda: re.sub(r"<[^>]*>", "", fetch(f"{base}/explorer/")[1])  # noqa: E731
        wait_for(lambda: "確認用" in explorer(), "rebuild the explorer", 30)
    finally:
        path.write_text(original, encoding="utf-8")


def test_a_new_commit_reaches_the_changes_page(preview):
    project, base, _ = preview
    meta = project / "policy_data" / "meta.yml"
    original = meta.read_text(encoding="utf-8")
    edited = re.sub(r"^(title: \{ja: [^,]+, en: [^}]+)\}", r"\1 (test)}", original, count=1, flags=re.M)
    assert edited != original
    meta.write_text(edited, encoding="utf-8")
    git(project, "commit", "-q", "-am", "題名の英訳の試験\n\nEnglish: A trial of the title's English")
    try:
        wait_for(
            lambda: "A trial of the title" in fetch(f"{base}/en/changes/")[1].replace("<wbr>", ""),
            "show the new commit",
            timeout=60,
        )
    finally:
        meta.write_text(original, encoding="utf-8")
