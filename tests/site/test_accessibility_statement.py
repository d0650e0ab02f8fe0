"""The accessibility statement as staff meet it (issue 24): it opens with what works, its limits and whom to
tell, in short sentences; the test results an auditor reads are folded away and left out of search."""

from __future__ import annotations

import re

import pytest

from handbook.accessibility_statement import statement
from handbook.html_text import PageText, article
from handbook.model import LANGUAGES
from handbook.search_index import search_document, search_entry
from handbook.site import page_specs, url_prefix
from handbook.ui import label

SUMMARY = [
    ("a11y_works_label", ["a11y_works_keyboard", "a11y_works_zoom", "a11y_works_screen_reader", "a11y_works_print"]),
    ("a11y_limits_label", ["a11y_limit_script", "a11y_limit_downloads", "a11y_limit_self_assessed"]),
    ("a11y_report_label", ["a11y_contact", "a11y_report_what"]),
]
LONGEST_SENTENCE = 100  # characters of a Japanese sentence, as the audit's proofreading rule counts them
RESULTS = re.compile(r'<details class="a11y-details" data-search-exclude>(.*?)</details>', re.S)


@pytest.fixture(scope="module", params=LANGUAGES)
def page(request, built_site, policy):
    language = request.param
    spec = next(spec for spec in page_specs(policy) if spec.kind == "accessibility")
    html = (built_site / url_prefix(language) / spec.url / "index.html").read_text(encoding="utf-8")
    return language, html, search_document(search_entry(policy, spec, language), html)


def test_the_statement_opens_with_what_works_its_limits_and_whom_to_tell(page):
    language, html, _ = page
    reader = PageText(article(html))
    assert reader.headings[: len(SUMMARY)] == [label(heading)[language] for heading, _ in SUMMARY]
    text = reader.text()
    positions = [text.find(label(key)[language]) for _, keys in SUMMARY for key in keys]
    assert -1 not in positions and positions == sorted(positions), "each sentence, in this order"
    assert positions[-1] < text.find(label("a11y_conformance_label")[language]), "before the conformance"
    if language == "ja":
        long = [s for s in re.findall(r"[^。\n]+。?", text) if len(s) > LONGEST_SENTENCE]
        assert not long, f"Japanese sentences over {LONGEST_SENTENCE} characters: {long}"


def test_the_test_results_are_folded_away_and_not_searched(page):
    language, html, document = page
    folded = RESULTS.findall(html)
    assert len(folded) == 1 and "<table" in folded[0] and "<table" not in RESULTS.sub("", html)
    assert f"<summary>{label('a11y_details')[language]}" in folded[0].replace("<wbr>", "")
    results = statement()
    hidden = [f"{c.number} {c.name[language]}" for c in results.criteria] + list(results.engines)
    hidden += [check.name for c in results.criteria for check in c.checks if check.kind == "test"]
    indexed = [words for words in hidden if words in document]
    assert hidden and not indexed, f"the results are indexed: {indexed[:5]}"
    assert label("a11y_works_keyboard")[language] in document, "the summary is"
