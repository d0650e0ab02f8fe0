"""The script modules each kind of page loads (PageKind.scripts, handbook/page_scripts.py): every word a module
shows is given to it by its page, in both languages, and every module file is loaded by some page."""

from __future__ import annotations

import re
from pathlib import Path

from handbook import page_scripts
from handbook.growth import VISION_QUESTIONS
from handbook.model import LANGUAGES
from handbook.pages import kinds
from handbook.ui import label

ASSETS = Path(__file__).parents[2] / "overrides" / "assets"
EVERY_PAGE = {"js/theme.js", "js/search/main.js"}  # mkdocs.yml extra_javascript


def imported(module: Path) -> set[Path]:
    """The module and every module it imports, at any depth."""
    found, todo = set(), [module]
    while todo:
        path = todo.pop()
        if path not in found:
            found.add(path)
            source = path.read_text(encoding="utf-8")
            todo += [
                (path.parent / name).resolve()
                for name in re.findall(r'^import .*?from "(\.{1,2}/[^"]+)"', source, re.M)
            ]
    return found


def entry(name: str) -> Path:
    return (ASSETS / page_scripts.FOLDER.removeprefix("assets/") / f"{name}.js").resolve()


def test_every_word_a_module_shows_comes_from_its_page_in_both_languages():
    for name, given in page_scripts.WORDS.items():
        source = "".join(path.read_text(encoding="utf-8") for path in imported(entry(name)))
        used = set(re.findall(r'words\("(\w+)"', source))
        if "growth_vision_" in used:  # words("growth_vision_" + question)
            used = used - {"growth_vision_"} | {f"growth_vision_{question}" for question in VISION_QUESTIONS}
        assert used <= set(given), f"{name}.js shows words its page does not give: {used - set(given)}"
        for key in given:  # a separator may be empty: nothing between two Japanese sentences
            assert all(label(key)[language] or key.startswith("sep_") for language in LANGUAGES), key


def test_every_module_is_loaded_by_some_page_and_every_entry_exists():
    loaded = set()
    for kind in kinds().values():
        for name in kind.scripts:
            assert name in page_scripts.WORDS, f"{name}: no entry in page_scripts.WORDS"
            assert entry(name).is_file(), entry(name)
            loaded |= imported(entry(name))
    for name in EVERY_PAGE:
        loaded |= imported((ASSETS / name).resolve())
    modules = {path.resolve() for path in (ASSETS / "js").rglob("*.js")}
    assert modules <= loaded, f"modules no page loads: {sorted(str(p) for p in modules - loaded)}"
