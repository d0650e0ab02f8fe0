"""What points at a place of the policy (a section "08" or an initiative "006"): the page references of the
texts ('see') and the glossary's 'defined_in'."""

from __future__ import annotations

from ...addresses import SECTION_PAGES
from ...errors import Words
from ...yaml_source import text_mappings
from .report import Report


def page_references(report: Report, initiatives: set[str]) -> None:
    """A page reference ('see') must quote words that stand in its text and point at a known place."""
    for name, data in report.data.items():
        for path, text in text_mappings(data):
            see = text.get("see")
            if not see:
                continue
            for language in ("ja", "en"):
                if see[language] not in text[language]:
                    report.fault(
                        name,
                        path + ("see", language),
                        Words(
                            f"参照の語句「{see[language]}」が、この文の {language} にありません。",
                            f"'{see[language]}' does not stand in the text's {language} wording.",
                        ),
                        Words(
                            f"{language} の文にある語句をそのまま写してください。",
                            f"Copy the pointer's words exactly as they stand in '{language}'.",
                        ),
                    )
            if see["to"] not in SECTION_PAGES and see["to"] not in initiatives:
                report.fault(
                    name,
                    path + ("see", "to"),
                    Words(
                        f"「{see['to']}」は方針の章の番号でも、取組の番号でもありません。",
                        f"'{see['to']}' is neither a section of the policy nor an initiative number.",
                    ),
                    Words(
                        '章の番号（例: "08"）か取組の番号（例: "006"）を引用符で囲んで書いてください。',
                        'Write the section number (e.g. "08") or the initiative number (e.g. "006") in quotes.',
                    ),
                )


def glossary_places(report: Report, initiatives: set[str]) -> None:
    """A glossary term's 'defined_in' is a section or an initiative."""
    for i, term in enumerate(report.data["glossary.yml"]["terms"]):
        place = term.get("defined_in")
        if place is not None and place not in SECTION_PAGES and place not in initiatives:
            report.fault(
                "glossary.yml",
                ("terms", i, "defined_in"),
                Words(
                    f"「{place}」は方針の章（01〜11）の番号でも、ある取組の番号でもありません。",
                    f"'{place}' is neither a section of the policy (01–11) nor an initiative number.",
                ),
                Words(
                    '原典でこの用語を説明している章の2桁の番号（例: "06"）か、取組の3桁の番号（例: "009"）を引用符で囲んで書いてください。',
                    'Write the two-digit section number (e.g. "06") or the three-digit initiative number '
                    '(e.g. "009") where the source defines the term, in quotes.',
                ),
            )
