"""The search index: Pagefind over the built pages, one index per language.

Each page is handed to Pagefind as a small document made from the built HTML: its title and the names a reader
may type for it (a rank's job titles, an initiative's number) weighted above the body, and its readable text
kept as metadata for the excerpt. Japanese is indexed as handbook/search_tokens.py says (bigrams, and every
spelling Sudachi knows of each word); English as it is (Pagefind stems it). The tools are indexed by their name
and what they are for (PageKind.tool), not by their body.
"""

from __future__ import annotations

import argparse
import atexit
import io
import json
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import lru_cache
from html import escape
from pathlib import Path

import yaml

from .data import DATA_DIR, load_policy
from .html_text import PageText, article
from .model import LANGUAGES, Policy
from .pages import PageSpec, kind_of
from .search_tokens import fold, index_tokens, lines_kept_between_builds
from .site import page_specs, url_prefix
from .ui import label

BUNDLE = "pagefind"


@lru_cache(maxsize=1)
def everyday_terms() -> dict[str, dict[str, list[str]]]:
    """handbook/search_terms.yml: phrasings readers type for a page, by the page's source path."""
    return yaml.safe_load(Path(__file__).with_name("search_terms.yml").read_text(encoding="utf-8"))


def keywords(policy: Policy, spec: PageSpec, language: str) -> list[str]:
    """Names a reader may type for the thing a page is about, besides its title: the hand list's everyday phrasings
    of the page and the words its kind gives (handbook/pages/)."""
    return list(everyday_terms().get(spec.path, {}).get(language, [])) + kind_of(spec).keywords(policy, spec, language)


def search_entry(policy: Policy, spec: PageSpec, language: str) -> dict:
    """What a page is indexed by besides its text, as plain data (handed to another process, see SearchIndexer): its
    address from the site root, its title, the names a reader may type for it and, for a tool, its name and what it
    is for (a tool's body is not read)."""
    tool = kind_of(spec).tool
    return {
        "address": url_prefix(language) + spec.url,
        "language": language,
        "title": spec.title[language],
        "keywords": keywords(policy, spec, language),
        "tool": {"name": label(tool[0])[language], "about": " ".join(label(key)[language] for key in tool[1])}
        if tool
        else None,
    }


def search_entries(policy: Policy) -> dict[str, dict]:
    """The entry of every page search indexes, in both languages, by its address."""
    indexed = [spec for spec in page_specs(policy) if kind_of(spec).indexed]
    entries = (search_entry(policy, spec, language) for spec in indexed for language in LANGUAGES)
    return {entry["address"]: entry for entry in entries}


def search_document(entry: dict, html: str) -> str:
    """The small document Pagefind indexes for a page: its entry, and the text of its <article> (html: the built
    page, or its article alone)."""
    language, tool = entry["language"], entry["tool"]
    if tool:
        reader, text = None, tool["about"]
    else:
        # Only the <article> is read; parsing the rest of the page (Material's navigation of every page is
        # most of it) cost most of the indexing time for nothing.
        reader = PageText(article(html))
        text = reader.text()  # shown in results as written; indexed folded

    def indexed(texts, weight: int | None = None) -> str:
        attribute = f' data-pagefind-weight="{weight}"' if weight else ""
        words = (" ".join(index_tokens(text)) if language == "ja" else fold(text) for text in texts)
        return "".join(f"<p{attribute}>{escape(w)}</p>" for w in words if w.strip())

    return (
        f'<html lang="{language}"><head><title>{escape(fold(entry["title"]))}</title></head><body>'
        f'<span data-pagefind-meta="title" data-pagefind-ignore>{escape(entry["title"])}</span>'
        f'<span data-pagefind-meta="text" data-pagefind-ignore>{escape(text)}</span>'
        + (
            indexed([entry["title"]], 10) + indexed(entry["keywords"], 7) + indexed(reader.headings, 3)
            if reader
            else indexed([tool["name"]], 10) + indexed(entry["keywords"], 7) + indexed([entry["title"]])
        )
        + indexed(fold(text).split("\n"))
        + "</body></html>"
    )


def _write_document(documents: Path, entry: dict, html: str) -> None:
    """A page's search document, in a folder mirroring the site's addresses."""
    document = documents / entry["address"] / "index.html"
    document.parent.mkdir(parents=True, exist_ok=True)
    document.write_text(search_document(entry, html), encoding="utf-8")


