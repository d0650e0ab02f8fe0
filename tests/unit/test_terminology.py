"""The English says every policy term as policy_data/terminology.yml lists it, in every text of every data file.

For each text ({ja, en}) outside a `source_note`, the terms of terminology.yml are looked for in the
Japanese, longest first and without overlap (so 主任主事級 is one term, not 主任 inside it). Each term found
must have its listed English in the English text, or one of the variants its entry lists (`variants:`,
e.g. the plural or the verb). The only other allowances are the generic ones below (GENERIC_EXCEPTIONS).

A text whose whole Japanese is one term is a name shown as a title, heading or label: its English must be
the rendering (or a variant) spelled exactly, capitals included; only a lower-case first letter may be
raised, as a heading or a label starts with a capital.

Two further checks keep the English readable by English readers: no Japanese punctuation in an English
text (a quotation of Japanese words in a `source_note` is the one place for it), and Japanese era years
written the one way that terminology.yml states at its top (never a bare "R5").
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from handbook.data import DATA_DIR, read_documents
from handbook.errors import field_name
from handbook.yaml_source import text_mappings

# The generic allowances, the same for every term (anything else goes in the term's `variants`):
GENERIC_EXCEPTIONS = (
    "Case is ignored inside a sentence: a term may open a sentence or stand in a capitalised name.",
    "An article that opens the rendering may be left out or changed ('the four behavioural orientations', "
    "'four behavioural orientations').",
    "A hyphen and a space between the words of a rendering are the same ('people management', "
    "'people-management skills'); so are the straight and the curly apostrophe.",
)

JAPANESE_PUNCTUATION = re.compile("[、。，．：；！？（）［］｛｝「」『』【】〈〉《》〔〕・～〜　／＝＋－]")
JAPANESE_CHARACTER = re.compile("[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")
# A quotation of Japanese words, allowed in a source_note only (to show what the extraction gives).
QUOTED_JAPANESE = re.compile('"[^"]*[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef][^"]*"')
ERA_ABBREVIATION = re.compile(r"\b[RH] ?\d{1,2}\b|\b(?:Reiwa|Heisei|Showa) \d+ \(FY|\bFY ?(?:R|H)\d")


def _normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@cache
def _documents():
    documents, faults = read_documents(DATA_DIR)
    assert not faults, "\n".join(map(str, faults))
    return documents


def _terms() -> list[dict]:
    return _documents()["terminology.yml"].data["terms"]


def _texts(notes: bool = False):
    """(file, line of the English, field, text) for every text outside a source_note (with notes=True, also
    the English of every source_note, with its quotations of Japanese words taken out)."""
    for name, document in _documents().items():
        for path, text in text_mappings(document.data):
            if not isinstance(text.get("en"), str):
                continue
            if "source_note" in path:
                if not notes:
                    continue
                text = {"ja": text["ja"], "en": QUOTED_JAPANESE.sub('""', text["en"])}
            yield f"policy_data/{name}", document.line(path + ("en",)), field_name(path), text


def _pattern(english: str) -> str:
    words = re.split(r"[\s-]+", english.strip())
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
        opening = r"(?:(?:the|a|an)\s+)?"
    else:
        opening = ""
    body = r"[\s-]+".join(re.escape(word).replace("'", "['’]") for word in words)
    return rf"(?<!\w){opening}{body}(?!\w)"


@cache
def _renderings() -> dict[str, tuple[str, list[str], re.Pattern]]:
    """Japanese (normalised) -> (rendering, variants, pattern matching any of them)."""
    table = {}
    for term in _terms():
        spellings = [term["en"], *term.get("variants", [])]
        pattern = re.compile("|".join(_pattern(s) for s in spellings), re.IGNORECASE)
        table[_normalise(term["ja"])] = (term["en"], term.get("variants", []), pattern)
    return table


def terms_in(japanese: str) -> list[str]:
    """The terms of the Japanese text, longest first and not overlapping, in the order of the text."""
    text = _normalise(japanese)
    taken = [False] * len(text)
    found = []
    for term in sorted(_renderings(), key=len, reverse=True):
        start = text.find(term)
        while start != -1:
            end = start + len(term)
            if not any(taken[start:end]):
                taken[start:end] = [True] * len(term)
                found.append((start, term))
            start = text.find(term, start + 1)
    return [term for _, term in sorted(found)]


def _describe(term: str) -> str:
    english, variants, _ = _renderings()[term]
    return f"'{english}'" + (f" (or {', '.join(repr(v) for v in variants)})" if variants else "")


def test_terms_are_translated_as_the_terminology_lists_them():
    problems = []
    for file, line, field, text in _texts():
        for term in dict.fromkeys(terms_in(text["ja"])):
            if not _renderings()[term][2].search(text["en"]):
                problems.append(f"{file}:{line} ({field}): term {term} must be {_describe(term)}\n    en: {text['en']}")
    assert not problems, (
        f"{len(problems)} term(s) not translated as policy_data/terminology.yml lists them. Use the listed "
        "English (or add a grammatical variant to the term's `variants`):\n" + "\n".join(problems)
    )


def test_names_are_spelled_as_the_terminology_spells_them():
    """A text that is one term (a name, heading or label) is that term's English, capitals and all."""
    problems = []
    for file, line, field, text in _texts():
        if file.endswith("terminology.yml"):
            continue
        term = _normalise(text["ja"])
        if term not in _renderings():
            continue
        english, variants, _ = _renderings()[term]
        allowed = {spelling for s in (english, *variants) for spelling in (s, s[:1].upper() + s[1:])}
        if text["en"].strip() not in allowed:
            problems.append(
                f"{file}:{line} ({field}): {term} is a name here and must read {_describe(term)}\n    en: {text['en']}"
            )
    assert not problems, "\n".join(problems)


