"""The translation rules (handbook/terminology.py): the real data follows them, and each break of them is a data
fault that scripts/validate.py reports with file, line and field, Japanese first."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from handbook.load import DATA_DIR, read_documents
from handbook.terminology import Terminology, terminology_faults
from handbook_testing import run_python


def faults_of(data_dir):
    documents, faults = read_documents(data_dir)
    assert not faults, "\n".join(map(str, faults))
    return terminology_faults(documents)


def test_the_data_follows_the_translation_rules():
    faults = faults_of(DATA_DIR)
    assert not faults, "\n".join(map(str, faults))


def _glossary_term(data_dir, entry: dict) -> dict[str, int]:
    """A glossary entry added at the end, as an editor adds one; the line of each of its texts."""
    path = data_dir / "glossary.yml"
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
    lines = {}
    text += "  - id: added-term\n"
    for key, words in entry.items():
        lines[key] = text.count("\n") + 1
        text += f"    {key}: {{ja: {json.dumps(words['ja'], ensure_ascii=False)}, en: {json.dumps(words['en'])}}}\n"
    path.write_text(text + '    defined_in: "06"\n', encoding="utf-8")
    return lines


def _a_term(data_dir) -> dict:
    """A term of the copy's terminology.yml with no variants (the rules' examples are found, not written here)."""
    terms = yaml.safe_load((data_dir / "terminology.yml").read_text(encoding="utf-8"))["terms"]
    return next(t for t in terms if not t.get("variants") and len(t["ja"]) >= 2 and t["en"][:1].islower())


# Each case: what the added glossary entry says, the field at fault, the words the Japanese message must hold.
CASES = {
    "term-not-translated": (
        lambda t: {"term": {"ja": "試験", "en": "Test"}, "definition": {"ja": f"{t['ja']}のこと", "en": "Something"}},
        "definition.en",
        "日本語に用語「{ja}」がありますが、英語に決まった訳「{en}」がありません",
    ),
    "name-spelled-otherwise": (
        lambda t: {"term": {"ja": t["ja"], "en": t["en"].upper() + " X"}, "definition": {"ja": "説明", "en": "Notes"}},
        "term.en",
        "この文は用語「{ja}」そのもの",
    ),
    "japanese-punctuation": (
        lambda t: {"term": {"ja": "試験", "en": "Test"}, "definition": {"ja": "説明", "en": "Notes（draft）"}},
        "definition.en",
        "日本語の記号「（」",
    ),
    "japanese-words": (
        lambda t: {"term": {"ja": "試験", "en": "Test"}, "definition": {"ja": "説明", "en": "Notes on 試験"}},
        "definition.en",
        "日本語「試験」が残っています",
    ),
    "era-abbreviation": (
        lambda t: {"term": {"ja": "試験", "en": "Test"}, "definition": {"ja": "R5の値", "en": "The figure of R5"}},
        "definition.en",
        "「R5」が決まりの書き方になっていません",
    ),
    "era-year": (
        lambda t: {"term": {"ja": "試験", "en": "Test"}, "definition": {"ja": "令和6年の値", "en": "The 2025 figure"}},
        "definition.en",
        "「2024 (Reiwa 6)」と書く決まり",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_break_of_the_rules_is_a_fault_with_file_line_and_field(data_copy, case):
    make, field, words = CASES[case]
    term = _a_term(data_copy)
    lines = _glossary_term(data_copy, make(term))
    expected = words.format(ja=term["ja"], en=term["en"])
    found = faults_of(data_copy)
    faults = [f for f in found if f.file.endswith("glossary.yml") and expected in f.message.ja]
    assert len(faults) == 1, "\n".join(map(str, found))
    fault = faults[0]
    assert fault.field.endswith(field), str(fault)
    assert fault.line == lines[field.split(".")[0]], str(fault)
    said = str(fault)
    assert said.index(f"{fault.line}行目") < said.index(f"line {fault.line}")  # Japanese first
    assert re.search(r"[\u3040-\u30ff]", fault.fix.ja)


def test_validate_reports_the_rules_in_japanese_first(data_copy):
    term = _a_term(data_copy)
    _glossary_term(data_copy, CASES["term-not-translated"][0](term))
    result = run_python("scripts/validate.py", "--data-dir", str(data_copy))
    assert result.returncode == 1
    head, first = result.stderr.splitlines()[:2]
    assert head.startswith("英語の訳し方に 1 件の問題があります") and "pull request's check fails" in head
    assert first.startswith("- policy_data/glossary.yml ") and f"用語「{term['ja']}」" in first
    assert "Traceback" not in result.stderr


def test_the_check_takes_the_longest_term_first():
    """主任主事級 is the rank, not 主任 (Lead Worker) inside it; every term of a text is found once."""
    terminology = Terminology(
        [
            {"ja": "主任主事級", "en": "Senior Staff level"},
            {"ja": "主任", "en": "Lead Worker"},
            {"ja": "監督", "en": "supervision"},
            {"ja": "監督職", "en": "supervisory posts"},
        ]
    )
    assert terminology.terms_in("主任主事級") == ["主任主事級"]
    assert terminology.terms_in("主任が監督し、主任主事級を監督職が") == ["主任", "監督", "主任主事級", "監督職"]
    assert terminology.terms_in("所属職員の指導、教育及び監督を行い") == ["監督"]
