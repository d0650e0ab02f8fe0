"""The real site, built once with --strict, read as HTML."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from handbook.fidelity import japanese_strings, normalise, sentence_coverage, source_text
from handbook.history import CHANGES_PAGE, site_history
from handbook.html_text import PageText
from handbook.load import DATA_DIR, read_documents
from handbook.model import LANGUAGES
from handbook.site import page_specs, url_prefix
from handbook.yaml_source import text_mappings

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


def page_file(site: Path, url: str, language: str) -> Path:
    return site / url_prefix(language) / url / "index.html"


def read(path: Path) -> PageText:
    return PageText(path.read_text(encoding="utf-8"))


def test_every_entity_has_its_page_in_both_languages(built_site, policy):
    for spec in page_specs(policy):
        for language in LANGUAGES:
            path = page_file(built_site, spec.url, language)
            assert path.exists(), f"missing {language} page for {spec.path}"
            html = path.read_text(encoding="utf-8")
            assert read(path).lang == language, f"{path}: lang is not {language}"
            assert html.count("<h1") == 1, f"{path}: not one h1"
            title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
            assert title.startswith(spec.title[language]), f"{path}: the title {title!r} is not the page's"


def test_rank_pages_show_all_their_competencies_with_anchors(built_site, policy):
    for rank in policy.ranks:
        for language in LANGUAGES:
            path = page_file(built_site, f"ranks/{rank.id}/", language)
            html, text = path.read_text(encoding="utf-8"), read(path).text()
            missing = [
                item.id
                for item in rank.table.items
                if f'id="{item.id}"' not in html or item.description[language] not in text
            ]
            assert not missing, f"{path}: items without their anchor or description: {missing}"
            # a rank page shows its own competencies only
            assert html.count('class="competency"') == len(rank.table.items)


def test_initiatives_have_stable_addresses(built_site, policy):
    for initiative in policy.initiatives:
        text = read(page_file(built_site, f"initiatives/{initiative.number}/", "ja")).text()
        for shown in (initiative.title.ja, initiative.area.name.ja, initiative.theme.name.ja):
            assert shown in text, f"initiatives/{initiative.number}/ lacks {shown!r}"


def test_twins_link_to_each_other(built_site, policy):
    for spec in page_specs(policy)[:20] + page_specs(policy)[-5:]:
        ja = page_file(built_site, spec.url, "ja").read_text(encoding="utf-8")
        en = page_file(built_site, spec.url, "en").read_text(encoding="utf-8")
        english = re.escape(url_prefix("en") + spec.url)
        assert re.search(rf'href="[^"]*{english}"[^>]*hreflang="en"', ja), spec.path
        # the Japanese home is the site root: Material links it as "/"
        twin = rf'href="(\.\./)+{re.escape(spec.url)}"' if spec.url else r'href="(\.\.|(\.\./)+)"'
        assert re.search(twin + ' hreflang="ja"', en), spec.path


def japanese_share(text: str) -> float:
    return len(CJK.findall(text)) / max(len(text), 1)


def without_untranslated_titles(text: str, history) -> str:
    """The English changes page's text without the titles of changes merged without an English form: the
    page shows those in Japanese, marked so (handbook/history.py Entry.title_untranslated)."""
    for entry in history.entries:
        if entry.title_untranslated("en"):
            assert entry.title in text, entry.title
            text = text.replace(entry.title, "")
    return text


def test_no_english_page_is_left_in_japanese(built_site, policy):
    for spec in page_specs(policy):
        text = read(page_file(built_site, spec.url, "en")).text()
        if spec.path == CHANGES_PAGE:
            text = without_untranslated_titles(text, site_history())
        share = japanese_share(text)
        assert share < 0.02, f"{spec.path}: {share:.1%} of the English page is Japanese"


def test_source_sentences_stand_in_the_built_japanese_pages(built_site, policy):
    """A source sentence counts when the pages show the data strings that reproduce it, as shown text."""
    shown = "".join(normalise(read(page_file(built_site, spec.url, "ja")).text()) for spec in page_specs(policy))
    documents, _ = read_documents(DATA_DIR)
    strings = [
        text for name, doc in documents.items() if name != "terminology.yml" for _, text in japanese_strings(doc.data)
    ]
    # A page reference of the printed policy (（P14～20）, 次ページ以降) is shown as a link to the place it
    # points at: the words around it are what the page must show.
    pointers = {
        mapping["ja"]: mapping["see"]["ja"]
        for doc in documents.values()
        for _, mapping in text_mappings(doc.data)
        if isinstance(mapping.get("see"), dict)
    }

    def is_shown(text: str) -> bool:
        pieces = text.split(pointers[text]) if text in pointers else [text]
        return all(normalise(piece) in shown for piece in pieces if normalise(piece))

    on_pages = [text for text in strings if is_shown(text)]
    share, missing = sentence_coverage(source_text(), on_pages)
    print(
        f"\n{share:.1%} of the source's sentences stand in the built Japanese pages "
        f"({len(on_pages)}/{len(strings)} data strings shown)"
    )
    assert share >= 0.95, missing[:10]


def test_glossary_terms_explain_themselves(built_site):
    html = page_file(built_site, "talents/", "ja").read_text(encoding="utf-8")
    assert re.search(r'<a class="glossary-term" href="\.\./glossary/#dx"><abbr title="[^"]+">DX</abbr></a>', html)


def test_an_indicator_card_links_the_initiative_with_its_target(built_site, policy):
    linked = [b for b in policy.indicators.basics if b.initiative]
    assert linked, "no indicator names its initiative in indicators.yml"
    for language in LANGUAGES:
        html = page_file(built_site, "indicators/", language).read_text(encoding="utf-8")
        for indicator in linked:
            card = html[html.index(f'<section class="indicator" id="{indicator.id}">') :]
            card = card[: card.index("</section>")]
            assert f'href="../initiatives/{indicator.initiative.number}/"' in card, (language, indicator.id)
