"""The renderer on the tiny policy (tests/unit/tiny_policy.py): every page kind in both languages, escaping,
anchors, relative links, English punctuation, strictness. The prose pages that read Policy.meta and
Policy.organisation (which the tiny policy leaves out) are rendered from the real data."""

from __future__ import annotations

import html
import pickle
import re
import sys
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin

import pytest
from jinja2 import UndefinedError
from markupsafe import escape
from tiny_policy import CJK_PUNCTUATION, GLOSSARY_ID, HOSTILE, HOSTILE_ITEM, PROSE_KINDS, build_tiny_policy

from handbook import charts
from handbook.compare import comparison_page, comparison_pairs, item_histories, pair_items
from handbook.exports import DOWNLOADS
from handbook.model import LANGUAGES, Figure, TalentAbility, Text, UnknownId
from handbook.render import (
    TEMPLATES,
    Glossary,
    PageRenderer,
    environment,
    format_figure,
    heading_text,
    print_running_header,
    text_in,
)
from handbook.site import page_specs, url_prefix
from handbook.ui import label, separators
from handbook.yaml_source import read_yaml

SITE = "http://handbook.test/"  # any absolute base: relative links are resolved against it
JAPANESE_LETTERS = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
DOWNLOAD_FILES = {f"{name}.{suffix}" for name in ("competencies", "initiatives") for suffix in ("csv", "json", "xlsx")}


@pytest.fixture(scope="module")
def tiny():
    return build_tiny_policy()


@pytest.fixture(scope="module")
def pages(tiny) -> dict[tuple[str, str], str]:
    """Every page of the tiny policy except the prose pages, in both languages: {(language, path): text}."""
    out = {}
    for language in LANGUAGES:
        renderer = PageRenderer(tiny, language)
        for spec in page_specs(tiny):
            if spec.kind not in PROSE_KINDS:
                out[language, spec.path] = renderer.render(spec.path)
    return out


class _Tags(HTMLParser):
    """Every start tag with its attributes (values unescaped), and the text outside tags."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def tags(text: str, name: str) -> list[dict]:
    return [attrs for tag, attrs in _Tags(text).tags if tag == name]


def hrefs(text: str) -> list[str]:
    return [attrs["href"] for attrs in tags(text, "a")]


def ids(text: str) -> set[str]:
    """Fragment targets of a page: id="…" attributes and Markdown attribute lists on headings ({ #id })."""
    return set(re.findall(r'\bid="([^"]+)"', text)) | set(re.findall(r"\{ #([^ }]+) \}", text))


def page_address(spec_url: str, language: str) -> str:
    return SITE + url_prefix(language) + spec_url


# Every page kind, both languages


def test_the_tiny_policy_has_every_kind_of_page_and_each_has_a_template(tiny, policy):
    kinds = {spec.kind for spec in page_specs(tiny)}
    templates = {path.name.removesuffix(".md.j2") for path in TEMPLATES.glob("*.md.j2")}
    assert kinds == templates
    # the real data has a page of every kind but those whose pages come and go with it (a withdrawn initiative)
    assert kinds - {spec.kind for spec in page_specs(policy)} <= {"withdrawn_initiative"}
    assert PROSE_KINDS < kinds


def test_every_tiny_page_renders_in_both_languages_with_its_own_language(tiny, pages):
    specs = [spec for spec in page_specs(tiny) if spec.kind not in PROSE_KINDS]
    assert len(pages) == 2 * len(specs)
    for spec in specs:
        ja, en = pages["ja", spec.path], pages["en", spec.path]
        assert re.search(r"^# \S", ja, re.M) and re.search(r"^# \S", en, re.M), spec.path
        assert ja != en, spec.path
        assert not JAPANESE_LETTERS.search(en), f"Japanese on the English page {spec.path}"
        assert JAPANESE_LETTERS.search(ja), f"no Japanese on the Japanese page {spec.path}"


@pytest.mark.parametrize("kind", sorted(PROSE_KINDS))
def test_prose_pages_render_from_the_real_data_in_both_languages(policy, kind):
    spec = next(spec for spec in page_specs(policy) if spec.kind == kind)
    for language in LANGUAGES:
        text = PageRenderer(policy, language).render(spec.path)
        assert re.search(r"^# \S", text, re.M), (language, spec.path)
        assert "<script" not in text
        urls = {page_address(s.url, language) for s in page_specs(policy)}
        for href in hrefs(text):
            assert not href.startswith("/") and "://" not in href, href
            target = urldefrag(urljoin(page_address(spec.url, language), href)).url
            assert target in urls or target.startswith(SITE + DOWNLOADS + "/"), (spec.path, href)


def _non_ascii_runs(text: str) -> list[str]:
    return re.findall(r"[^\x00-\x7f]+", text)


@pytest.mark.parametrize("kind", sorted(PROSE_KINDS))
def test_real_english_prose_pages_have_cjk_punctuation_only_inside_the_data(policy, kind):
    """The real English data quotes Japanese in places (editor's notes); any run of such characters on an
    English page must come from an English text of the data, never from a template or the Japanese text."""
    english = "\n".join(_english_texts(policy))
    spec = next(spec for spec in page_specs(policy) if spec.kind == kind)
    text = PageRenderer(policy, "en").render(spec.path)
    for run in _non_ascii_runs(text):
        if set(run) & set(CJK_PUNCTUATION):
            assert run in english, f"{run!r} on /en/{spec.url}"


def _english_texts(policy) -> list[str]:
    seen, found = set(), []

    def walk(node):
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, Text):
            found.append(node.en)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list | tuple):
            for value in node:
                walk(value)
        elif hasattr(node, "__dataclass_fields__"):
            for name in node.__dataclass_fields__:
                walk(getattr(node, name))

    walk(policy)
    return found


