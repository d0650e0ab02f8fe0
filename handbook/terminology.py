"""The English says every policy term as policy_data/terminology.yml lists it, in every text of every data file.

For each text ({ja, en}) outside a `source_note`, the terms of terminology.yml are looked for in the
Japanese, longest first and without overlap (so 主任主事級 is one term, not 主任 inside it). Each term found
must have its listed English in the English text, or one of the variants its entry lists (`variants:`,
e.g. the plural or the verb). The only other allowances are the generic ones below (GENERIC_EXCEPTIONS).

A text whose whole Japanese is one term is a name shown as a title, heading or label: its English must be
the rendering (or a variant) spelled exactly, capitals included; only a lower-case first letter may be
raised, as a heading or a label starts with a capital.

Two further rules keep the English readable by English readers: no Japanese punctuation or words in an
English text (a quotation of Japanese words in a `source_note` is the one place for them), and Japanese era
years written the one way that terminology.yml states at its top (never a bare "R5").

These are rules of the translation, not of the data's shape: the site builds without them (an editor can
preview a half-finished translation), and `scripts/validate.py`, which every pull request runs, reports
each break as a data fault (file, line, field, Japanese first).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cached_property

from .errors import Fault, Words, field_name
from .yaml_source import YamlDocument, text_mappings

TERMINOLOGY_FILE = "terminology.yml"

# The generic allowances, the same for every term (anything else goes in the term's `variants`):
GENERIC_EXCEPTIONS = (
    "Case is ignored inside a sentence: a term may open a sentence or stand in a capitalised name.",
    "An article that opens the rendering may be left out or changed ('the four behavioural orientations', "
    "'four behavioural orientations').",
    "A hyphen and a space between the words of a rendering are the same ('people management', "
    "'people-management skills'); so are the straight and the curly apostrophe.",
)

JAPANESE_PUNCTUATION = re.compile("[、。，．：；！？（）［］｛｝「」『』【】〈〉《》〔〕・～〜　／＝＋－]")
JAPANESE_CHARACTER = re.compile("[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]+")
# A quotation of Japanese words, allowed in a source_note only (to show what the extraction gives).
QUOTED_JAPANESE = re.compile('"[^"]*[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef][^"]*"')
ERA_ABBREVIATION = re.compile(r"\b[RH] ?\d{1,2}\b|\b(?:Reiwa|Heisei|Showa) \d+ \(FY|\bFY ?(?:R|H)\d")
# An era year of the Japanese: 令和6年, 令和元年, 平成28年, and the policy's own R5, R6.4.1, R6年4月, R10.
ERA_YEAR = re.compile(r"(令和|平成|(?<![A-Za-z])R)(元|\d{1,2})(年度|年|\.)?")
ERA_START = {"Reiwa": 2018, "Heisei": 1988}


def _normalise(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _pattern(english: str) -> str:
    words = re.split(r"[\s-]+", english.strip())
    if len(words) > 1 and words[0].lower() in ("the", "a", "an"):
        words = words[1:]
        opening = r"(?:(?:the|a|an)\s+)?"
    else:
        opening = ""
    body = r"[\s-]+".join(re.escape(word).replace("'", "['’]") for word in words)
    return rf"(?<!\w){opening}{body}(?!\w)"


class Terminology:
    """The terms of terminology.yml: which stand in a Japanese text, and how each must read in English."""

    def __init__(self, terms: list[dict]):
        self.terms = terms

    @cached_property
    def renderings(self) -> dict[str, tuple[str, list[str], re.Pattern]]:
        """Japanese (normalised) -> (rendering, variants, pattern matching any of them)."""
        table = {}
        for term in self.terms:
            spellings = [term["en"], *term.get("variants", [])]
            pattern = re.compile("|".join(_pattern(s) for s in spellings), re.IGNORECASE)
            table[_normalise(term["ja"])] = (term["en"], term.get("variants", []), pattern)
        return table

    @cached_property
    def _longest_first(self) -> list[str]:
        return sorted(self.renderings, key=len, reverse=True)

    def terms_in(self, japanese: str) -> list[str]:
        """The terms of the Japanese text, longest first and not overlapping, in the order of the text."""
        text = _normalise(japanese)
        taken = [False] * len(text)
        found = []
        for term in self._longest_first:
            start = text.find(term)
            while start != -1:
                end = start + len(term)
                if not any(taken[start:end]):
                    taken[start:end] = [True] * len(term)
                    found.append((start, term))
                start = text.find(term, start + 1)
        return [term for _, term in sorted(found)]

    def spellings(self, term: str) -> Words:
        """'superiors' (or 'superior'), said in both languages."""
        english, variants, _ = self.renderings[term]
        listed = ", ".join(f"'{v}'" for v in variants)
        return Words(
            f"「{english}」" + (f"（または {listed}）" if variants else ""),
            f"'{english}'" + (f" (or {listed})" if variants else ""),
        )


def _era_years(japanese: str) -> list[tuple[str, int, bool]]:
    """(era name, era year, fiscal year?) for every era year of the Japanese; a bare R-year is a fiscal year."""
    found = []
    for match in ERA_YEAR.finditer(unicodedata.normalize("NFKC", japanese)):
        era, number, after = match.groups()
        number = 1 if number == "元" else int(number)
        fiscal = after == "年度" or (era == "R" and after is None)
        found.append(("Heisei" if era == "平成" else "Reiwa", number, fiscal))
    return found


class _Rules:
    def __init__(self, documents: dict[str, YamlDocument]):
        self.documents = documents
        self.terminology = Terminology(documents[TERMINOLOGY_FILE].data["terms"])
        self.faults: list[Fault] = []

    def fault(self, name: str, path: tuple, message: Words, fix: Words) -> None:
        document = self.documents[name]
        self.faults.append(Fault(document.file, document.line(path), field_name(path), message, fix))

    def texts(self, notes: bool = False) -> Iterator[tuple[str, tuple, dict]]:
        """(file, path of the English, text) for every text outside a source_note (with notes=True, also the
        English of every source_note, with its quotations of Japanese words taken out)."""
        for name, document in self.documents.items():
            for path, text in text_mappings(document.data):
                if not isinstance(text.get("en"), str):
                    continue
                if "source_note" in path:
                    if not notes:
                        continue
                    text = {"ja": text["ja"], "en": QUOTED_JAPANESE.sub('""', text["en"])}
                yield name, path + ("en",), text

    def run(self) -> list[Fault]:
        self.variants()
        for name, path, text in self.texts():
            self.terms(name, path, text)
            if name != TERMINOLOGY_FILE:
                self.name(name, path, text)
                self.era_years(name, path, text)
            self.japanese(name, path, text)
        for name, path, text in self.texts(notes=True):
            self.punctuation(name, path, text)
            self.era_abbreviation(name, path, text)
        return sorted(self.faults, key=lambda f: (f.file, f.line or 0, f.field))

    def variants(self) -> None:
        for index, term in enumerate(self.terminology.terms):
            variants = term.get("variants", [])
            if term["en"] in variants or len(set(variants)) != len(variants):
                self.fault(
                    TERMINOLOGY_FILE,
                    ("terms", index, "variants"),
                    Words(
                        f"用語「{term['ja']}」の variants に、訳そのものか、同じつづりが2回書かれています。",
                        f"the variants of {term['ja']} repeat its rendering or one another.",
                    ),
                    Words("重なっているつづりを消してください。", "Remove the repeated spelling."),
                )

    def terms(self, name: str, path: tuple, text: dict) -> None:
        for term in dict.fromkeys(self.terminology.terms_in(text["ja"])):
            if not self.terminology.renderings[term][2].search(text["en"]):
                said = self.terminology.spellings(term)
                self.fault(
                    name,
                    path,
                    Words(
                        f"日本語に用語「{term}」がありますが、英語に決まった訳{said.ja}がありません。",
                        f"the Japanese has the term {term}, but the English lacks its rendering {said.en}.",
                    ),
                    Words(
                        f"英語でこの用語を{said.ja}と書いてください（用語の訳は {TERMINOLOGY_FILE} にあります）。"
                        "複数形など文法上の形の違いなら、その用語の variants に足してください。",
                        f"Write the term as {said.en} in the English (the renderings are in {TERMINOLOGY_FILE}); "
                        "for a grammatical form such as a plural, add it to the term's variants there.",
                    ),
                )

    def name(self, name: str, path: tuple, text: dict) -> None:
        """A text that is one term (a name, heading or label) is that term's English, capitals and all."""
        term = _normalise(text["ja"])
        if term not in self.terminology.renderings:
            return
        english, variants, _ = self.terminology.renderings[term]
        allowed = {spelling for s in (english, *variants) for spelling in (s, s[:1].upper() + s[1:])}
        if text["en"].strip() not in allowed:
            said = self.terminology.spellings(term)
            self.fault(
                name,
                path,
                Words(
                    f"この文は用語「{term}」そのもの（名前・見出し）なので、英語は{said.ja}と、大文字・小文字も"
                    "そのとおりに書きます。",
                    f"this text is the term {term} alone (a name or a heading), so its English reads {said.en}, "
                    "capitals included.",
                ),
                Words(
                    f"英語を{said.ja}に直してください（先頭だけは大文字にしてかまいません）。",
                    f"Write {said.en} (only its first letter may be made a capital).",
                ),
            )

    def japanese(self, name: str, path: tuple, text: dict) -> None:
        """Japanese words belong in the English only as a quotation in a source_note (which this skips)."""
        found = JAPANESE_CHARACTER.search(text["en"])
        if found:
            self.fault(
                name,
                path,
                Words(
                    f"英語の文に日本語「{found.group()}」が残っています。",
                    f"the English holds Japanese ('{found.group()}').",
                ),
                Words(
                    "英語に訳してください。日本語をそのまま書けるのは編集注（source_note）の中の引用だけです。",
                    "Translate it; Japanese may be quoted only in an editor's note (source_note).",
                ),
            )

    def punctuation(self, name: str, path: tuple, text: dict) -> None:
        found = JAPANESE_PUNCTUATION.search(text["en"])
        if found:
            self.fault(
                name,
                path,
                Words(
                    f"英語の文に日本語の記号「{found.group()}」があります。",
                    f"the English holds the Japanese punctuation mark '{found.group()}'.",
                ),
                Words(
                    "半角の英語の記号に直してください"
                    "（「、」→ ', '、「：」→ ': '、「（…）」→ '(…)'、「「…」」→ '\"…\"'）。",
                    "Use English punctuation: ', ', ': ', '(…)', '\"…\"'.",
                ),
            )

    def era_abbreviation(self, name: str, path: tuple, text: dict) -> None:
        """'FY2023 (Reiwa 5)', 'April 2024 (Reiwa 6)': never the bare 'R5' an English reader cannot place."""
        found = ERA_ABBREVIATION.search(text["en"])
        if found:
            self.fault(
                name,
                path,
                Words(
                    f"英語の年「{found.group()}」が決まりの書き方になっていません。",
                    f"the year '{found.group()}' in the English is not written as the rule says.",
                ),
                Words(
                    "西暦（年度なら FY）を先に、元号の年を括弧で後に書いてください"
                    f"（例: FY2023 (Reiwa 5)。{TERMINOLOGY_FILE} の冒頭）。",
                    f"Write the Western year first (FY for a fiscal year), then the era year in brackets, "
                    f"e.g. 'FY2023 (Reiwa 5)' (see the top of {TERMINOLOGY_FILE}).",
                ),
            )

    def era_years(self, name: str, path: tuple, text: dict) -> None:
        """Each era year of the Japanese is in the English as the rule says: the Western year (FY for a fiscal
        year), then the era year in brackets, or after a comma when the whole date is already in brackets (or,
        like a talent's target year, is shown in brackets by the page)."""
        for era, number, fiscal in _era_years(text["ja"]):
            year = ERA_START[era] + number
            western = f"FY{year}" if fiscal else rf"(?<!FY){year}"
            if re.search(rf"{western}(?: \({era} {number}\)|, {era} {number}(?:\)|$))", text["en"]):
                continue
            written = f"{'FY' if fiscal else ''}{year} ({era} {number})"
            bracketed = f"{'FY' if fiscal else ''}{year}, {era} {number}"
            kind = Words("年度", "fiscal year") if fiscal else Words("年", "year")
            self.fault(
                name,
                path,
                Words(
                    f"日本語の{era} {number}（{kind.ja}）は、英語で「{written}」と書く決まりですが、"
                    "その形がありません。",
                    f"{era} {number} of the Japanese is the {kind.en} {written.split(' (')[0]}: the English must "
                    f"say '{written}'.",
                ),
                Words(
                    f"英語に「{written}」と書いてください（日付全体が括弧の中なら「{bracketed}」）。",
                    f"Write '{written}' (or '{bracketed}' inside brackets).",
                ),
            )


def terminology_faults(documents: dict[str, YamlDocument]) -> list[Fault]:
    """Every break of the translation rules in the data files (read by handbook.load.read_documents)."""
    return _Rules(documents).run()
