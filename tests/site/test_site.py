"""The real site, built once with --strict, read as HTML."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path


from handbook.fidelity import japanese_strings, normalise, sentence_coverage, source_text
from handbook.load import DATA_DIR, read_documents
from handbook.site import page_specs

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


class _Reader(HTMLParser):
    """Collects the text of <article> and every resource address of a page."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.article: list[str] = []
        self.resources: list[str] = []
        self.links: list[tuple[str, dict]] = []
        self.html_lang = None
        self.skip = 0

    INLINE = {"a", "abbr", "strong", "em", "span", "sup", "sub", "b", "i", "code", "br"}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.depth and tag not in self.INLINE:
            self.article.append("\n")
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "article":
            self.depth += 1
        if tag in ("script", "style") and self.depth:
            self.skip += 1
        for key in ("src", "href"):
            if key in attrs and tag in ("script", "link", "img", "iframe", "source", "video", "audio"):
                if not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                    self.resources.append(attrs[key])
        if tag == "a" and "href" in attrs:
            self.links.append((attrs["href"], attrs))

    def handle_endtag(self, tag):
        if self.depth and tag not in self.INLINE:
            self.article.append("\n")
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style") and self.skip:
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.article.append(data)


def read(path: Path) -> _Reader:
    reader = _Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def page_file(site: Path, url: str, language: str) -> Path:
    prefix = "" if language == "ja" else "en/"
    return site / prefix / url / "index.html"


def test_every_entity_has_its_page_in_both_languages(built_site, policy):
    for spec in page_specs(policy):
        for language in ("ja", "en"):
            path = page_file(built_site, spec.url, language)
            assert path.exists(), f"missing {language} page for {spec.path}"
            page = read(path)
            assert page.html_lang == language, f"{path}: lang={page.html_lang}"
            text = "".join(page.article)
            assert "<h1" in path.read_text(encoding="utf-8")
            if spec.key:
                assert spec.title[language].split(" ", 1)[-1] in text, f"{path} lacks its title"


def test_rank_pages_show_all_their_competencies_with_anchors(built_site, policy):
    for rank in policy.ranks:
        for language in ("ja", "en"):
            html = page_file(built_site, f"ranks/{rank.id}/", language).read_text(encoding="utf-8")
            for item in rank.table.items:
                assert f'id="{item.id}"' in html
                assert item.description[language].replace("'", "&#x27;")[:20] in html or \
                    item.description[language][:20] in html.replace("&#39;", "'").replace("&quot;", '"')
            # a rank page shows its own competencies only
            assert html.count('class="competency"') == 27


def test_initiatives_have_stable_addresses(built_site, policy):
    for initiative in policy.initiatives:
        html = page_file(built_site, f"initiatives/{initiative.number}/", "ja").read_text(encoding="utf-8")
        assert initiative.title.ja in html and initiative.area.name.ja in html and initiative.theme.name.ja in html


def test_twins_link_to_each_other(built_site, policy):
    for spec in page_specs(policy)[:20] + page_specs(policy)[-5:]:
        ja = page_file(built_site, spec.url, "ja").read_text(encoding="utf-8")
        en = page_file(built_site, spec.url, "en").read_text(encoding="utf-8")
        assert re.search(rf'href="[^"]*en/{re.escape(spec.url)}"[^>]*hreflang="en"', ja), spec.path
        # the Japanese home is the site root: Material links it as "/"
        twin = rf'href="(\.\./)+{re.escape(spec.url)}"' if spec.url else r'href="(\.\.|(\.\./)+)"'
        assert re.search(twin + ' hreflang="ja"', en), spec.path


def test_no_english_page_is_left_in_japanese(built_site, policy):
    for spec in page_specs(policy):
        text = "".join(read(page_file(built_site, spec.url, "en")).article)
        share = len(CJK.findall(text)) / max(len(text), 1)
        assert share < 0.02, f"{spec.path}: {share:.1%} of the English page is Japanese"


def test_nothing_is_loaded_from_another_host(built_site):
    for path in built_site.rglob("*.html"):
        for address in read(path).resources:
            assert not re.match(r"^(https?:)?//", address), f"{path}: loads {address}"
    for path in list(built_site.rglob("*.css")) + list(built_site.rglob("*.js")):
        text = path.read_text(encoding="utf-8", errors="ignore")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text or path.suffix == ".js", path


def test_source_sentences_stand_in_the_built_japanese_pages(built_site, policy):
    """A source sentence counts when the pages show the data strings that reproduce it, as shown text."""
    shown = "".join(normalise("".join(read(page_file(built_site, spec.url, "ja")).article)) for spec in page_specs(policy))
    documents, _ = read_documents(DATA_DIR)
    strings = [text for name, doc in documents.items() if name != "terminology.yml"
               for _, text in japanese_strings(doc.data)]
    on_pages = [text for text in strings if normalise(text) in shown]
    share, missing = sentence_coverage(source_text(), on_pages)
    print(f"\n{share:.1%} of the source's sentences stand in the built Japanese pages "
          f"({len(on_pages)}/{len(strings)} data strings shown)")
    assert share >= 0.95, missing[:10]


def test_glossary_terms_explain_themselves(built_site):
    html = page_file(built_site, "talents/", "ja").read_text(encoding="utf-8")
    assert re.search(r'<a class="glossary-term" href="\.\./glossary/#dx"><abbr title="[^"]+">DX</abbr></a>', html)
