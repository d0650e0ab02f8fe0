"""The model and the renderers do not depend on the site generator (MkDocs today; Zensical may follow), and a
fault in a template names the template and its line."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import pytest

from handbook import render
from handbook.data import load_policy
from handbook.model import LANGUAGES
from handbook.render import PageRenderer, TemplateFault
from handbook.site import page_specs


def test_every_page_renders_in_every_language_with_mkdocs_unimportable():
    """In a fresh interpreter where importing mkdocs (or anything under it) fails, every page of both
    languages renders from the real data."""
    script = textwrap.dedent(
        """
        import importlib.abc, sys

        class NoMkDocs(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name == "mkdocs" or name.startswith(("mkdocs.", "mkdocs_", "material")):
                    raise ImportError(f"{name} is made unimportable by this test")
                return None

        sys.meta_path.insert(0, NoMkDocs())
        from handbook.data import load_policy
        from handbook.model import LANGUAGES
        from handbook.render import PageRenderer
        from handbook.site import page_specs

        policy = load_policy()
        specs = page_specs(policy)
        for language in LANGUAGES:
            renderer = PageRenderer(policy, language)
            for spec in specs:
                assert renderer.render(spec.path).strip(), spec.path
        loaded = sorted(name for name in sys.modules if name.split(".")[0] in ("mkdocs", "material"))
        print(len(specs) * len(LANGUAGES), "pages;", "loaded:", loaded)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    pages, _, loaded = result.stdout.strip().partition(" pages; loaded: ")
    assert int(pages) == len(page_specs(load_policy())) * len(LANGUAGES)
    assert loaded == "[]"


@pytest.fixture
def templates_with_typo(tmp_path, monkeypatch):
    """A copy of the templates in which the rank page reads an attribute that does not exist."""
    copy = tmp_path / "templates"
    shutil.copytree(render.TEMPLATES, copy)
    rank_template = copy / "rank.md.j2"
    lines = rank_template.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "rank.tier.name" in text)
    lines[line - 1] = lines[line - 1].replace("rank.tier.name", "rank.tier.nmae")
    rank_template.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(render, "TEMPLATES", copy)
    render.environment.cache_clear()
    yield line
    render.environment.cache_clear()


def test_a_typo_in_a_template_names_the_template_and_line(templates_with_typo):
    policy = load_policy()
    with pytest.raises(TemplateFault) as raised:
        PageRenderer(policy, "ja").render(policy.ranks[0].page)
    message = str(raised.value)
    assert f"rank.md.j2, line {templates_with_typo}" in message
    assert "nmae" in message and policy.ranks[0].page in message
