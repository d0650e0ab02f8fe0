"""The GitHub Actions workflows: a pull request is checked, main is published, every action is pinned.

The workflows only run on GitHub, so their essentials are checked here, where a mistake shows before
the pull request does.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPOSITORY

WORKFLOWS = REPOSITORY / ".github" / "workflows"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@v\d+\.\d+(\.\d+)?$")   # owner/name@v1.2.3


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def commands(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in steps(workflow))


@pytest.fixture(params=["pull-request.yml", "deploy.yml"])
def workflow(request) -> dict:
    return load(request.param)


def test_triggers():
    assert "pull_request" in load("pull-request.yml")["on"]
    push = load("deploy.yml")["on"]["push"]
    assert push["branches"] == ["main"]


def test_the_checks_and_the_strict_build_run(workflow):
    run = commands(workflow)
    assert "bash scripts/test.sh" in run
    assert ".venv/bin/mkdocs build --strict" in run
    assert "scripts/translation_report.py" in run
    assert run.index("bash scripts/test.sh") < run.index("mkdocs build --strict")


def test_python_311_with_pip_cache(workflow):
    setup = [step for step in steps(workflow) if step.get("uses", "").startswith("actions/setup-python@")]
    assert len(setup) == 1
    assert str(setup[0]["with"]["python-version"]) == "3.11" and setup[0]["with"]["cache"] == "pip"


def test_every_action_is_pinned_to_a_version(workflow):
    uses = [step["uses"] for step in steps(workflow) if "uses" in step]
    assert uses
    for action in uses:
        assert PINNED.match(action), f"{action}: pin to a full version tag, e.g. actions/checkout@v4.2.2"


def test_deploy_publishes_to_pages_and_keeps_an_artifact():
    deploy = load("deploy.yml")
    assert deploy["concurrency"]["group"] == "pages"
    assert deploy["permissions"] == {"contents": "read"}
    uses = [step["uses"].split("@")[0] for step in steps(deploy) if "uses" in step]
    for action in ("actions/upload-artifact", "actions/configure-pages", "actions/upload-pages-artifact",
                   "actions/deploy-pages"):
        assert action in uses, action
    job = next(job for job in deploy["jobs"].values()
               if any(step.get("uses", "").startswith("actions/deploy-pages@") for step in job.get("steps", [])))
    assert job["permissions"] == {"pages": "write", "id-token": "write"}
    assert job["environment"]["name"] == "github-pages"
    assert job["needs"] == "build"


def test_pull_requests_cannot_write():
    assert load("pull-request.yml")["permissions"] == {"contents": "read"}


def test_workflows_follow_the_github_schema():
    """check-jsonschema (pinned in requirements.txt) checks them against GitHub's published schema; offline."""
    pytest.importorskip("check_jsonschema")
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    assert len(files) >= 2
    command = [str(Path(sys.executable).with_name("check-jsonschema")), "--builtin-schema", "vendor.github-workflows",
               *files]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
