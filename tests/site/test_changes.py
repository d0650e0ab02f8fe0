"""What changed, built: a copy of the project made a git repository (the initial publication), then a commit that
changes one competency in Japanese and English and one that adds an initiative; `mkdocs build --strict` shows both
on the changes page of each language, the rank page with that competency shows the new date, the feeds parse as
Atom with the site's full addresses, and every page's head links its language's feed. The same project from
`git archive` (no history) still builds and says the history is not available."""

from __future__ import annotations

import html as html_module
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from edited_project import COMPETENCY, INITIATIVE, NEW_TITLE, RANK
from test_site import japanese_share, without_untranslated_titles

from handbook.feeds import feed_title
from handbook.history import read_history
from handbook.html_text import PageText
from handbook.model import LANGUAGES
from handbook.site import url_prefix
from handbook.ui import label
from handbook_testing import SITE_URL

ATOM = "{http://www.w3.org/2005/Atom}"


def page(site: Path, url: str, language: str) -> str:
    return (site / url_prefix(language) / url / "index.html").read_text(encoding="utf-8")


def shown(html: str) -> str:
    """The article's text as a reader sees it, the parts left out of the search index included (the changes
    page keeps its entries out of it): tags, phrase breaks and language spans removed."""
    article = html[html.index("<article") : html.index("</article>")]
    return html_module.unescape(re.sub(r"<[^>]+>", "", article))


def entry_anchor(changes: str, title: str) -> str:
    """The anchor of the entry whose heading has this title."""
    for anchor, heading in re.findall(r'<h3 id="(change-[0-9a-f]{10})">(.*?)</h3>', changes, re.S):
        if title in html_module.unescape(re.sub(r"<[^>]+>", "", heading)):
            return anchor
    raise AssertionError(f"no entry titled {title}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_both_commits_are_on_the_changes_page_with_dates_and_marked_differences(edited_project, language):
    html = page(edited_project.history / "site", "changes", language)
    text = shown(html)
    dates = {"ja": ("2025年4月1日", "2025年5月20日"), "en": ("1 April 2025", "20 May 2025")}[language]
    for title, date in zip((COMPETENCY[0], INITIATIVE[0]), dates, strict=True):
        assert f"{date}{'：' if language == 'ja' else ': '}{title}" in text
    assert text.index(INITIATIVE[0]) < text.index(COMPETENCY[0]) < text.index(label("change_initial")[language])
    added = "常に" if language == "ja" else "Always."
    insertions = [re.sub(r"<[^>]+>", "", m) for m in re.findall(r'<ins class="diff-added">.*?</ins>', html, re.S)]
    assert any(added in insertion for insertion in insertions), insertions
    assert f"{edited_project.initiative} {NEW_TITLE[language]}" in text
    assert label("change_entity_added")[language].format(what=label("entity_initiative")[language]) in text
    # the competency's page is linked, at the item
    assert re.search(rf'href="\.\./ranks/[\w-]+/#{edited_project.item}"', html)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_rank_page_shows_the_new_date_and_links_its_entry(edited_project, language):
    html = page(edited_project.history / "site", f"ranks/{RANK}", language)
    date = {"ja": "2025年4月1日", "en": "1 April 2025"}[language]
    footer = re.search(r'<p class="page-changed"[^>]*>(.*?)</p>', html, re.S)
    assert (
        footer
        and '<time datetime="2025-04-01">' in footer.group(1)
        and date in shown(f"<article>{footer.group(1)}</article>")
    )
    anchor = entry_anchor(page(edited_project.history / "site", "changes", language), COMPETENCY[0])
    assert f'href="../../changes/#{anchor}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feed_is_atom_and_points_at_the_entries(edited_project, language):
    site = edited_project.history / "site"
    feed = ET.parse(site / url_prefix(language) / "changes.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    assert all(feed.find(f"{ATOM}{name}") is not None for name in ("id", "title", "updated", "author"))
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries[:2]] == [INITIATIVE[0], COMPETENCY[0]]
    changes = page(site, "changes", language)
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith(f"{SITE_URL}{url_prefix(language)}changes/#")
        assert f'id="{href.partition("#")[2]}"' in changes
    assert 'href="../changes.xml"' in changes


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_links_the_feed_of_its_language_in_its_head(edited_project, policy, language):
    """For browsers and feed readers to find it (autodiscovery); the address is the page's way to the feed: relative,
    as the theme's script fetches a sitemap.xml beside it, which must come from the site's own server."""
    site = edited_project.history / "site"
    title = html_module.escape(feed_title(policy, language))
    for url, to_feed in (("", "changes.xml"), ("changes", "../changes.xml"), (f"ranks/{RANK}", "../../changes.xml")):
        head = page(site, url, language).split("</head>")[0]
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]*>', head)
        assert links == [f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{to_feed}">'], url
    assert (site / url_prefix(language) / "changes.xml").is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_build_from_git_archive_says_the_history_is_not_available(edited_project, language):
    site = edited_project.archive / "site"
    assert label("changes_unavailable")[language] in shown(page(site, "changes", language))
    assert not (site / url_prefix(language) / "changes.xml").exists()
    assert 'class="page-changed"' not in page(site, f"ranks/{RANK}", language)


def test_titles_without_english_are_the_only_japanese_on_the_english_changes_page(edited_project, tmp_path):
    """The edits were committed with Japanese titles only, as the guide asks of a title and without the English
    line the pull request template asks for: the English page shows them marked as Japanese, and nothing else
    of it is Japanese (the check of every English page, test_site.py, with the full history of a clone)."""
    history = read_history(edited_project.history, cache_dir=tmp_path)
    assert [e.title for e in history.entries if e.title_untranslated("en")] == [INITIATIVE[0], COMPETENCY[0]]
    html = page(edited_project.history / "site", "changes", "en")
    for title in (INITIATIVE[0], COMPETENCY[0]):
        assert re.search(rf'<span lang="ja">{"(?:<wbr>)?".join(map(re.escape, title))}</span>', html), title
    text = PageText(html).text()
    assert japanese_share(text) >= 0.02, "the titles alone make the page fail the check"
    assert japanese_share(without_untranslated_titles(text, history)) < 0.02
