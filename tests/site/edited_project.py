"""A copy of the project as HR would change it, shared by the tests of what an edit does to a build and of what
the changes page shows: one build of it (and one of its `git archive`) serves both (tests/site/conftest.py)."""

from __future__ import annotations

import io
import re
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook_testing import SITE_URL, build_at_once, copy_project, git, published

RANK = "chief"  # the rank whose first competency is reworded
PUBLISHED = ("初版", "2024-09-01T09:00:00+09:00")
COMPETENCY = ("標準職務遂行能力の文言の見直し", "2025-04-01T09:00:00+09:00")
INITIATIVE = ("取組の追加", "2025-05-20T09:00:00+09:00")
NEW_TITLE = {"ja": "試験の取組", "en": "A trial initiative"}
# Markup and template syntax a maintainer might type into a description: the page must show it as text.
HOSTILE = "<script>alert(1)</script>{{ 7*7 }}{% raw %}"


@dataclass
class EditedProject:
    history: Path  # the project as a git repository, built into history/site with the address SITE_URL
    archive: Path  # its `git archive` (no history), built into archive/site without an address
    item: str  # the id of the reworded competency
    initiative: str  # the added initiative's number
    theme: str  # the added initiative's theme (not that of the file it was copied from)


def commit(project: Path, title: str, date: str) -> None:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", title, date=date)


def make_edited_project(root: Path, policy) -> EditedProject:
    """Published with a hostile description, then one competency reworded in both languages, then an
    initiative added as the maintainers' guide says: the last file copied with a new number, title and theme,
    no other file touched."""
    project = copy_project(root / "project")
    data = project / "policy_data"
    published(data, PUBLISHED[1][:10])
    competencies = data / "competencies.yml"
    text = competencies.read_text(encoding="utf-8")
    text = text.replace("ja: 職務の遂行に当たって、", f'ja: "{HOSTILE}職務の遂行に当たって、', 1)
    competencies.write_text(text.replace("ことができている。\n", 'ことができている。"\n', 1), encoding="utf-8")
    git(project, "init", "-q", "-b", "main")
    commit(project, *PUBLISHED)

    item = policy.rank(RANK).table.items[0]
    tables = yaml.safe_load(competencies.read_text(encoding="utf-8"))
    for table in tables["tables"]:
        if RANK in table["ranks"]:
            description = table["groups"][0]["items"][0]["description"]
            description["ja"] = "常に" + description["ja"]
            description["en"] = description["en"] + " Always."
    competencies.write_text(yaml.safe_dump(tables, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    commit(project, *COMPETENCY)

    last = policy.initiatives[-1]
    added = f"{int(last.number) + 1:03d}"
    theme = next(t.id for area in policy.areas for t in area.themes if t.id != last.theme.id)
    new = (data / "initiatives" / f"{last.number}.yml").read_text(encoding="utf-8")
    new = new.replace(f'number: "{last.number}"', f'number: "{added}"')
    new = new.replace(f"theme: {last.theme.id}", f"theme: {theme}")
    new = re.sub(
        r"title: \{ja: [^,]+, en: [^}]+\}", f"title: {{ja: {NEW_TITLE['ja']}, en: {NEW_TITLE['en']}}}", new, count=1
    )
    (data / "initiatives" / f"{added}.yml").write_text(new, encoding="utf-8")
    commit(project, *INITIATIVE)

    archive = root / "archive"
    tar = subprocess.run(
        ["git", "-C", str(project), "archive", "--format=tar", "HEAD"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as opened:
        opened.extractall(archive, filter="data")
    # the repository as the deploy job builds it (with the site's address), the archive as a plain build (without)
    for result in build_at_once({project: SITE_URL, archive: None}):
        assert result.returncode == 0, result.stdout
    return EditedProject(project, archive, item.id, added, theme)
