"""A copy of the project whose every text holds markup: a maintainer's pull request or a pasted text must never
run on a staff member's screen. Shared by the tests of tests/site/test_data_is_never_markup.py (one build with
each generator, at once)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook_testing import SITE_URL, ZENSICAL, build_at_once, copy_project, git, mkdocs_env, published

# Ends every element whose content the parser does not read as markup (title, style, textarea, script) and both
# kinds of attribute quotes, then opens an element of its own: wherever the text lands unescaped, a <pwn-N>
# element appears in the page. N numbers the texts, so a finding names the one text that got through.
BREAKOUT = "'\"></title></style></textarea></script>"
TAG = "pwn-"


def payload(number: int | str) -> str:
    return f"{BREAKOUT}<{TAG}{number}>"


@dataclass
class HostileProject:
    root: Path  # the project, built by MkDocs into root/site
    zensical_site: Path  # the same project built by Zensical
    texts: dict[str, str]  # payload number → where its text is: "file, field path"


def _plant(node, where: str, texts: dict[str, str], parent_key: str | None = None) -> None:
    """Append a numbered payload to every bilingual text ({ja, en}) under node; the page pointers of the source
    PDF (`see`) are addresses, not texts, and stay as they are."""
    if isinstance(node, dict):
        if parent_key != "see" and {"ja", "en"} <= set(node) and all(isinstance(node[k], str) for k in ("ja", "en")):
            for language in ("ja", "en"):
                number = str(len(texts) + 1)
                texts[number] = f"{where}.{language}"
                node[language] += payload(number)
        for key, value in node.items():
            _plant(value, f"{where}.{key}", texts, key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _plant(value, f"{where}[{index}]", texts, parent_key)


COMMIT_TITLE = "文言の修正" + payload("commit")


def make_hostile_project(root: Path) -> HostileProject:
    """Published as it is, then every text of every data file given a payload in one commit whose title holds one
    too (commit titles reach the changes page and the feeds)."""
    project = copy_project(root / "project")
    data = project / "policy_data"
    published(data, "2024-09-01")
    git(project, "init", "-q", "-b", "main")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "初版", date="2024-09-01T09:00:00+09:00")
    texts: dict[str, str] = {}
    for file in sorted(data.rglob("*.yml")):
        if "schemas" in file.parts or file.name == "translations.lock.yml":
            continue
        name = file.relative_to(project).as_posix()
        content = yaml.safe_load(file.read_text(encoding="utf-8"))
        _plant(content, name, texts)
        file.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", COMMIT_TITLE, date="2025-04-01T09:00:00+09:00")
    zensical_site = root / "zensical-site"
    zensical = subprocess.Popen(
        [sys.executable, "-m", "handbook.build.zensical", str(zensical_site), "--project", str(project)]
        + ["--zensical", str(ZENSICAL), "--work", str(root / "zensical-work")],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=mkdocs_env(SITE_URL),  # with the site's address, so that the feeds are written too
    )
    (result,) = build_at_once({project: SITE_URL})
    output, _ = zensical.communicate()
    assert result.returncode == 0, result.stdout
    assert zensical.returncode == 0, output
    return HostileProject(project, zensical_site, texts)
