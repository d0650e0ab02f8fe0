"""The search index: Pagefind over the built pages, one index per language.

Pagefind's Japanese segmenter cuts a word differently depending on the text around it (運転士 is found on
one page and not on the next), the browser cuts the query with yet another segmenter (Intl.Segmenter),
and neither folds width or compatibility forms. So Japanese is indexed as overlapping character pairs
(bigrams), the usual way to search text without spaces: every page's text is NFKC-normalised and turned
into bigram tokens here, and overrides/assets/search.js turns the reader's query into the same tokens, so
心理的安全性, 評価, ワーク・ライフ・バランス, 1on1 and K-ボックス all match exactly. Each bigram is written as an
ASCII word (its code points in hex) so that no segmenter on either side can cut it again.
English is indexed as it is (Pagefind stems it). Each page is handed to Pagefind as a small document made
from the built HTML: its title and the names a reader may type for it (a rank's job titles, an
initiative's number) weighted above the body, and its readable text kept as metadata for the excerpt.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from functools import lru_cache
from html import escape
from pathlib import Path

import yaml

from .html_text import PageText, article
from .model import LANGUAGES, Policy
from .site import PageSpec, page_specs, url_prefix

BUNDLE = "pagefind"
# Pages that only repeat what other pages are about: a self-check sheet its rank's items, a comparison
# two ranks, the explorer every item. Searching finds the rank or item pages instead.
NOT_INDEXED = {"self_check", "comparison", "compare_index", "explorer", "editor_notes"}


def fold(text: str) -> str:
    """What both the index and the query go through: NFKC, so ﾃﾞｼﾞﾀﾙ = デジタル and ＤＸ = DX."""
    return unicodedata.normalize("NFKC", text)


# Kana, the prolonged sound mark and kanji (with 々): the characters written without spaces.
_CJK_RUN = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u4e00-\u9fff]+")
_WORD = re.compile(r"[0-9a-z]+")


def _code(chars: str) -> str:
    return "qj" + "".join(f"{ord(c):04x}" for c in chars)


def japanese_tokens(text: str) -> list[str]:
    """Bigrams of every run of Japanese characters (a lone character stays as it is), each written as an
    ASCII word, and the Latin or digit words between them. overrides/assets/search.js implements the same
    function for queries; a test runs both on the same strings."""
    text = fold(text).lower()
    tokens: list[str] = []
    position = 0
    for run in _CJK_RUN.finditer(text):
        tokens += _WORD.findall(text[position : run.start()])
        chars = run.group()
        pairs = [chars] if len(chars) == 1 else [chars[i : i + 2] for i in range(len(chars) - 1)]
        tokens += [_code(pair) for pair in pairs]
        position = run.end()
    tokens += _WORD.findall(text[position:])
    return tokens


@lru_cache(maxsize=1)
def everyday_terms() -> dict[str, dict[str, list[str]]]:
    """handbook/search_terms.yml: phrasings readers type for a page, by the page's source path."""
    return yaml.safe_load(Path(__file__).with_name("search_terms.yml").read_text(encoding="utf-8"))


def keywords(policy: Policy, spec: PageSpec, language: str) -> list[str]:
    """Names a reader may type for the thing a page is about, besides its title."""
    words: list[str] = list(everyday_terms().get(spec.path, {}).get(language, []))
    if spec.kind == "rank":
        rank = policy.rank(spec.key)
        words += [rank.tier.name[language]] + [jt.name[language] for jt in rank.job_titles]
        words += [role.post_type.name[language] for role in rank.roles if role.post_type]
    elif spec.kind == "initiative":
        initiative = policy.initiative(spec.key)
        words += [initiative.number, initiative.theme.name[language]]
    elif spec.kind == "talent":
        talent = policy.talent(spec.key)
        words += [level.name[language] for level in talent.levels]
    elif spec.kind == "orientation":
        orientation = policy.orientation(spec.key)
        words += [a[language] for a in orientation.abilities_to_grow]
    elif spec.kind == "glossary":
        words += [term.term[language] for term in policy.glossary] + [
            a for term in policy.glossary for a in term.aliases
        ]
    return words


def search_document(policy: Policy, spec: PageSpec, language: str, html: str) -> str:
    # Only the <article> is read; parsing the rest of the page (Material's navigation of every page is most
    # of it) cost most of the indexing time for nothing.
    reader = PageText(article(html))
    title = fold(spec.title[language])
    text = reader.text()  # shown in results as written; indexed folded
    body = fold(text)

    def indexed(texts, weight: int | None = None) -> str:
        attribute = f' data-pagefind-weight="{weight}"' if weight else ""
        words = (" ".join(japanese_tokens(text)) if language == "ja" else fold(text) for text in texts)
        return "".join(f"<p{attribute}>{escape(w)}</p>" for w in words if w.strip())

    return (
        f'<html lang="{language}"><head><title>{escape(title)}</title></head><body>'
        f'<span data-pagefind-meta="title" data-pagefind-ignore>{escape(spec.title[language])}</span>'
        f'<span data-pagefind-meta="text" data-pagefind-ignore>{escape(text)}</span>'
        + indexed([spec.title[language]], 10)
        + indexed(keywords(policy, spec, language), 7)
        + indexed(reader.headings, 3)
        + indexed(body.split("\n"))
        + "</body></html>"
    )


def write_search_index(policy: Policy, site_dir: Path) -> int:
    """Index every generated page of both languages into site_dir/pagefind; returns the page count.

    The documents are written to a scratch folder mirroring the site's addresses and indexed there with
    the Pagefind command (its Python API is an order of magnitude slower for the same pages)."""
    with tempfile.TemporaryDirectory(prefix="handbook-search-") as scratch:
        count = 0
        for spec in page_specs(policy):
            if spec.kind in NOT_INDEXED:
                continue
            for language in LANGUAGES:
                prefix = url_prefix(language)
                built = site_dir / prefix / spec.url / "index.html"
                if not built.exists():
                    continue
                document = Path(scratch) / prefix / spec.url / "index.html"
                document.parent.mkdir(parents=True, exist_ok=True)
                document.write_text(
                    search_document(policy, spec, language, built.read_text(encoding="utf-8")), encoding="utf-8"
                )
                count += 1
        output = site_dir / BUNDLE
        shutil.rmtree(output, ignore_errors=True)
        result = subprocess.run(
            [sys.executable, "-m", "pagefind", "--site", scratch, "--output-path", str(output), "--silent"],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
    # Pagefind also writes its own search interfaces; the handbook's box (overrides/assets/search.js) uses none.
    for unused in ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js"):
        for path in output.glob(unused):
            path.unlink()
    return count
