"""The preview a maintainer runs (scripts/preview.py, started by `bash scripts/serve.sh`): with it running, a
broken data file shows its fault in the browser, in Japanese with file and line, instead of requests that
hang; fixing the file brings the pages back by themselves."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from handbook_testing import copy_project


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


def wait_for(check, what: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.2)
    raise AssertionError(f"the preview did not {what} within {timeout} s")


@pytest.fixture(scope="module")
def preview(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    base = f"http://127.0.0.1:{free_port()}"
    server = subprocess.Popen(
        [sys.executable, "scripts/preview.py", "--addr", base.removeprefix("http://")],
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        def ready():
            try:
                return json.loads(fetch(f"{base}/__preview__/state")[1])["version"] >= 1
            except (OSError, ValueError):
                return False

        wait_for(ready, "finish its first build")
        yield project, base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_broken_file_shows_its_fault_in_the_browser_and_fixing_it_recovers(preview):
    project, base = preview
    assert fetch(f"{base}/ranks/chief/")[0] == 200
    path = project / "policy_data" / "initiatives" / "035.yml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("theme: ", "theme ", 1), encoding="utf-8")
    line = next(n for n, text in enumerate(original.splitlines(), 1) if text.startswith("theme: "))

    status, page = wait_for(
        lambda: (lambda r: r if r[0] == 500 else None)(fetch(f"{base}/en/ranks/chief/")), "show the fault"
    )
    assert f"policy_data/initiatives/035.yml {line}行目" in page, page
    assert "直し方" in page and f"line {line}" in page
    assert '<html lang="ja">' in page

    path.write_text(original, encoding="utf-8")
    wait_for(lambda: fetch(f"{base}/ranks/chief/")[0] == 200, "recover after the fix", timeout=30)


def test_an_edit_is_served_and_open_pages_are_told_to_reload(preview):
    project, base = preview
    state = json.loads(fetch(f"{base}/__preview__/state")[1])
    path = project / "policy_data" / "competencies.yml"
    original = path.read_text(encoding="utf-8")
    edited = original.replace("ja: 市民のニーズを把握し、", "ja: 確認用：市民のニーズを把握し、", 1)
    assert edited != original
    path.write_text(edited, encoding="utf-8")
    try:
        served = wait_for(
            lambda: "確認用" in fetch(f"{base}/ranks/section-manager/")[1].replace("<wbr>", ""), "serve the edit", 30
        )
        assert served
        # the version moves just after the page is written (a reload must find the new page): wait for it
        wait_for(
            lambda: json.loads(fetch(f"{base}/__preview__/state")[1])["version"] > state["version"],
            "tell open pages to reload",
            timeout=10,
        )
        assert "/__preview__/state" in fetch(f"{base}/ranks/section-manager/")[1], "the page reloads by itself"
    finally:
        path.write_text(original, encoding="utf-8")
