"""The same checkout built by both generators gives the same handbook: MkDocs (the README's build, the session's
`built_site`) and Zensical, Material for MkDocs' successor (scripts/build_with_zensical.sh). Every page is
compared on what a reader gets: main text, title, language, navigation, language switch, the current page's mark,
the printout's running header and address, the script modules it loads; every link of the Zensical build resolves;
the search index is the same. A template that only Jinja2 can run (a Python method call, a variable only a hook
sets) fails here."""

from __future__ import annotations

import json
import posixpath
import subprocess
import sys
from pathlib import Path

import pytest
from page_facts import page_facts
from test_links import ServedSite, check_site

from handbook_testing import REPOSITORY, SITE_PATH, SITE_URL, ZENSICAL, made_once, mkdocs_env, served

# Differences that remain between the two builds, each with its reason; none is ignored silently.
KNOWN: dict[tuple[str, str], str] = {}


def _build(folder: Path) -> Path:
    assert ZENSICAL.exists(), "Zensical is not installed: run `bash scripts/setup_zensical.sh` (scripts/test.sh does)"
    site = folder / SITE_PATH.strip("/")  # the folder the test server serves as the site's path (served())
    result = subprocess.run(
        [sys.executable, "-m", "handbook.build.zensical", str(site), "--zensical", str(ZENSICAL)]
        + ["--project", str(REPOSITORY), "--work", str(folder / "work")],
        capture_output=True,
        text=True,
        env=mkdocs_env(SITE_URL),  # the address the session's MkDocs build has (tests/conftest.py)
    )
    assert result.returncode == 0, f"the Zensical build failed:\n{result.stdout}{result.stderr}"
    return site


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    return made_once(tmp_path_factory, "zensical", _build)


def _pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def _resolved(page: str, href: str) -> str:
    """A link as the address it leads to from the page (the generators write the same link differently: ./ or .)."""
    return posixpath.normpath(href if href.startswith("/") else posixpath.join(posixpath.dirname(page), href))


def _facts(site: Path, page: str) -> dict:
    facts = page_facts((site / page).read_text(encoding="utf-8"))
    facts["navigation"] = [(label, _resolved(page, href)) for label, href in facts["navigation"]]
    facts["current"] = [_resolved(page, href) for href in facts["current"]]
    facts["twins"] = [(lang, _resolved(page, href)) for lang, href in facts["twins"]]
    facts["scripts"] = sorted((_resolved(page, src), words) for src, words in facts["scripts"])
    return facts


def test_both_generators_make_the_same_pages_with_the_same_content(built_site, zensical_site):
    pages = _pages(built_site)
    assert pages == _pages(zensical_site), "the same pages at the same addresses"
    differences = []
    for page in pages:
        mkdocs, zensical = _facts(built_site, page), _facts(zensical_site, page)
        assert mkdocs["text"] and mkdocs["title"], f"{page}: the facts are read"
        for fact, value in mkdocs.items():
            if value != zensical[fact] and (page, fact) not in KNOWN:
                differences.append(f"{page}: {fact}\n  MkDocs:   {value!r:.300}\n  Zensical: {zensical[fact]!r:.300}")
    assert not differences, f"{len(differences)} differences:\n" + "\n".join(differences[:30])


def test_each_page_marks_itself_and_links_its_twin_under_zensical(zensical_site):
    """What the comparison takes for granted: the current page is marked in the navigation and the language
    switch leads to the page's twin (Zensical lost both with the templates as Jinja2 alone runs them)."""
    for page in ("glossary/index.html", "en/initiatives/001/index.html"):
        facts = _facts(zensical_site, page)
        address = posixpath.dirname(page)
        assert facts["current"] == [address], page
        assert {lang: href for lang, href in facts["twins"]} == {
            "ja": address.removeprefix("en/"),
            "en": "en/" + address.removeprefix("en/"),
        }
        assert facts["running header"] and facts["printed address"] == f"{SITE_URL}{address}/"


def test_every_link_of_the_zensical_build_resolves(zensical_site):
    with served(zensical_site) as base:
        check = check_site(zensical_site, ServedSite(base))
    assert check.checked > 10_000
    assert not check.broken, "\n".join(check.broken[:30])
    assert not check.absolute, "\n".join(check.absolute[:30])


def test_both_generators_give_the_same_search_index(built_site, zensical_site):
    mkdocs, zensical = built_site / "pagefind", zensical_site / "pagefind"
    files = sorted(p.relative_to(mkdocs).as_posix() for p in mkdocs.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(zensical).as_posix() for p in zensical.rglob("*") if p.is_file())
    for name in files:
        if name.endswith(".json"):  # Pagefind writes its keys in no fixed order
            assert json.loads((mkdocs / name).read_text()) == json.loads((zensical / name).read_text()), name
        else:
            assert (mkdocs / name).read_bytes() == (zensical / name).read_bytes(), name
