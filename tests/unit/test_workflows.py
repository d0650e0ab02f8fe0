"""The GitHub Actions workflows follow GitHub's schema (every job with a timeout), pin every action to a full
commit SHA with its version beside it, give each job only the permissions it needs, and pass zizmor, a
linter of workflow security. The workflows only run on GitHub, so this is where a mistake in them shows
before a pull request."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from handbook_testing import REPOSITORY

WORKFLOWS = sorted((REPOSITORY / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
# owner/name@<40 hex digits> # v1.2.3 — a tag can be moved, a commit cannot; the comment says which release it is
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+\s*$")


def test_workflows_follow_the_github_schema():
    """check-jsonschema (pinned in requirements.txt) ships GitHub's schema, so this runs offline."""
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        result = subprocess.run(
            [str(BIN / "check-jsonschema"), "--builtin-schema", schema, *map(str, WORKFLOWS)],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit(workflow):
    lines = [line for line in workflow.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    for line in lines:
        assert PINNED.match(line), f"{line.strip()}: pin to a full commit SHA with the version in a comment"


def test_github_pages_jobs_have_the_permissions_they_need():
    """configure-pages reads the Pages settings; deploy-pages writes the site and asks GitHub for a token."""
    jobs = yaml.safe_load((REPOSITORY / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))["jobs"]
    for job in jobs.values():
        uses = " ".join(step.get("uses", "") for step in job.get("steps", []))
        permissions = job.get("permissions", {})
        if "actions/configure-pages@" in uses:
            assert permissions.get("pages") in ("read", "write"), permissions
        if "actions/deploy-pages@" in uses:
            assert permissions.get("pages") == "write" and permissions.get("id-token") == "write", permissions


def test_zizmor_finds_nothing():
    """zizmor (pinned in requirements.txt, run offline) audits the workflows for unsafe patterns."""
    result = subprocess.run([str(BIN / "zizmor"), "--offline", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_pull_request_check_sees_the_history_the_publish_job_sees():
    """The "What changed" page and the tests that read it need the whole history: a pull request checked on a
    shallow checkout would pass what the publish job then fails (the maintainers' trial, H2)."""

    def checkout_depths(name: str) -> list:
        jobs = yaml.safe_load((REPOSITORY / ".github" / "workflows" / name).read_text(encoding="utf-8"))["jobs"]
        return [
            step.get("with", {}).get("fetch-depth")
            for job in jobs.values()
            for step in job.get("steps", [])
            if step.get("uses", "").startswith("actions/checkout@")
        ]

    assert checkout_depths("pull-request.yml") == checkout_depths("deploy.yml") == [0]
