"""An initiative withdrawn (or merged into another) as the guide says: its file stays with `withdrawn:`, so every
address stays where it was, its page becomes a short notice, and the changes page names what happened."""

from __future__ import annotations

import shutil

import pytest
import yaml

from handbook.data import DATA_DIR, load_policy
from handbook.errors import PolicyDataError
from handbook.history import compare_file
from handbook.render import PageRenderer
from handbook.site import mkdocs_nav, page_specs
from handbook.ui import label

WITHDRAWN, MERGED_INTO = "033", "032"
REVISION = {"ja": "令和8年（2026年）4月改定", "en": "Revised April 2026 (Reiwa 8)"}
STEP = f"""
withdrawn:
  revision: {{ja: {REVISION["ja"]}, en: {REVISION["en"]}}}
  merged_into: "{MERGED_INTO}"
"""


@pytest.fixture(scope="module")
def withdrawn(tmp_path_factory):
    """The data as the guide's Example 5 leaves it: 033.yml kept, with `withdrawn:` added."""
    data = tmp_path_factory.mktemp("withdrawn") / "policy_data"
    shutil.copytree(DATA_DIR, data, ignore=shutil.ignore_patterns("source"))
    with (data / "initiatives" / f"{WITHDRAWN}.yml").open("a", encoding="utf-8") as file:
        file.write(STEP)
    return data


def test_withdrawing_keeps_every_address(withdrawn, policy):
    before = {spec.path: spec.kind for spec in page_specs(policy)}
    after = {spec.path: spec.kind for spec in page_specs(load_policy(withdrawn))}
    assert after.keys() == before.keys()
    changed = {path for path in before if before[path] != after[path]}
    assert changed == {f"initiatives/{WITHDRAWN}.md"} and after[f"initiatives/{WITHDRAWN}.md"] == "withdrawn_initiative"


@pytest.mark.parametrize("language", ["ja", "en"])
def test_the_withdrawn_page_says_so_and_leads_to_the_initiative_it_was_merged_into(withdrawn, language):
    policy = load_policy(withdrawn)
    assert WITHDRAWN not in [i.number for i in policy.initiatives], "out of every list of initiatives"
    page = PageRenderer(policy, language).render(f"initiatives/{WITHDRAWN}.md")
    notice = label("initiative_withdrawn")[language].replace("{revision}", REVISION[language])
    assert notice in page
    assert f'href="../{MERGED_INTO}/"' in page and policy.initiative(MERGED_INTO).title[language] in page
    nav = str(mkdocs_nav(policy, language))
    assert f"initiatives/{WITHDRAWN}.md" not in nav and f"initiatives/{MERGED_INTO}.md" in nav
    index = PageRenderer(policy, language).render("initiatives/index.md")
    assert f'href="{WITHDRAWN}/"' not in index


def test_the_changes_page_names_the_withdrawal_not_its_texts(withdrawn):
    name = f"initiatives/{WITHDRAWN}.yml"
    old = yaml.safe_load((DATA_DIR / name).read_text(encoding="utf-8"))
    new = yaml.safe_load((withdrawn / name).read_text(encoding="utf-8"))
    new["text"] = new["text"][:1]  # what the guide allows: the text of a withdrawn initiative may be cut
    texts, entities = compare_file(name, old, new)
    assert texts == []
    assert [(e.kind, e.what, e.key) for e in entities] == [("withdrawn", "initiative", WITHDRAWN)]
    assert (
        entities[0].name.ja == f"{WITHDRAWN} {old['title']['ja']}"
        and f"initiatives/{WITHDRAWN}.md" in entities[0].pages
    )


def test_removing_the_file_instead_is_refused_with_the_way_to_withdraw(withdrawn, tmp_path):
    data = tmp_path / "policy_data"
    shutil.copytree(withdrawn, data)
    (data / "initiatives" / f"{WITHDRAWN}.yml").unlink()
    with pytest.raises(PolicyDataError) as raised:
        load_policy(data)
    assert "withdrawn:" in str(raised.value) and WITHDRAWN in str(raised.value)
