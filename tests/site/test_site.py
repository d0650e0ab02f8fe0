"""The real site, built once with --strict, read as HTML."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from handbook.compare import comparison_key, comparison_pairs, item_histories, pair_items
from handbook.data import DATA_DIR, read_documents
from handbook.fidelity import japanese_strings, normalise, sentence_coverage, source_text
from handbook.history import CHANGES_PAGE, site_history
from handbook.html_text import PageText
from handbook.model import LANGUAGES
from handbook.site import page_specs, url_prefix
from handbook.ui import label
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


def test_a_comparison_shows_what_differs_first_and_folds_the_items_worded_the_same(built_site, policy):
    """主査級 → 主幹級: 27 items, every one worded the same; the ranks differ in their basic roles (補佐 and 代行). The
    page says so at the top, shows both ranks' basic roles side by side, then the items worded differently, and
    folds the items worded the same away in a <details>."""
    for lower, upper in comparison_pairs(policy):
        pairs = pair_items(lower, upper)
        for language in LANGUAGES:
            path = page_file(built_site, f"compare/{comparison_key(lower, upper)}/", language)
            html = path.read_text(encoding="utf-8").replace("<wbr>", "")
            top, _, rest = html.partition('<h2 id="roles"')
            roles, _, items = rest.partition('<h2 id="competencies"')
            assert roles and items, f"{path}: no basic roles before the competencies"
            roles_text = unescape(re.sub(r"<[^>]+>", "", roles))
            for rank in (lower, upper):
                duties = [duty[language] for role in rank.roles for duty in role.duties]
                assert all(duty in roles_text for duty in duties), f"{path}: {rank.id}'s basic roles"
            shown, _, folded = items.partition('<details class="alike-items">')
            assert shown.count('<tr class="changed"') == len(pairs.differing) and 'class="unchanged"' not in shown
            assert folded.count('<tr class="unchanged"') == len(pairs.alike) and 'class="changed"' not in folded
            assert bool(folded) == bool(pairs.alike), f"{path}: a <details> only for items worded the same"
            no_difference = label("comparison_no_difference")[language] in top
            assert no_difference == (not pairs.differing), f"{path}: the summary at the top"
    chief = pair_items(policy.rank("chief"), policy.rank("deputy-manager"))
    assert not chief.differing and len(chief.alike) == 27 and chief.roles_differ


def test_other_job_titles_are_told_whom_to_ask(built_site, policy):
    """The policy maps only operational and transport staff titles onto ranks: under 「職位を探す」 and on the ranks
    page a 係長 reads that the policy gives no rank for their title, and whom to ask (meta.yml's contact)."""
    contact = policy.meta.contact.name
    for url in ("", "ranks/"):
        for language in LANGUAGES:
            text = read(page_file(built_site, url, language)).text()
            notice = label("find_rank_other")[language].replace("{contact}", contact[language])
            assert notice in text, f"/{url_prefix(language)}{url}: no notice for other job titles"
    home = page_file(built_site, "", "ja").read_text(encoding="utf-8")
    finder = home.partition('class="data-table rank-finder"')[2].partition("</table>")[0]
    empty = [rank for rank in policy.ranks if not rank.job_titles]
    assert empty and finder.count('class="empty-cell"') == len(empty), "a rank without job titles shows 「—」"


def test_items_sharing_a_name_are_told_apart_in_the_item_list(built_site, policy):
    """主事級 has two items named 正確性: the list of item histories names each with its group."""
    histories = item_histories(policy)
    names = [history.name.ja for history in histories]
    shared = [history for history in histories if names.count(history.name.ja) > 1]
    text = read(page_file(built_site, "compare/", "ja")).text()
    assert len(shared) == 2
    for history in shared:
        assert f"{history.name.ja}（{history.steps[0][1].group.name.ja}）" in text


def test_every_page_of_the_menu_is_headed_by_its_menu_title(built_site, policy):
    """The menu and the page say the same (GOV.UK's rule): 「新しい時代に求められる人材」 in the menu opens a page
    headed so, not 「３つの鍵となる人材」; "Basic approach of this policy", not "… of the policy"."""
    faults = []
    for spec in page_specs(policy):
        if not spec.in_nav or spec.kind == "home":  # home: the menu says ホーム, the page the policy's title
            continue
        for language in LANGUAGES:
            html = page_file(built_site, spec.url, language).read_text(encoding="utf-8")
            heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)
            heading = unescape(re.sub(r"<[^>]+>", "", heading.replace("<wbr>", ""))).replace("¶", "").strip()
            if heading != spec.title[language]:
                faults.append(f"/{url_prefix(language)}{spec.url}: menu {spec.title[language]!r}, heading {heading!r}")
    assert not faults, "\n".join(faults)
