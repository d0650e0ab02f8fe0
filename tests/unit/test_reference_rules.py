"""The table of id rules (handbook/data/checks/ids.py) against the real data: every rule names values that
exist (a misspelt path would silently check nothing), and each one refuses an unknown id at its own line
and field, in both languages."""

from __future__ import annotations

import copy
import re
import shutil

import pytest

from handbook.data import DATA_DIR, read_documents
from handbook.data.checks import cross_check
from handbook.data.checks.ids import IDS, INITIATIVE_FILES, REFERENCES, places
from handbook.data.read import is_initiative
from handbook.errors import field_name


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """The real data, with one more initiative that a revision withdrew and merged into 001: the reference of
    `withdrawn.merged_into` then stands in the data too."""
    data = tmp_path_factory.mktemp("data") / "policy_data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("source"))
    last = sorted((data / "initiatives").glob("*.yml"))[-1]
    added = f"{int(last.stem) + 1:03d}"
    text = re.sub(r'^number: "\d+"', f'number: "{added}"', last.read_text(encoding="utf-8"), count=1, flags=re.M)
    text += '\nwithdrawn:\n  revision: {ja: 令和8年4月改定, en: Revised April 2026}\n  merged_into: "001"\n'
    (data / "initiatives" / f"{added}.yml").write_text(text, encoding="utf-8")
    documents, faults = read_documents(data)
    assert not faults
    return documents


def _found(documents, rule) -> list[tuple[str, tuple, object]]:
    names = [n for n in documents if is_initiative(n)] if rule.file == INITIATIVE_FILES else [rule.file]
    return [(name, path, value) for name in names for path, value in places(documents[name].data, rule.path)]


def test_the_real_data_passes(documents):
    assert cross_check(documents) == []


@pytest.mark.parametrize("ids", IDS, ids=lambda ids: f"{ids.file}:{ids.path}")
def test_every_list_of_ids_is_in_the_data(documents, ids):
    [(_, _, entries)] = _found(documents, ids)
    assert entries and all("id" in entry for entry in entries)


@pytest.mark.parametrize("rule", REFERENCES, ids=lambda rule: f"{rule.file}:{rule.path}")
def test_every_reference_rule_refuses_an_unknown_id_where_it_stands(documents, rule):
    found = _found(documents, rule)
    assert found, f"{rule.path} names nothing in {rule.file}"
    name, path, _ = found[-1]
    broken = dict(documents)
    broken[name] = copy.copy(documents[name])
    broken[name].data = copy.deepcopy(documents[name].data)
    parent = broken[name].data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = "no-such-id"
    faults = cross_check(broken)
    [fault] = [f for f in faults if f.field == field_name(path)]
    assert fault.file == documents[name].file and fault.line == documents[name].line(path)
    assert fault.message.en == f"'no-such-id' is not a known {rule.what}."
    assert fault.message.ja.startswith("「no-such-id」という") and rule.where in fault.fix.en