# Data text is shown as text


HOSTILE_PAGES = ["ranks/officer.md", "self-check/officer.md", "explorer.md", "items/challenge.md"]
DIFF_PAGES = ["compare/officer--director.md", "compare/officer--manager.md"]


@pytest.mark.parametrize("path", HOSTILE_PAGES + DIFF_PAGES)
@pytest.mark.parametrize("language", LANGUAGES)
def test_markup_and_template_syntax_in_the_data_are_shown_escaped(pages, path, language):
    text = pages[language, path]
    assert "<script" not in text
    assert "&lt;script&gt;" in text and "alert(1)" in text
    assert "49" not in text, "template syntax in the data was evaluated"
    if path in HOSTILE_PAGES:  # shown whole (comparisons split it into marked runs)
        assert "&lt;script&gt;alert(1)&lt;/script&gt; {{ 7*7 }}" in text
        assert HOSTILE in "".join(_Tags(text).text)


def test_the_hostile_description_is_in_the_tiny_policy(tiny):
    officer = tiny.rank("officer")
    assert [item.description.en for item in officer.table.items if item.id == HOSTILE_ITEM][0].startswith(HOSTILE)


def test_heading_text_turns_markdown_syntax_into_references():
    raw = "A <b>*bold*</b> # [link](x) _under_ `code` | pipe & amp"
    heading = heading_text(raw)
    assert not re.search(r"[<>*#\[\]()_`|]", heading.replace("&#", ""))
    assert html.unescape(str(heading)) == raw


def test_heading_of_an_orientation_page_is_its_name(tiny, pages):
    for language in LANGUAGES:
        for orientation in tiny.orientations:
            text = pages[language, orientation.page]
            first_heading = re.search(r"^# (.*)$", text, re.M).group(1)
            assert html.unescape(first_heading) == orientation.name[language]


def test_environment_autoescapes_and_is_strict(tiny):
    env = environment()
    assert env.from_string("{{ value }}").render(value="<b>&</b>") == "&lt;b&gt;&amp;&lt;/b&gt;"
    with pytest.raises(UndefinedError, match="nmae"):
        env.from_string("{{ rank.tier.nmae }}").render(rank=tiny.ranks[0])
    with pytest.raises(UndefinedError):
        env.from_string("{{ nobody }}").render()
    with pytest.raises(UndefinedError):
        env.from_string("{% for x in rank.nothing %}{{ x }}{% endfor %}").render(rank=tiny.ranks[0])


def test_an_unknown_page_path_raises_keyerror(tiny):
    renderer = PageRenderer(tiny, "en")
    with pytest.raises(KeyError, match="ranks/nobody.md"):
        renderer.render("ranks/nobody.md")
    with pytest.raises(KeyError):
        renderer.render("ranks/director")  # the source path, not the address


