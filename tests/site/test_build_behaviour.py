"""What a maintainer's edit does to a build: new pages appear, markup stays text, bad data loses nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from handbook.html_text import PageText
from handbook_testing import copy_project, mkdocs


def added_number(policy) -> str:
    return f"{len(policy.initiatives) + 1:03d}"


@pytest.fixture(scope="module")
def edited_project(tmp_path_factory, policy) -> Path:
    """A copy of the project with one initiative added and one description carrying markup and template syntax."""
    project = copy_project(tmp_path_factory.mktemp("edited") / "project")
    data = project / "policy_data"
    last, added = policy.initiatives[-1].number, added_number(policy)
    new = (data / "initiatives" / f"{last}.yml").read_text(encoding="utf-8")
    new = new.replace(f'number: "{last}"', f'number: "{added}"')
    new = re.sub(
        r"title: \{ja: [^,]+, en: [^}]+\}", "title: {ja: 新しい取組の試験, en: A test initiative}", new, count=1
    )
    (data / "initiatives" / f"{added}.yml").write_text(new, encoding="utf-8")
    competencies = data / "competencies.yml"
    text = competencies.read_text(encoding="utf-8")
    text = text.replace(
        "ja: 職務の遂行に当たって、", 'ja: "<script>alert(1)</script>{{ 7*7 }}{% raw %}職務の遂行に当たって、', 1
    )
    text = text.replace("ことができている。\n", 'ことができている。"\n', 1)
    competencies.write_text(text, encoding="utf-8")
    result = mkdocs("build", "--strict", cwd=project)
    assert result.returncode == 0, result.stdout + result.stderr
    return project


def test_a_new_initiative_gets_its_page_in_both_languages(edited_project, policy):
    site, added = edited_project / "site", added_number(policy)
    ja = (site / "initiatives" / added / "index.html").read_text(encoding="utf-8")
    en = (site / "en" / "initiatives" / added / "index.html").read_text(encoding="utf-8")
    assert "新しい取組の試験" in ja and "A test initiative" in en
    index = (site / "initiatives" / "index.html").read_text(encoding="utf-8")
    assert f'href="{added}/"' in index


def test_markup_and_template_syntax_in_data_are_shown_as_text(edited_project):
    html = (edited_project / "site" / "ranks" / "bureau-director" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html, "the data's markup reached the page as markup"
    # what a reader sees (the page may break Japanese lines with <wbr>, which is no text)
    assert "<script>alert(1)</script>{{ 7*7 }}{% raw %}職務の" in PageText(html).text()


def test_bad_data_stops_the_build_and_keeps_the_previous_site(edited_project):
    site = edited_project / "site"
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    marker = (site / "index.html").read_bytes()
    bad = edited_project / "policy_data" / "ranks.yml"
    original = bad.read_text(encoding="utf-8")
    bad.write_text(original.replace("tier: management", "tier: no-such-tier", 1), encoding="utf-8")
    try:
        result = mkdocs("build", "--strict", cwd=edited_project)
    finally:
        bad.write_text(original, encoding="utf-8")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "policy_data/ranks.yml, line" in output and "no-such-tier" in output
    assert "Traceback" not in output
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    assert (site / "index.html").read_bytes() == marker


def test_a_build_that_fails_late_keeps_the_previous_site(edited_project):
    """A failure after the data is read and pages are written (here: a page that cannot render, with a data
    edit that changes other pages) must leave the previous site as it was, not half-written."""
    site = edited_project / "site"
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    competencies = edited_project / "policy_data" / "competencies.yml"
    original = competencies.read_text(encoding="utf-8")
    marker = "途中で失敗した版"
    competencies.write_text(original.replace("ことができている。", f"ことができている。{marker}", 1), encoding="utf-8")
    broken_page = edited_project / "docs" / "broken.md"
    broken_page.write_text('{{ handbook_page("no/such/page.md") }}\n', encoding="utf-8")
    try:
        result = mkdocs("build", "--strict", cwd=edited_project)
    finally:
        broken_page.unlink()
        competencies.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "no/such/page.md" in result.stdout + result.stderr
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    changed = [p for p in site.rglob("*.html") if marker in p.read_text(encoding="utf-8")]
    assert not changed, f"pages of the failed build reached the site: {changed[:5]}"
