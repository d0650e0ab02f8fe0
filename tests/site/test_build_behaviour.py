"""What a maintainer's edit does to a build: new pages appear, markup stays text, bad data loses nothing."""

from __future__ import annotations

import re

from edited_project import HOSTILE, NEW_TITLE

from handbook.html_text import PageText, article
from handbook_testing import mkdocs


def test_a_new_initiative_gets_its_page_in_both_languages_and_joins_its_theme(edited_project):
    """The initiative added by copying the last file with a new number, title and theme (no other file changed)."""
    site, added = edited_project.history / "site", edited_project.initiative
    for language, prefix in (("ja", ""), ("en", "en/")):
        page = PageText((site / prefix / "initiatives" / added / "index.html").read_text(encoding="utf-8"))
        assert NEW_TITLE[language] in page.text()
    index = (site / "initiatives" / "index.html").read_text(encoding="utf-8")
    theme = re.search(rf'<section class="theme" id="{edited_project.theme}">(.*?)</section>', index, re.S)
    assert theme and f'href="{added}/"' in theme.group(1), f"{added} is not listed under {edited_project.theme}"
    assert article(index).count(f'href="{added}/"') == 1, "listed under one theme only"
    assert f'href="{added}/"' in index[: index.index("<article")], "in the navigation"


def test_markup_and_template_syntax_in_data_are_shown_as_text(edited_project):
    html = (edited_project.history / "site" / "ranks" / "bureau-director" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html, "the data's markup reached the page as markup"
    # what a reader sees (the page may break Japanese lines with <wbr>, which is no text)
    assert f"{HOSTILE}職務の" in PageText(html).text()


def test_bad_data_stops_the_build_and_keeps_the_previous_site(edited_project):
    project = edited_project.history
    site = project / "site"
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    marker = (site / "index.html").read_bytes()
    bad = project / "policy_data" / "ranks.yml"
    original = bad.read_text(encoding="utf-8")
    bad.write_text(original.replace("tier: management", "tier: no-such-tier", 1), encoding="utf-8")
    try:
        result = mkdocs("build", "--strict", cwd=project)
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
    project = edited_project.history
    site = project / "site"
    before = sorted(p.relative_to(site).as_posix() for p in site.rglob("*"))
    competencies = project / "policy_data" / "competencies.yml"
    original = competencies.read_text(encoding="utf-8")
    marker = "途中で失敗した版"
    competencies.write_text(original.replace("ことができている。", f"ことができている。{marker}", 1), encoding="utf-8")
    broken_page = project / "docs" / "broken.md"
    broken_page.write_text('{{ handbook_page("no/such/page.md") }}\n', encoding="utf-8")
    try:
        result = mkdocs("build", "--strict", cwd=project)
    finally:
        broken_page.unlink()
        competencies.write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "no/such/page.md" in result.stdout + result.stderr
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == before
    changed = [p for p in site.rglob("*.html") if marker in p.read_text(encoding="utf-8")]
    assert not changed, f"pages of the failed build reached the site: {changed[:5]}"