@pytest.mark.parametrize("look_up", ["rank", "orientation", "talent", "initiative"])
def test_unknown_ids_raise_unknown_id_naming_the_id(tiny, look_up):
    with pytest.raises(UnknownId, match="no-such-id") as raised:
        getattr(tiny, look_up)("no-such-id")
    assert isinstance(raised.value, KeyError)
    known = {"rank": "director", "orientation": "citizen", "talent": "digital", "initiative": "001"}[look_up]
    assert known in str(raised.value)


def test_an_unknown_language_raises_unknown_id(tiny):
    with pytest.raises(UnknownId, match="fr"):
        Text("日本語", "English")["fr"]
    with pytest.raises(KeyError):
        PageRenderer(tiny, "fr")


# Anchors and links


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_of_a_rank_is_an_anchor_on_its_rank_and_self_check_pages(tiny, pages, language):
    for rank in tiny.ranks:
        rank_page, sheet = pages[language, rank.page], pages[language, rank.self_check_page]
        for item in rank.table.items:
            assert f'<div class="competency" id="{item.id}">' in rank_page
            assert f'href="#{item.id}"' in rank_page
            assert f'<tr id="{item.id}"' in sheet
        other_ids = {item.id for r in tiny.ranks for item in r.table.items} - {item.id for item in rank.table.items}
        assert not any(f'id="{item_id}"' in rank_page for item_id in other_ids), rank.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_link_is_relative_and_reaches_a_page_and_its_anchor(tiny, pages, language):
    """Resolving each href against the page's own address must land on the address of a page of the handbook
    in the same language (or a download at the site root), and its fragment on an id of that page."""
    specs = page_specs(tiny)
    by_address = {page_address(spec.url, language): spec for spec in specs}
    checked = 0
    for spec in specs:
        if spec.kind in PROSE_KINDS:
            continue
        text = pages[language, spec.path]
        here = page_address(spec.url, language)
        for href in hrefs(text):
            assert not href.startswith("/") and "://" not in href, f"{spec.path}: absolute link {href}"
            address, fragment = urldefrag(urljoin(here, href))
            if address.startswith(SITE + DOWNLOADS + "/"):
                assert address.removeprefix(SITE + DOWNLOADS + "/") in DOWNLOAD_FILES, href
                continue
            assert address in by_address, f"{spec.path}: {href} leads to {address}, which is no page"
            target = by_address[address]
            if fragment and target.kind not in PROSE_KINDS:
                assert fragment in ids(pages[language, target.path]), f"{spec.path}: {href} has no target"
            checked += 1
    assert checked > 300  # the tiny pages hold some 350 links: the parser did find them


def test_links_from_a_comparison_page_to_its_ranks(tiny, pages):
    officer, director = tiny.rank("officer"), tiny.rank("director")
    path = comparison_page(officer, director)
    for language, prefix in (("ja", ""), ("en", "en/")):
        links = hrefs(pages[language, path])
        # compare/officer--director/ → ranks/director/: up two folders, whatever the language
        assert "../../ranks/director/" in links and "../../ranks/officer/" in links
        assert "../../ranks/director/#listening" in links and "../../ranks/officer/#listening" in links
        assert urljoin(f"{SITE}{prefix}compare/officer--director/", "../../ranks/director/") == (
            f"{SITE}{prefix}ranks/director/"
        )


