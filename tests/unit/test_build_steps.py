"""The build's steps (handbook.build) one at a time, without any site generator."""

from __future__ import annotations

from pathlib import Path

import pytest
from tiny_policy import build_tiny_policy

from handbook.build import Build, PageFinisher, SiteSwap
from handbook.build.zensical import language_config, merge
from handbook.load import DATA_DIR

REPOSITORY_ROOT = DATA_DIR.parent


@pytest.fixture(scope="module")
def tiny():
    return build_tiny_policy()


@pytest.fixture(scope="module")
def build():
    return Build(REPOSITORY_ROOT)


# A page as Material draws it, cut down to what the finish step acts on.
DRAWN = """<!doctype html><html lang="ja"><head><title>職位</title>
<link rel="alternate" href="/en/" hreflang="en"></head><body>
<label class="md-overlay" for="__drawer"></label>
<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">
<button><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d=""/></svg></button>
<article><p>職員一人ひとりが成長を実感できる職場環境をつくります。Top message</p>
<script>var s = "職員一人ひとりが成長";</script></article></body></html>"""


def test_the_finish_step_mends_the_theme_marks_languages_and_breaks_phrases(tiny):
    html = PageFinisher(tiny).page(DRAWN, "ja")
    assert '<div class="md-overlay" aria-hidden="true"></div>' in html and "<label" not in html
    assert 'autocomplete="off"' not in html
    assert 'aria-hidden="true" focusable="false"><path' in html
    assert 'rel="alternate"' not in html, "the head's language links (Material fetches a sitemap for each)"
    assert '<span lang="en">Top message</span>' in html
    paragraph = html[html.index("<p>") : html.index("</p>")]
    assert paragraph.count("<wbr>") >= 3 and paragraph.replace("<wbr>", "").startswith("<p>職員一人ひとりが")
    assert 'var s = "職員一人ひとりが成長";' in html, "scripts are left as they are"
    assert "<title>職位</title>" in html


def test_a_swap_replaces_the_site_only_when_committed(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old", encoding="utf-8")
    swap = SiteSwap(site)
    swap.staging.mkdir()
    (swap.staging / "index.html").write_text("half", encoding="utf-8")
    swap.abandon()
    assert (site / "index.html").read_text(encoding="utf-8") == "old" and not swap.staging.exists()
    swap = SiteSwap(site)
    swap.staging.mkdir()
    (swap.staging / "index.html").write_text("new", encoding="utf-8")
    assert swap.commit() == site.resolve()
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_page_meta_gives_the_theme_its_title_twins_and_running_header(build):
    meta = build.meta("ranks/chief.md", "en")
    assert meta["title"] == build.specs["ranks/chief.md"].title["en"]
    assert meta["address"] == "/en/ranks/chief/"
    assert [(a["lang"], a["link"]) for a in meta["alternate"]] == [
        ("ja", "../../../ranks/chief/"),
        ("en", "./"),
    ]
    assert meta["chrome"] == {
        "accessibility": "../../accessibility/",
        "initiatives": "../../initiatives/",
        "explorer": "../../explorer/",
    }
    assert meta["print_running_header"].startswith('"') and "Kumamoto" in meta["print_running_header"]
    home = build.meta("index.md", "ja")
    assert [a["link"] for a in home["alternate"]] == ["./", "en/"]


@pytest.mark.parametrize(
    ("links", "expected"), [("address", 'href="../deputy-manager/"'), ("source", 'href="deputy-manager/"')]
)
def test_links_are_written_for_the_generator_that_resolves_them(links, expected):
    """MkDocs keeps a link as written (relative to the page's address, /ranks/chief/); Zensical resolves it
    again from the source file's folder (ranks/), so the same link is written one level up less."""
    page = Build(REPOSITORY_ROOT, links=links).page("ranks/chief.md", "ja")
    assert expected in page.markdown


def test_each_language_of_a_zensical_build_gets_the_handbook_s_navigation_and_words(build):
    config = language_config(build, "en", REPOSITORY_ROOT)
    assert config["theme"]["language"] == "en"
    assert Path(config["theme"]["custom_dir"]).is_dir()
    assert config["site_name"].startswith("Kumamoto City")
    assert config["extra"]["not_found"][0]["language"] == "ja"
    toc = next(e["toc"] for e in config["markdown_extensions"] if isinstance(e, dict) and "toc" in e)
    assert toc["permalink_title"] == "Link to this heading"
    assert toc["slugify"]["object"] == "pymdownx.slugs.slugify", "mkdocs.yml's Python tag, in Zensical's form"
    assert list(config["nav"][0]) == ["Home"]
    assert all(type(key) is str for entry in config["nav"] for key in entry), "plain strings for YAML"


def test_the_merge_puts_english_under_en_and_points_it_at_the_shared_assets(tmp_path):
    drawn = {}
    for language in ("ja", "en"):
        root = tmp_path / language
        (root / "assets").mkdir(parents=True)
        (root / "ranks").mkdir()
        (root / "404.html").write_text(language, encoding="utf-8")
        (root / "index.html").write_text('<link href="./assets/a.css"><a href="ranks/">x</a>', encoding="utf-8")
        (root / "ranks" / "index.html").write_text('<script src="../assets/a.js"></script>', encoding="utf-8")
        drawn[language] = root
    site = tmp_path / "site"
    merge(drawn, site)
    assert (site / "404.html").read_text(encoding="utf-8") == "ja"
    assert not (site / "en" / "assets").exists() and not (site / "en" / "404.html").exists()
    assert (site / "en" / "index.html").read_text(
        encoding="utf-8"
    ) == '<link href="../assets/a.css"><a href="ranks/">x</a>'
    assert (site / "en" / "ranks" / "index.html").read_text(
        encoding="utf-8"
    ) == '<script src="../../assets/a.js"></script>'
