"""The GitHub Actions workflows follow GitHub's schema (every job with a timeout) and pin every action to a
version. The workflows only run on GitHub, so this is where a mistake in them shows before a pull request."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from handbook_testing import REPOSITORY

WORKFLOWS = sorted((REPOSITORY / ".github" / "workflows").glob("*.yml"))
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@v\d+\.\d+(\.\d+)?$")  # owner/name@v1.2.3


def test_workflows_follow_the_github_schema():
    """check-jsonschema (pinned in requirements.txt) ships GitHub's schema, so this runs offline."""
    command = [str(Path(sys.executable).with_name("check-jsonschema")), "--builtin-schema"]
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        result = subprocess.run([*command, schema, *map(str, WORKFLOWS)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_version(workflow):
    jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"].values()
    uses = [step["uses"] for job in jobs for step in job.get("steps", []) if "uses" in step]
    assert uses
    for action in uses:
        assert PINNED.match(action), f"{action}: pin to a full version tag, e.g. actions/checkout@v4.2.2"
