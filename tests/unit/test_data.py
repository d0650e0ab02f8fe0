"""The real policy data: valid, complete, and faithful to the source text."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from handbook.data import DATA_DIR, read_documents
from handbook.fidelity import japanese_strings, missing_from_source, normalise, sentence_coverage, source_text
from handbook.model import LANGUAGES
from handbook.yaml_source import text_mappings

SCHEMAS = sorted((DATA_DIR / "schemas").glob("*.schema.json"))


def all_japanese() -> list[tuple[str, tuple, str]]:
    documents, faults = read_documents(DATA_DIR)
    assert not faults
    return [
        (name, path, text)
        for name, doc in documents.items()
        if name != "terminology.yml"
        for path, text in japanese_strings(doc.data)
    ]


def test_every_initiative_stands_under_one_theme(policy):
    """Rules, not the counts of today's policy: a revision may add or remove ranks, talents or initiatives."""
    placed = [i.number for area in policy.areas for theme in area.themes for i in theme.initiatives]
    assert sorted(placed) == sorted(i.number for i in policy.initiatives)


def test_ranks_share_tables_as_the_policy_prints_them(policy):
    tables = {rank.id: rank.table.id for rank in policy.ranks}
    assert tables["bureau-director"] == tables["department-director"] == tables["section-manager"]
    assert tables["deputy-manager"] == tables["chief"]
    assert len({tables["section-manager"], tables["chief"], tables["senior-staff"], tables["staff"]}) == 4


def test_item_identity_is_not_its_name(policy):
    staff = policy.rank("staff").table.items
    accuracy = [item for item in staff if item.name.ja == "正確性"]
    assert len(accuracy) == 2 and accuracy[0].id != accuracy[1].id


def test_every_job_title_maps_to_a_rank(policy):
    titles = {jt.name.ja: rank.id for rank in policy.ranks for jt in rank.job_titles}
    assert titles["運転士"] == "staff"
    assert titles["作業長"] == "chief"
    assert titles["副主任"] == "senior-staff"


def test_japanese_strings_stand_in_the_source():
    strings = all_japanese()
    missing = missing_from_source([text for _, _, text in strings], source_text())
    share = 1 - len(missing) / len(strings)
    print(f"\n{len(strings) - len(missing)}/{len(strings)} Japanese strings ({share:.1%}) stand verbatim in the source")
    assert share >= 0.98, "not in the source:\n" + "\n".join(missing[:20])


def test_source_sentences_are_in_the_data():
    share, missing = sentence_coverage(source_text(), [text for _, _, text in all_japanese()])
    print(f"\n{share:.1%} of the source's sentences are found in the data")
    assert share >= 0.95, "missing sentences:\n" + "\n".join(missing[:20])


def test_every_text_has_both_languages():
    documents, _ = read_documents(DATA_DIR)
    empty = [
        (name, path)
        for name, document in documents.items()
        for path, text in text_mappings(document.data)
        if not all(isinstance(text.get(language), str) and text[language].strip() for language in LANGUAGES)
    ]
    assert not empty


def test_terminology_is_used_for_ranks_and_orientations(policy):
    """Names of ranks and orientations are translated exactly as terminology.yml says."""
    terms = {term["ja"]: term["en"] for term in policy.terminology}
    for rank in policy.ranks:
        assert rank.name.en == terms[rank.name.ja]
    for orientation in policy.orientations:
        assert orientation.name.en == terms[orientation.name.ja]
    for table in policy.tables:
        for group in table.groups:
            if group.name.ja in terms:
                assert group.name.en == terms[group.name.ja], group.name


def test_normalise_folds_width_and_whitespace():
    assert normalise("ＤＸ推進\n リーダー") == "DX推進リーダー"


def test_data_schemas_are_valid_json_schemas():
    command = [str(Path(sys.executable).with_name("check-jsonschema")), "--check-metaschema", *map(str, SCHEMAS)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_schema_property_has_a_title():
    """Editors show the title (and description) when a maintainer hovers over a field."""

    def properties(node):
        if isinstance(node, dict):
            yield from node.get("properties", {}).items()
            for value in node.values():
                yield from properties(value)
        elif isinstance(node, list):
            for value in node:
                yield from properties(value)

    for path in SCHEMAS:
        schema = json.loads(path.read_text(encoding="utf-8"))
        untitled = [name for name, node in properties(schema) if "title" not in node]
        assert not untitled, f"{path.name}: properties without a title: {untitled}"


def test_schema_help_is_japanese_first():
    """The maintainers read the editor's help (the titles and descriptions of the schemas) in Japanese first:
    a title is "日本語 / English", a description its Japanese paragraph, then its English one."""

    def helps(node):
        if isinstance(node, dict):
            for key in ("title", "description"):
                if isinstance(node.get(key), str) and node[key]:
                    yield key, node[key]
            for value in node.values():
                yield from helps(value)
        elif isinstance(node, list):
            for value in node:
                yield from helps(value)

    japanese = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")
    for path in SCHEMAS:
        for key, text in helps(json.loads(path.read_text(encoding="utf-8"))):
            first, _, second = text.partition(" / " if key == "title" else "\n\n")
            assert japanese.search(first) and re.search("[A-Za-z]{2}", second), f"{path.name} {key}: {text!r}"