def run_pagefind(documents: Path, site_dir: Path) -> None:
    """Index the documents into site_dir/pagefind, with the Pagefind command (its Python API is an order of
    magnitude slower for the same pages)."""
    output = site_dir / BUNDLE
    shutil.rmtree(output, ignore_errors=True)
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(documents), "--output-path", str(output), "--silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind could not index the site:\n{result.stdout}{result.stderr}")
    # Pagefind also writes its own search interfaces; the handbook's box (overrides/assets/js/search/) uses none.
    for unused in ("pagefind-ui.*", "pagefind-component-ui.*", "pagefind-modular-ui.*", "pagefind-highlight.js"):
        for path in output.glob(unused):
            path.unlink()


def write_search_index(policy: Policy, site_dir: Path) -> int:
    """Index every page of a built site (both languages) into site_dir/pagefind; returns the page count."""
    with tempfile.TemporaryDirectory(prefix="handbook-search-") as scratch, lines_kept_between_builds():
        count = 0
        for address, entry in search_entries(policy).items():
            built = site_dir / address / "index.html"
            if built.exists():
                _write_document(Path(scratch), entry, built.read_text(encoding="utf-8"))
                count += 1
        run_pagefind(Path(scratch), site_dir)
    return count


class SearchIndexer:
    """The search index made while a build finishes its pages: each finished page is handed to another process,
    which writes its search document (most of the index's work: reading the page, Sudachi's spellings) on another
    core while the generator draws the next pages; write() then runs Pagefind over the documents."""

    def __init__(self, policy: Policy):
        self.entries = search_entries(policy)
        self.documents = Path(tempfile.mkdtemp(prefix="handbook-search-"))
        self.count = 0
        self._errors = tempfile.TemporaryFile()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "handbook.search_index", "--documents", str(self.documents)],
            stdin=subprocess.PIPE,
            stderr=self._errors,
            cwd=Path(__file__).resolve().parent.parent,  # this handbook package, whatever else is installed
        )
        # the pipe is fed by a thread: a page handed over never waits for the other process
        self._pages: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._feeder = threading.Thread(target=self._feed, name="search-documents", daemon=True)
        self._feeder.start()
        atexit.register(self.abandon)  # a build stopped by Ctrl+C leaves no process or folder behind

    def add(self, address: str, html: str) -> None:
        """A finished page, by its address from the site root ("en/ranks/chief/"); pages search leaves out are
        ignored."""
        entry = self.entries.get(address)
        if entry is not None:
            message = {"entry": entry, "html": "" if entry["tool"] else article(html)}
            self._pages.put(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
            self.count += 1

    def _feed(self) -> None:
        try:
            while (line := self._pages.get()) is not None:
                self._process.stdin.write(line)
            self._process.stdin.close()
        except (BrokenPipeError, ValueError):  # the other process stopped: write() says why
            pass

    def write(self, site_dir: Path) -> int:
        """Index the documents of the pages added into site_dir/pagefind; returns their count."""
        try:
            self._pages.put(None)
            self._feeder.join()
            if self._process.wait() != 0:
                self._errors.seek(0)
                raise RuntimeError(f"The search documents could not be written:\n{self._errors.read().decode()}")
            run_pagefind(self.documents, Path(site_dir))
            return self.count
        finally:
            self.abandon()

    def abandon(self) -> None:
        """Stop, leaving nothing behind (a build that failed)."""
        atexit.unregister(self.abandon)
        if self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._errors.close()
        shutil.rmtree(self.documents, ignore_errors=True)


def _write_documents(documents: Path) -> None:
    """The other process of SearchIndexer: a document for each page read from standard input (JSON lines)."""
    with lines_kept_between_builds():
        for line in io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8"):
            page = json.loads(line)
            _write_document(documents, page["entry"], page["html"])


def main(argv: list[str] | None = None) -> None:
    """`python -m handbook.search_index SITE_DIR`: index a built site again (the preview does, after an edit)."""
    parser = argparse.ArgumentParser(description="Write the search index of a built handbook site.")
    parser.add_argument("site_dir", type=Path, nargs="?")
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="the policy_data folder (default: this checkout's)")
    parser.add_argument("--documents", type=Path, help=argparse.SUPPRESS)  # SearchIndexer's other process
    arguments = parser.parse_args(argv)
    if arguments.documents:
        _write_documents(arguments.documents)
    elif arguments.site_dir:
        write_search_index(load_policy(arguments.data), arguments.site_dir)
    else:
        parser.error("a site folder is needed")


if __name__ == "__main__":
    main()
