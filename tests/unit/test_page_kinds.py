"""A page kind is declared once (handbook/pages/): adding one that shows data takes its module, its template and
its words in ui.yml, and nothing else."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import handbook
from handbook.data import DATA_DIR
from handbook.pages import kinds
from handbook.site import page_specs

# A throwaway kind, as the README says to add one: every orientation's abilities to grow on one page.
MODULE = '''
"""Every orientation's abilities to grow, on one page."""

from . import PageKind


def _context(renderer, spec):
    return {"orientations": renderer.policy.orientations}


def _words(policy, spec, language):
    return [o.name[language] for o in policy.orientations]


KINDS = [PageKind("abilities", 5.5, path="abilities.md", context=_context, keywords=_words)]
'''
TEMPLATE = """# {{ label('abilities') }}

{% for o in orientations %}
## {{ h(o.name) }}

{% for ability in o.abilities_to_grow %}
- {{ t(ability) }}
{% endfor %}
{% endfor %}
"""
WORDS = "abilities: {ja: 伸ばしたい能力, en: Abilities to grow}\n"

CHECK = """
import json
from handbook.data import load_policy
from handbook.render import PageRenderer
from handbook.search_index import keywords
from handbook.site import mkdocs_nav, page_specs

policy = load_policy()
spec = next(s for s in page_specs(policy) if s.kind == "abilities")
order = [s.path for s in page_specs(policy)]
print(json.dumps({
    "before": order[order.index("abilities.md") - 1], "after": order[order.index("abilities.md") + 1],
    "pages": {lang: PageRenderer(policy, lang).render("abilities.md") for lang in ("ja", "en")},
    "nav": [list(entry)[0] for entry in mkdocs_nav(policy, "en")],
    "words": keywords(policy, spec, "en"),
}))
"""


def test_a_new_kind_is_its_module_its_template_and_its_words(tmp_path, policy):
    package = Path(handbook.__file__).parent
    copy = tmp_path / "handbook"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "policy_data").symlink_to(DATA_DIR)  # the data beside the package, as in the repository
    (copy / "pages" / "abilities.py").write_text(MODULE, encoding="utf-8")
    (copy / "templates" / "abilities.md.j2").write_text(TEMPLATE, encoding="utf-8")
    with (copy / "ui.yml").open("a", encoding="utf-8") as ui:
        ui.write(WORDS)
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHECK)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    # placed between the orientations (5, 5.1) and the ranks (6), a navigation entry of its own
    assert found["before"].startswith("orientations/") and found["after"] == "ranks/index.md"
    assert "Abilities to grow" in found["nav"]
    ability = policy.orientations[0].abilities_to_grow[0]
    assert "# 伸ばしたい能力" in found["pages"]["ja"] and ability.ja in found["pages"]["ja"]
    assert ability.en in found["pages"]["en"]
    assert found["words"] == [o.name.en for o in policy.orientations]


def test_every_page_is_of_a_declared_kind_with_a_template(policy):
    templates = {p.name.removesuffix(".md.j2") for p in (Path(handbook.__file__).parent / "templates").glob("*.md.j2")}
    declared = set(kinds())
    assert {spec.kind for spec in page_specs(policy)} <= declared
    assert declared <= templates, f"kinds without a template: {declared - templates}"