def test_every_variant_is_a_different_spelling():
    for term in _terms():
        variants = term.get("variants", [])
        assert term["en"] not in variants and len(set(variants)) == len(variants), term


def _english_matching(pattern: re.Pattern, notes: bool) -> list[str]:
    """Where an English text of the data has what the pattern finds: 'file:line (field): text'."""
    return [
        f"{file}:{line} ({field}): {text['en']}"
        for file, line, field, text in _texts(notes=notes)
        if pattern.search(text["en"])
    ]


def test_english_texts_use_english_punctuation():
    problems = _english_matching(JAPANESE_PUNCTUATION, notes=True)
    assert not problems, "Japanese punctuation in English text (use ': ', ', ', '(…)', '\"…\"'):\n" + "\n".join(
        problems
    )


def test_english_texts_hold_no_japanese():
    """Japanese words belong in the English only as a quotation in a source_note (which this skips)."""
    problems = _english_matching(JAPANESE_CHARACTER, notes=False)
    assert not problems, "Japanese in English text (translate it; quote Japanese only in a source_note):\n" + "\n".join(
        problems
    )


def test_english_era_years_follow_the_rule_in_terminology():
    """'FY2023 (Reiwa 5)', 'April 2024 (Reiwa 6)': never the bare 'R5' an English reader cannot place."""
    problems = _english_matching(ERA_ABBREVIATION, notes=True)
    assert not problems, "Era years not written as terminology.yml says:\n" + "\n".join(problems)


# An era year of the Japanese: 令和6年, 令和元年, 平成28年, and the policy's own R5, R6.4.1, R6年4月, R10.
ERA_YEAR = re.compile(r"(令和|平成|(?<![A-Za-z])R)(元|\d{1,2})(年度|年|\.)?")
ERA_START = {"令和": 2018, "R": 2018, "平成": 1988}


def _era_years(japanese: str) -> list[tuple[str, int, bool]]:
    """(era name, era year, fiscal year?) for every era year of the Japanese; a bare R-year is a fiscal year."""
    found = []
    for match in ERA_YEAR.finditer(unicodedata.normalize("NFKC", japanese)):
        era, number, after = match.groups()
        number = 1 if number == "元" else int(number)
        fiscal = after == "年度" or (era == "R" and after is None)
        found.append(("Heisei" if era == "平成" else "Reiwa", number, fiscal))
    return found


def test_era_years_are_written_the_one_way():
    """Each era year of the Japanese is in the English as the rule says: the Western year (FY for a fiscal
    year), then the era year in brackets, or after a comma when the whole date is already in brackets (or,
    like a talent's target year, is shown in brackets by the page)."""
    problems = []
    for file, line, field, text in _texts():
        if file.endswith("terminology.yml"):
            continue
        for era, number, fiscal in _era_years(text["ja"]):
            year = ERA_START["平成" if era == "Heisei" else "令和"] + number
            western = f"FY{year}" if fiscal else rf"(?<!FY){year}"
            if not re.search(rf"{western}(?: \({era} {number}\)|, {era} {number}(?:\)|$))", text["en"]):
                kind = "fiscal year" if fiscal else "year"
                problems.append(
                    f"{file}:{line} ({field}): {era} {number} is the {kind} {'FY' if fiscal else ''}{year}; write "
                    f"'{'FY' if fiscal else ''}{year} ({era} {number})'\n    en: {text['en']}"
                )
    assert not problems, "Era years not written as terminology.yml says:\n" + "\n".join(problems)


def test_the_check_takes_the_longest_term_first():
    """主任主事級 is the rank, not 主任 (Lead Worker) inside it; every term of a text is found once."""
    assert terms_in("主任主事級") == ["主任主事級"]
    found = terms_in("所属職員の指導、教育及び監督を行い")
    assert "監督" in found and "監督職" not in found
