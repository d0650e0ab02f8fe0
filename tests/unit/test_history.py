"""What changed (handbook.history) on a small git repository made here from a copy of the real data: the initial
publication as one entry, a competency changed in both languages, a text whose English alone changed, a new
initiative; the pages and per-page dates; the per-commit cache; the Atom feeds (handbook.feeds), offered only with
the site's address; no history (an archive, a shallow clone)."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from dataclasses import replace
from datetime import datetime

import pytest
import yaml

from handbook.data import DATA_DIR
from handbook.feeds import FEED_ID, atom_feed, write_feeds
from handbook.history import TIME_ZONE, compare_file, feeds_published, format_date, read_history
from handbook.history import read as history_read
from handbook.model import LANGUAGES
from handbook.render import PageRenderer
from handbook.site import url_prefix
from handbook.ui import label
from handbook_testing import SITE_URL, git, published

ATOM = "{http://www.w3.org/2005/Atom}"
TABLE, RANK, ITEM = 1, "chief", 0  # the competency changed: first item of the table of deputy-manager and chief
DATES = [
    "2024-08-30T10:00:00+09:00",
    "2024-09-01T10:00:00+09:00",
    "2024-10-01T10:00:00+09:00",
    "2024-11-01T10:00:00+09:00",
    "2024-12-01T23:30:00+00:00",
    "2025-01-06T10:00:00+09:00",
]
TITLES = {
    "competency": "標準職務遂行能力の文言を改めました",
    "english": "English: a duty of the chief reworded",
    "initiative": "取組036を追加しました",
}
# The initiative's commit gives its title's English form as the pull request template asks; the competency's not.
INITIATIVE_IN_ENGLISH = "Initiative 036 added"


def commit(repository, message: str, date: str, *paths: str) -> str:
    git(repository, "add", *(paths or ["-A"]))
    git(repository, "commit", "-q", "-m", message, date=date)
    return git(repository, "rev-parse", "HEAD").strip()


def edit_yaml(path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


@pytest.fixture(scope="module")
def repository(tmp_path_factory):
    """policy_data committed in two steps (the initial publication), then three published changes and a commit
    that touches no data file."""
    root = tmp_path_factory.mktemp("history") / "project"
    data = root / "policy_data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("source"))
    published(data, DATES[1][:10])  # the day of the initial publication
    git(root, "init", "-q", "-b", "main")
    shas = {"draft": commit(root, "データの入力を始める", DATES[0], "policy_data/meta.yml", "policy_data/ranks.yml")}
    shas["initial"] = commit(root, "全データを入力", DATES[1])

    def reword(tables):
        item = tables["tables"][TABLE]["groups"][0]["items"][ITEM]
        item["description"]["ja"] = "常に" + item["description"]["ja"]
        item["description"]["en"] = item["description"]["en"] + " Always."

    edit_yaml(data / "competencies.yml", reword)
    shas["competency"] = commit(root, TITLES["competency"], DATES[2])

    def duty(ranks):
        chief = next(rank for rank in ranks["ranks"] if rank["id"] == RANK)
        chief["roles"][0]["duties"][0]["en"] = "Leads the section's daily work."

    edit_yaml(data / "ranks.yml", duty)
    shas["english"] = commit(root, TITLES["english"], DATES[3])

    last = sorted((data / "initiatives").glob("*.yml"))[-1]
    new = last.read_text(encoding="utf-8").replace(f'number: "{last.stem}"', 'number: "036"')
    new = re.sub(
        r"title: \{ja: [^,]+, en: [^}]+\}", "title: {ja: 新しい取組の試験, en: A test initiative}", new, count=1
    )
    (data / "initiatives" / "036.yml").write_text(new, encoding="utf-8")
    message = f"{TITLES['initiative']}\n\n<!-- 英語の題名 -->\nEnglish: {INITIATIVE_IN_ENGLISH}\n"
    shas["initiative"] = commit(root, message, DATES[4])
    (data / "README.md").write_text("notes\n", encoding="utf-8")
    terminology = data / "terminology.yml"
    terminology.write_text(terminology.read_text(encoding="utf-8") + "# a translators' note\n", encoding="utf-8")
    shas["readme"] = commit(root, "README and the term list only", DATES[5])
    return root, shas


@pytest.fixture(scope="module")
def history(repository, tmp_path_factory):
    root, _ = repository
    return read_history(root, cache_dir=tmp_path_factory.mktemp("cache"))


def test_one_entry_per_published_change_newest_first(history, repository):
    _, shas = repository
    assert history.available and history.reason is None
    assert [entry.sha for entry in history.entries] == [
        shas["initiative"],
        shas["english"],
        shas["competency"],
        shas["initial"],
    ]  # the last commit changed no data a page shows (a README, the translators' term list)
    assert [entry.title for entry in history.entries[:3]] == [
        TITLES["initiative"],
        TITLES["english"],
        TITLES["competency"],
    ]
    # dates in Japan time: 23:30 UTC on 1 December is 2 December in Kumamoto
    assert [entry.date.date().isoformat() for entry in history.entries] == [
        "2024-12-02",
        "2024-11-01",
        "2024-10-01",
        "2024-09-01",
    ]
    assert all(entry.revision == history.entries[0].revision for entry in history.entries)


def test_the_commits_that_created_the_data_are_one_initial_publication(history, repository):
    initial = history.entries[-1]
    assert initial.initial and initial.sha == repository[1]["initial"]
    assert not initial.texts and not initial.entities


def test_changes_up_to_the_day_of_first_publication_are_that_publication(repository, tmp_path):
    """meta.yml's `published` moved to the day of the competency change: that change joins the initial
    publication (no entry of its own, no title), and the changes after that day keep theirs."""
    root, shas = repository
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(root), str(clone)], check=True)
    published(clone / "policy_data", DATES[2][:10])
    later = commit(clone, "公開日を設定", "2025-02-01T10:00:00+09:00")
    found = read_history(clone, cache_dir=tmp_path / "cache")
    assert [entry.sha for entry in found.entries] == [later, shas["initiative"], shas["english"], shas["competency"]]
    initial = found.entries[-1]
    assert (
        initial.initial
        and initial.title == ""
        and not initial.texts
        and initial.date.date().isoformat() == "2024-10-01"
    )
    assert TITLES["competency"] not in [entry.title for entry in found.entries]


def test_a_competency_changed_in_both_languages(history, policy):
    entry = history.entries[2]
    assert [(c.kind, c.file) for c in entry.texts] == [("changed", "competencies.yml")] and not entry.entities
    change = entry.texts[0]
    item = policy.rank(RANK).table.items[ITEM]
    assert change.new.ja == "常に" + change.old.ja and change.new.en == change.old.en + " Always."
    assert change.context == item.name
    assert change.field == f"tables[{TABLE}].groups[0].items[{ITEM}].description"
    ranks = policy.rank(RANK).table.rank_ids
    assert change.pages[0] == f"ranks/{ranks[0]}.md#{item.id}"
    expected = (
        {f"ranks/{r}.md" for r in ranks} | {f"self-check/{r}.md" for r in ranks} | {item.history_page, "explorer.md"}
    )
    expected |= {
        f"compare/{RANK}--{upper.id}.md" for upper in policy.ranks if upper.position < policy.rank(RANK).position
    }
    assert expected <= entry.pages


def test_an_english_only_change_is_a_translation_change(history):
    entry = history.entries[1]
    assert [(c.kind, c.file) for c in entry.texts] == [("translation", "ranks.yml")]
    assert entry.texts[0].new.en == "Leads the section's daily work." and entry.texts[0].pages[0] == f"ranks/{RANK}.md"


def test_a_new_initiative_is_named_not_listed_text_by_text(history):
    entry = history.entries[0]
    assert not entry.texts
    [added] = entry.entities
    assert (added.kind, added.what, added.key) == ("added", "initiative", "036")
    assert added.name.ja == "036 新しい取組の試験" and added.name.en == "036 A test initiative"
    assert added.pages == ("initiatives/036.md", "initiatives/index.md")


def test_each_page_knows_its_changes_in_each_language(history, repository):
    _, shas = repository

    def shas_for(page, language):
        return [entry.sha for entry in history.entries_for(page, language)]

    # the English-only change counts for the English page only
    assert shas_for(f"ranks/{RANK}.md", "en") == [shas["english"], shas["competency"], shas["initial"]]
    assert shas_for(f"ranks/{RANK}.md", "ja") == [shas["competency"], shas["initial"]]
    for derived in ("explorer.md", f"self-check/{RANK}.md", "ranks/deputy-manager.md"):
        assert shas_for(derived, "ja")[0] == shas["competency"], derived
    assert shas_for("initiatives/index.md", "ja")[0] == shas["initiative"]
    assert shas_for("glossary.md", "ja") == [shas["initial"]]


def test_a_second_read_uses_the_cache_only(repository, tmp_path, monkeypatch):
    root, shas = repository
    first = read_history(root, cache_dir=tmp_path)
    assert {p.stem for p in tmp_path.glob("*.json")} == set(shas.values())

    def fail(*args):
        raise AssertionError("a cached commit was compared again")

    monkeypatch.setattr(history_read, "compare_commit", fail)
    again = read_history(root, cache_dir=tmp_path)
    assert again.entries == first.entries


def test_inserted_entries_and_moves_are_no_text_changes():
    old = {"ranks": [{"id": "a", "name": {"ja": "甲", "en": "A"}, "roles": [{"duties": [{"ja": "一", "en": "one"}]}]}]}
    new = {"ranks": [{"id": "z", "name": {"ja": "乙", "en": "Z"}, "roles": []}, *old["ranks"]]}
    texts, entities = compare_file("ranks.yml", old, new, ["a"], ["z", "a"])
    assert texts == [] and [(e.kind, e.what, e.key) for e in entities] == [("added", "rank", "z")]
    texts, entities = compare_file("ranks.yml", new, old, ["z", "a"], ["a"])
    assert texts == [] and [(e.kind, e.key) for e in entities] == [("removed", "z")]
    # a paragraph inserted before others: one added text, the others unchanged
    before = {"section": {"intro": [{"ja": "一", "en": "one"}, {"ja": "二", "en": "two"}]}}
    after = {"section": {"intro": [{"ja": "零", "en": "zero"}, {"ja": "一", "en": "one"}, {"ja": "二", "en": "two"}]}}
    texts, _ = compare_file("areas.yml", before, after)
    assert [(t.kind, t.new.ja) for t in texts] == [("added", "零")]


def test_the_title_of_a_merged_pull_request_is_its_own_with_its_english_form():
    titles = history_read.titles
    # GitHub's merge commit: the pull request's title on the next line; its description (the template's
    # "English: …" line, instructions in comments left out) when the repository's setting puts it there
    merge = "Merge pull request #12 from hr/fix\n\n係長の役割を修正\n"
    english = "\n<!-- English: 英語の題名 -->\nEnglish: Chief's role corrected\n"
    assert titles(merge + english) == ("係長の役割を修正 (#12)", "Chief's role corrected (#12)")
    assert titles(merge) == ("係長の役割を修正 (#12)", "")
    assert titles(merge + "\nEnglish:\n") == ("係長の役割を修正 (#12)", "")
    # a squash merge: the title carries the number; the English line may be written with a full-width colon
    assert titles("係長の役割を修正 (#12)\n\n* a\nEnglish：Chief's role corrected") == (
        "係長の役割を修正 (#12)",
        "Chief's role corrected (#12)",
    )
    # a title without Japanese is its own English form; "English:" on the title line is the title
    assert titles("Fix a typo (#3)\n\n* a") == ("Fix a typo (#3)", "Fix a typo (#3)")
    assert titles(TITLES["english"]) == (TITLES["english"], TITLES["english"])


def test_an_untranslated_title_is_shown_marked_as_japanese_on_english_pages(history, policy):
    initiative, competency = history.entries[0], history.entries[2]
    assert (initiative.english_title, competency.english_title) == (INITIATIVE_IN_ENGLISH, "")
    en = PageRenderer(policy, "en", history).render("changes.md")
    ja = PageRenderer(policy, "ja", history).render("changes.md")
    assert INITIATIVE_IN_ENGLISH in en and INITIATIVE_IN_ENGLISH not in ja and TITLES["initiative"] not in en
    untranslated = label("change_title_untranslated")
    heading = html.unescape(re.search(r"^### .*" + re.escape(f"{competency.anchor}"), en, re.M).group())
    assert re.search(r'<span lang="ja">[^<]*</span> \(' + re.escape(untranslated["en"]), heading), heading
    assert untranslated["ja"] not in ja
    page = PageRenderer(policy, "en", history).render(f"ranks/{RANK}.md")
    assert f'title="{TITLES["english"]}"' in page


def test_the_changes_page_shows_the_entries_with_marked_differences(history, policy):
    for language in LANGUAGES:
        text = PageRenderer(policy, language, history, SITE_URL).render("changes.md")
        entry = history.entries[2]
        assert f'id="{entry.anchor}"' in text or f"#{entry.anchor} }}" in text
        for e in history.entries:
            assert format_date(e.date, language) in text
        assert TITLES["competency"] in text
        assert (TITLES["initiative"] if language == "ja" else INITIATIVE_IN_ENGLISH) in text
        added = "常に" if language == "ja" else "Always"
        assert re.search(rf'<ins class="diff-added">(<span class="visually-hidden">[^<]*</span>)?[^<]*{added}', text)
        assert label("change_initial")[language] in text
        assert ("036 " + ("新しい取組の試験" if language == "ja" else "A test initiative")) in text
        assert label("change_translation")[language] in text
        assert 'href="../changes.xml"' in text
        assert 'class="diff-legend"' in text, "the marks' legend, where wording is marked"


def test_the_legend_of_the_marks_only_where_wording_is_marked(history, policy):
    """Only the first publication: nothing is marked, and no legend says what marks mean."""
    first = replace(history, entries=[entry for entry in history.entries if entry.initial])
    for language in LANGUAGES:
        text = PageRenderer(policy, language, first, SITE_URL).render("changes.md")
        assert label("change_initial")[language] in text and 'class="diff-legend"' not in text


def test_each_page_ends_with_its_last_change_and_links_to_its_entries(history, policy):
    english, competency = history.entries[1], history.entries[2]
    ja = PageRenderer(policy, "ja", history).render(f"ranks/{RANK}.md")
    en = PageRenderer(policy, "en", history).render(f"ranks/{RANK}.md")
    assert re.search(rf'{label("last_changed")["ja"]}：<time datetime="2024-10-01">2024年10月1日</time>', ja)
    assert f'href="../../changes/#{competency.anchor}"' in ja and english.anchor not in ja
    assert re.search(r'Last updated: <time datetime="2024-11-01">1 November 2024</time>', en)
    assert f'href="../../changes/#{english.anchor}"' in en and f'href="../../changes/#{competency.anchor}"' in en
    changes = PageRenderer(policy, "ja", history).render("changes.md")
    assert label("last_changed")["ja"] not in changes


def test_the_feeds_follow_rfc_4287(history, policy, tmp_path):
    written = write_feeds(history, policy, tmp_path, SITE_URL)
    assert [p.relative_to(tmp_path).as_posix() for p in written] == ["changes.xml", "en/changes.xml"]
    entry_ids = []
    for language, path in zip(LANGUAGES, written, strict=True):
        base = SITE_URL + url_prefix(language)
        feed = ET.parse(path).getroot()
        assert feed.tag == f"{ATOM}feed"
        for element in ("id", "title", "updated"):
            assert len(feed.findall(f"{ATOM}{element}")) == 1, element
        assert feed.find(f"{ATOM}author/{ATOM}name").text
        assert feed.find(f"{ATOM}id").text.startswith("tag:")
        links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
        assert links == {"self": base + "changes.xml", "alternate": base + "changes/"}
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == len(history.entries)
        ids = [entry.find(f"{ATOM}id").text for entry in entries]
        assert len(set(ids)) == len(ids) and all(re.fullmatch(r"tag:[\w.-]+,\d{4}:[\w/.-]+", i) for i in ids)
        assert all(i.startswith(f"{FEED_ID}/{language}/") for i in ids)
        entry_ids += ids
        for entry, record in zip(entries, history.entries, strict=True):
            for element in ("id", "title", "updated"):
                assert len(entry.findall(f"{ATOM}{element}")) == 1, element
            updated = datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
            assert updated.tzinfo is not None and updated == record.date
            assert entry.find(f"{ATOM}link").get("href") == f"{base}changes/#{record.anchor}"
            content = entry.find(f"{ATOM}content")
            assert content.get("type") == "html"
            assert all(href.startswith(base) for href in re.findall(r'href="([^"]*)"', content.text))
        assert datetime.fromisoformat(feed.find(f"{ATOM}updated").text) == history.entries[0].date
        assert entries[2].find(f"{ATOM}title").text == TITLES["competency"]
        assert "changes/#" not in atom_feed(history, policy, language, SITE_URL).split("<entry>")[0]
        assert (path.parent / "feed.css").is_file(), "the stylesheet a browser shows the feed with, beside it"
    assert len(set(entry_ids)) == len(entry_ids), "an entry's id is not the same in both languages' feeds"


def test_without_the_sites_address_no_feed_is_offered(history, policy, tmp_path):
    """A feed's links must be absolute, and only the site's address (mkdocs.yml site_url) makes them so."""
    assert write_feeds(history, policy, tmp_path, None) == [] and not list(tmp_path.iterdir())
    for language in LANGUAGES:
        assert not feeds_published(history, None) and feeds_published(history, SITE_URL)
        page = PageRenderer(policy, language, history).render("changes.md")
        assert "changes.xml" not in page and label("changes_feed")[language] not in page
        assert "changes.xml" in PageRenderer(policy, language, history, SITE_URL).render("changes.md")


def test_no_history_in_an_archive_or_a_shallow_clone(repository, tmp_path, policy):
    root, _ = repository
    archive = subprocess.run(
        ["git", "-C", str(root), "archive", "--format=tar", "HEAD"], check=True, capture_output=True
    ).stdout
    extracted = tmp_path / "archive"
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(extracted, filter="data")
    unavailable = read_history(extracted, cache_dir=tmp_path / "cache")
    assert not unavailable.available and unavailable.entries == [] and "not a git work tree" in unavailable.reason
    page = PageRenderer(policy, "ja", unavailable).render("changes.md")
    assert label("changes_unavailable")["ja"] in page and "changes.xml" not in page
    assert label("last_changed")["ja"] not in PageRenderer(policy, "ja", unavailable).render(f"ranks/{RANK}.md")
    assert write_feeds(unavailable, policy, tmp_path / "site", SITE_URL) == []
    assert not feeds_published(unavailable, SITE_URL)
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{root}", str(shallow)], check=True)
    assert "shallow" in read_history(shallow, cache_dir=tmp_path / "cache").reason


def test_dates_are_written_as_each_language_writes_them():
    date = datetime(2026, 11, 9, 8, 0, tzinfo=TIME_ZONE)
    assert format_date(date, "ja") == "2026年11月9日" and format_date(date, "en") == "9 November 2026"


def test_a_data_file_that_does_not_parse_in_an_old_commit_is_skipped(tmp_path):
    root = tmp_path / "project"
    shutil.copytree(DATA_DIR, root / "policy_data", ignore=shutil.ignore_patterns("source", "initiatives", "schemas"))
    published(root / "policy_data", DATES[1][:10])
    git(root, "init", "-q", "-b", "main")
    commit(root, "初版", DATES[1])
    glossary = root / "policy_data" / "glossary.yml"
    good = glossary.read_text(encoding="utf-8")
    glossary.write_text(good + "\n  - {ja: 閉じていない\n", encoding="utf-8")
    broken = commit(root, "壊れた編集", DATES[2])
    meta = root / "policy_data" / "meta.yml"
    edit_yaml(meta, lambda data: data["title"].update(en=data["title"]["en"] + " (draft)"))
    glossary.write_text(good, encoding="utf-8")
    fixed = commit(root, "修正", DATES[3])
    found = read_history(root, cache_dir=tmp_path / "cache")
    assert [entry.sha for entry in found.entries[:2]] == [fixed, broken]
    assert [(c.kind, c.file) for c in found.entries[0].texts] == [("translation", "meta.yml")]
    assert found.entries[1].texts == []