def test_downloads_from_english_pages_go_up_one_more_folder(pages):
    ja = [h for h in hrefs(pages["ja", "explorer.md"]) if DOWNLOADS in h]
    en = [h for h in hrefs(pages["en", "explorer.md"]) if DOWNLOADS in h]
    assert {h.rsplit("/", 1)[1] for h in ja} == DOWNLOAD_FILES
    assert en == ["../" + h for h in ja]
    for href in ja:
        assert urljoin(SITE + "explorer/", href).startswith(SITE + "downloads/")
    for href in en:
        assert urljoin(SITE + "en/explorer/", href).startswith(SITE + "downloads/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_downloads_say_how_to_open_the_csv(pages, language):
    """LibreOffice needs UTF-8 chosen, and Excel makes the CSV's "001" 1: the page says both, under the links."""
    downloads = pages[language, "explorer.md"].split('<div class="downloads">', 1)[1].split("</div>", 1)[0]
    for key in ("downloads_encoding", "downloads_numbers"):
        assert f"<p>{escape(label(key)[language])}</p>" in downloads  # as Jinja escapes it


def test_glossary_terms_are_linked_with_their_definition_escaped(tiny, pages):
    term = next(term for term in tiny.glossary if term.id == GLOSSARY_ID)
    director = tiny.rank("director")
    for language in LANGUAGES:
        marked = [a for a in tags(pages[language, director.page], "a") if a.get("class") == "glossary-term"]
        assert [a["href"] for a in marked] == [f"../../glossary/#{GLOSSARY_ID}"]
        titles = [abbr["title"] for abbr in tags(pages[language, director.page], "abbr")]
        assert titles == [term.definition[language]]  # the parser unescapes: the attribute held it escaped
        assert "<fear>" not in pages[language, director.page]
        assert "glossary-term" not in pages[language, "glossary.md"]
        assert f'id="{GLOSSARY_ID}"' in pages[language, "glossary.md"]


def test_glossary_marks_latin_terms_only_as_whole_words(tiny):
    term = tiny.glossary[0]
    glossary = Glossary([term], "en")
    out = glossary.mark("psychological safety; psychological safetyness", lambda path: f"../{path}")
    assert out.count('class="glossary-term"') == 1
    assert out.endswith("; psychological safetyness")


# English punctuation


@pytest.mark.parametrize("language", LANGUAGES)
def test_english_pages_have_no_cjk_punctuation(tiny, pages, language):
    """The tiny policy's English is plain English and its Japanese uses these characters: on an English page
    they can only come from a template or from the Japanese text."""
    japanese = "".join(item.description.ja for rank in tiny.ranks for item in rank.table.items)
    assert set(CJK_PUNCTUATION) <= set(japanese)
    found = {path: re.findall(f"[{CJK_PUNCTUATION}]", text) for (lang, path), text in pages.items() if lang == language}
    faulty = {path: chars for path, chars in found.items() if chars}
    if language == "en":
        assert not faulty
    else:
        assert faulty, "the Japanese pages should show the data's own punctuation"


def test_english_talent_page_has_no_full_width_symbol_from_its_template():
    policy = build_tiny_policy()
    talent = policy.talents[0]
    talent.abilities = [TalentAbility(Text("分析力", "Analysis"), Text("データを読む。", "Reads data."))]
    talent.abilities_summary = Text("データで考える人材", "People who think with data")
    text = PageRenderer(policy, "en").render(talent.page)
    assert "People who think with data" in text
    assert not re.findall(r"[\u3000-\u303f\uff00-\uffef]", text)


# Page kinds on the tiny policy


@pytest.mark.parametrize("language", LANGUAGES)
def test_rank_page_shows_its_own_table_and_neighbours(tiny, pages, language):
    for rank in tiny.ranks:
        text = pages[language, rank.page]
        shown = "".join(_Tags(text).text)  # glossary terms inside a description are wrapped in links
        for item in rank.table.items:
            assert item.description[language] in shown
        assert f"<dd>{html.escape(rank.tier.name[language])}</dd>" in text
        if rank.above:
            assert f'<a href="../{rank.above.id}/">{rank.above.name[language]}</a>' in text
        assert f'href="../../self-check/{rank.id}/"' in text
        assert f'href="../../role-flow/#flow-{rank.id}"' in text
        for other in rank.sharing_table:
            assert f'<a href="../{other.id}/">' in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_self_check_sheet_has_five_choices_per_item(tiny, pages, language):
    for rank in tiny.ranks:
        text = pages[language, rank.self_check_page]
        radios = [tag for tag in tags(text, "input") if tag.get("type") == "radio"]
        assert len(radios) == 5 * len(rank.table.items)
        for item in rank.table.items:
            assert sorted(r["value"] for r in radios if r["name"] == f"rate-{item.id}") == ["1", "2", "3", "4", "5"]
        for group in rank.table.groups:
            assert f'rowspan="{len(group.items)}"' in text
        assert rank.name[language] in re.search(r"^# (.*)$", text, re.M).group(1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_comparison_pages_show_one_row_per_pair_and_mark_changes(tiny, pages, language):
    for lower, upper in comparison_pairs(tiny):
        text = pages[language, comparison_page(lower, upper)]
        pairs = pair_items(lower, upper)
        rows = re.findall(r'<tr class="(changed|unchanged)"', text)
        # what differs first; the items worded the same after it, folded away
        assert rows == ["changed"] * len(pairs.differing) + ["unchanged"] * len(pairs.alike)
        assert rows and len(rows) == len(pairs)
        folded = text.partition('<details class="alike-items">')[2]
        assert folded.count('<tr class="unchanged"') == len(pairs.alike) and 'class="changed"' not in folded
        if not pairs.differing:
            assert label("comparison_no_difference")[language] in text.partition("<details")[0]
        assert text.count(label("new_item")[language]) == sum(1 for pair in pairs if pair.items[0] is None)
        same_table = label("same_table_note")[language] in text
        assert same_table == (lower.table is upper.table)
        marked_runs = text.count('<ins class="diff-added"><span') + text.count('<del class="diff-removed"><span')
        assert (marked_runs > 0) == any(pair.items[0] and pair.items[1] and not pair.same_wording for pair in pairs)


def test_comparison_marks_the_words_that_changed(pages):
    text = pages["en", "compare/officer--director.md"]
    added = re.findall(r'<ins class="diff-added"><span class="visually-hidden">Added: </span>([^<]*)</ins>', text)
    removed = re.findall(r'<del class="diff-removed"><span class="visually-hidden">Removed: </span>([^<]*)</del>', text)
    # listening: "the work of the unit" (officer) became "the aims of the whole bureau" (director)
    assert {"aims", "whole bureau"} <= {a.strip() for a in added} and {"work", "unit"} <= {r.strip() for r in removed}


def test_english_comparisons_never_run_removed_and_added_words_together(tiny, pages):
    """「~~Understands~~In」 read as one word: a space stands between removed and added text."""
    together = re.compile(r'\S</del><ins class="diff-added"><span class="visually-hidden">[^<]*</span>\S')
    for lower, upper in comparison_pairs(tiny):
        text = pages["en", comparison_page(lower, upper)]
        assert not together.search(text), together.search(text).group(0)
    # a whole sentence replaced has no space of its own around the change: the template puts one
    macro = environment().from_string('{% import "_diff.j2" as d with context %}{{ d.wording(runs) }}')
    runs = [("removed", "Understands laws"), ("added", "In performing duties"), ("same", ".")]
    words = {"lang": "en", "label": lambda key: label(key)["en"], "sep": separators("en")}
    assert "</del> <ins" in macro.render(runs=runs, **words)
    assert "</del><ins" in macro.render(runs=runs, **{**words, "lang": "ja", "sep": separators("ja")})


@pytest.mark.parametrize("language", LANGUAGES)
def test_item_history_pages_list_steps_with_their_ranks(tiny, pages, language):
    for history in item_histories(tiny):
        text = pages[language, history.page]
        steps = re.findall(r'<p class="item-ranks">(.*?)</p>', text)
        assert len(steps) == len(history.steps)
        for step, (ranks, item) in zip(steps, history.steps, strict=True):
            assert hrefs(step) == [f"../../ranks/{rank.id}/#{item.id}" for rank in ranks]
        assert (label("item_history_note")[language] in text) == (len(history.steps) > 1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_compare_index_links_every_comparison_and_history_once(tiny, pages, language):
    links = hrefs(pages[language, "compare/index.md"])
    for lower, upper in comparison_pairs(tiny):  # compare/ → compare/<lower>--<upper>/
        assert links.count(f"{lower.id}--{upper.id}/") == 1
    for history in item_histories(tiny):
        assert links.count(f"../items/{history.id}/") == 1
    next_rank = re.search(r"\{ #next-rank \}(.*?)\{ #all \}", pages[language, "compare/index.md"], re.S).group(1)
    assert sorted(re.findall(r'data-pair="([^"]+)"', next_rank)) == ["manager--director", "officer--manager"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_explorer_has_one_row_per_rank_and_item(tiny, pages, language):
    text = pages[language, "explorer.md"]
    rows = re.findall(
        r'<tr data-rank="([^"]+)" data-tier="([^"]+)" data-orientation="([^"]+)" data-kind="([^"]+)">', text
    )
    expected = [
        (rank.id, rank.tier.id, item.group.orientation, item.group.kind) for rank, item in tiny.competency_items
    ]
    assert rows == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_initiative_page_links_its_talents_terms_and_index(tiny, pages, language):
    initiative = tiny.initiatives[0]
    text = pages[language, initiative.page]
    links = hrefs(text)
    assert "../../talents/digital/" in links
    assert f"../../glossary/#{GLOSSARY_ID}" in links
    assert f"../#{initiative.area.id}" in links and f"../#{initiative.theme.id}" in links
    assert "pager-previous" not in text and "pager-next" not in text  # the only initiative
    assert format_figure(Figure(12, Text("件", "cases")), language) in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_glossary_page_names_the_place_of_each_definition(tiny, pages, language):
    text = pages[language, "glossary.md"]
    for term in tiny.glossary:
        assert f'<div class="glossary-entry" id="{term.id}">' in text
        assert f'<a href="../initiatives/{term.defined_in.number}/">' in text
        assert html.escape(term.definition[language], quote=False) in text


def test_text_in_and_format_figure():
    assert text_in(None, "en") == "" and text_in(Text("日本", "Japan"), "ja") == "日本"
    with pytest.raises(TypeError):
        text_in("plain string", "en")
    people = Text("人", "people")
    assert format_figure(Figure(12345, people), "ja") == "12,345人"
    assert format_figure(Figure(12345, people), "en") == "12,345 people"
    assert format_figure(Figure(4.0, Text("点", "points")), "en") == "4.0 points"
    assert format_figure(Figure(12.5, Text("％", "%")), "en") == "12.5%"
    assert format_figure(Figure(7), "en") == "7"


def test_figures_keep_the_decimals_the_data_writes(tmp_path, policy):
    """The source prints the staff satisfaction targets as 3.80, 3.30 and 3.50: shown so, in the table and in the
    chart, not as 3.8. A number keeps the decimals it is written with in the YAML (handbook/numbers.py)."""
    data = tmp_path / "figures.yml"
    data.write_text("a: {value: 3.80}\nb: {value: 94.0}\nc: {value: 1234.5}\nd: {value: 3.56}\ne: {value: 6400}\n")
    document, faults = read_yaml(data, "figures.yml")
    assert not faults
    shown = [format_figure(Figure(document.data[key]["value"]), "en") for key in "abcde"]
    assert shown == ["3.80", "94.0", "1,234.5", "3.56", "6,400"]
    assert pickle.loads(pickle.dumps(document.data["a"]["value"])).decimals == 2
    targets = {target.target.value.written for target in policy.indicators.outcome_targets}
    assert {"3.80", "3.50"} <= targets
    for target in policy.indicators.outcome_targets:
        for figure in (target.baseline, target.target):
            number = format_figure(figure, "ja").removesuffix("％")
            assert number == figure.value.written, number
            assert number in charts.baseline_target_svg(target, "ja", "基準値", "目標値")


def test_the_fast_tier_does_not_import_the_site_generator():
    """The renderers run without MkDocs: nothing imported so far in this session (the tier, its fixtures and
    the handbook package) has loaded it."""
    assert not [name for name in sys.modules if name.split(".")[0] in ("mkdocs", "material", "mkdocs_macros")]


def test_the_printed_running_header_is_a_css_string_no_data_can_end():
    hostile = 'A"; } </style><script>alert(1)</script> \\'
    header = print_running_header(hostile, "熊本市 Handbook", "ja")
    inner = header[1:-1]
    assert header[0] == header[-1] == '"' and not set('"<>;{}') & set(inner)
    # read back as CSS reads it: each escape is hex digits and one space
    read = re.sub(r"\\([0-9a-f]+) ", lambda m: chr(int(m.group(1), 16)), inner)
    assert read == hostile + "｜熊本市 Handbook"
    assert print_running_header("熊本市 Handbook", "熊本市 Handbook", "en") == '"熊本市 Handbook"'
