"""The build's steps (handbook.build) one at a time, without any site generator."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest
from tiny_policy import build_tiny_policy

from handbook.build import Build, PageFinisher, SiteSwap
from handbook.build.blocks import put_back, set_aside
from handbook.build.zensical import language_config, merge
from handbook.data import DATA_DIR

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


def test_the_generator_draws_headings_and_the_finish_step_puts_the_handbook_s_html_back(build):
    """The generator gets the page's headings (its title and table of contents) and a placeholder paragraph for
    each block of the handbook's HTML, which it draws as Python-Markdown does; the finish step puts the blocks back,
    their links as written (relative to the page's address, /ranks/chief/)."""
    page = build.page("ranks/chief.md", "ja")
    assert "# 主査級" in page.markdown.split("\n") and "## 基本的な役割 { #roles }" in page.markdown.split("\n")
    assert "<" not in page.markdown, "no HTML reaches the generator's Markdown parser"
    drawn = markdown.markdown(page.markdown, extensions=["attr_list", "toc"])
    finished = build.finisher.page(f"<article>{drawn}</article>", "ja")
    assert "handbookblock" not in finished
    assert '<a href="../deputy-manager/">' in finished and '<h2 id="roles">' in finished
    order = ['<h2 id="roles">', 'class="duties"', '<h2 id="competencies">']
    assert [finished.index(part) for part in order] == sorted(finished.index(part) for part in order)


def test_no_link_reaches_the_generator(build):
    """Zensical rewrites every link it sees from the source file's folder: links belong in the blocks set aside
    (a heading holds text only)."""
    for language in ("ja", "en"):
        for page in build.pages(language):
            assert not re.search(r"\b(?:href|src)=", page.markdown), (page.path, language)


def test_only_whole_blocks_of_html_are_set_aside():
    content = "\n".join(
        [
            "# Title",
            '<div class="a">',
            "# not a heading: inside the block",  # data text on a line of its own stays in its block
            "<br>",
            "</div>",
            '<span id="areas"></span>',  # inline: Markdown makes it a paragraph, as it did
            "<section><p>one</p>",
            "",
            "<p>two</p></section>",
        ]
    )
    markdown_text, blocks = set_aside(content)
    assert markdown_text.split("\n")[0] == "# Title" and '<span id="areas"></span>' in markdown_text
    assert sorted(blocks.values()) == [
        '<div class="a">\n# not a heading: inside the block\n<br>\n</div>',
        "<section><p>one</p>\n\n<p>two</p></section>",
    ]
    drawn = markdown.markdown(markdown_text)
    assert put_back(drawn, blocks).count("<section>") == 1
    with pytest.raises(ValueError, match="not closed"):
        set_aside("<div>\n<p>never closed</p>")
    with pytest.raises(KeyError, match="did not set aside"):
        put_back("<p>handbookblock" + "0" * 24 + "</p>", blocks)


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
