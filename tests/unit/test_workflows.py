"""Maintainers' tooling: the GitHub Actions workflows (a pull request is checked, main is published, every
action is pinned) and the editor help (each data file mapped to its schema, the pre-commit hook).

The workflows only run on GitHub, so their essentials are checked here, where a mistake shows before
the pull request does.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from handbook_testing import REPOSITORY

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
    """check-jsonschema (pinned in requirements.txt) checks them against GitHub's published schema, and that
    every job has a timeout; the schemas ship with it, so this runs offline."""
    pytest.importorskip("check_jsonschema")
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    assert len(files) >= 2
    command = [str(Path(sys.executable).with_name("check-jsonschema")), "--builtin-schema"]
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        result = subprocess.run(command + [schema, *files], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_data_schemas_are_valid_json_schemas():
    pytest.importorskip("check_jsonschema")
    schemas = sorted(str(path) for path in (REPOSITORY / "policy_data" / "schemas").glob("*.schema.json"))
    result = subprocess.run([str(Path(sys.executable).with_name("check-jsonschema")), "--check-metaschema", *schemas],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_data_file_has_its_schema_in_the_editor():
    """.vscode/settings.json gives the YAML extension the same file-to-schema map as the validator."""
    from handbook.load import INITIATIVE_DIR, INITIATIVE_SCHEMA, SINGLE_FILES
    settings = json.loads((REPOSITORY / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    expected = {f"./policy_data/schemas/{schema}": [f"policy_data/{name}"] for name, schema in SINGLE_FILES.items()}
    expected[f"./policy_data/schemas/{INITIATIVE_SCHEMA}"] = [f"policy_data/{INITIATIVE_DIR}/*.yml"]
    assert settings["yaml.schemas"] == expected
    for schema in expected:
        assert (REPOSITORY / schema).is_file(), schema
    recommended = json.loads((REPOSITORY / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in recommended["recommendations"]


def test_every_schema_property_has_a_title():
    """Editors show the title (and description) when a maintainer hovers over a field."""
    def properties(node):
        if isinstance(node, dict):
            yield from node.get("properties", {}).items()
            for value in node.values():
                yield from properties(value)
        elif isinstance(node, list):
            for value in node:
                yield from properties(value)
    for path in sorted((REPOSITORY / "policy_data" / "schemas").glob("*.schema.json")):
        untitled = [name for name, schema in properties(json.loads(path.read_text(encoding="utf-8")))
                    if "title" not in schema]
        assert not untitled, f"{path.name}: properties without a title: {untitled}"


def test_pre_commit_hook_validates_the_data():
    config = yaml.safe_load((REPOSITORY / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] if repo["repo"] == "local" for hook in repo["hooks"]]
    hook = next(hook for hook in hooks if "scripts/validate.py" in hook["entry"])
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    assert hook["files"].startswith("^policy_data/")
