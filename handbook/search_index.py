"""The search index: Pagefind over the built pages, one index per language.

Pagefind's Japanese segmenter cuts a word differently depending on the text around it (運転士 is found on
one page and not on the next), the browser cuts the query with yet another segmenter (Intl.Segmenter),
and neither folds width or compatibility forms. So Japanese is indexed as overlapping character pairs
(bigrams), the usual way to search text without spaces: every page's text is NFKC-normalised and turned
into bigram tokens here, and overrides/assets/js/search/ turns the reader's query into the same tokens, so
心理的安全性, 評価, ワーク・ライフ・バランス, 1on1 and K-ボックス all match exactly. Each bigram is written as an
ASCII word (its code points in hex) so that no segmenter on either side can cut it again.
Readers spell words differently from the text (障害 or 障がい, 取組 or 取り組み, マネジメント or マネージメント).
Sudachi, a Japanese morphological analyser, knows which spellings are one word: every word of the text is
indexed in each spelling its dictionary gives for it too (see spellings()), so a query in any of them finds
the page. The browser cannot run Sudachi; with every spelling in the index it needs nothing but the bigrams.
English is indexed as it is (Pagefind stems it). Each page is handed to Pagefind as a small document made
from the built HTML: its title and the names a reader may type for it (a rank's job titles, an
initiative's number) weighted above the body, and its readable text kept as metadata for the excerpt. The
tools are indexed by their name and what they are for (PageKind.tool), not by their body.
"""

from __future__ import annotations

import argparse
import atexit
import hashlib
import io
import json
import os
import queue
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import unicodedata
from contextlib import contextmanager
from functools import lru_cache
from html import escape
from importlib.metadata import version
from pathlib import Path

import yaml
from sudachipy import Dictionary, SplitMode

from .data import DATA_DIR, load_policy
from .html_text import PageText, article
from .model import LANGUAGES, Policy
from .pages import PageSpec, kind_of
from .site import page_specs, url_prefix
from .ui import label

BUNDLE = "pagefind"


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
    ASCII word, and the Latin or digit words between them. overrides/assets/js/search/tokens.js implements the same
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


# Words that other spellings are worth indexing for: nouns, verbs and adjectives, not the auxiliary uses of
# する, ある, できる … (非自立可能), whose "normal" forms (為る, 有る, 出来る) nobody types.
_CONTENT = {"名詞", "動詞", "形容詞", "形状詞"}
_KANJI_OR_KATAKANA = re.compile(r"[\u30a1-\u30fa\u4e00-\u9fff]")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]+")
_KANJI = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _sudachi():
    dictionary = Dictionary(dict="core")
    # Mode C keeps compounds whole (取り組む, not 取り + 組む), so their spellings are those of the word.
    return dictionary, dictionary.tokenizer(mode=SplitMode.C)


@lru_cache(maxsize=4096)
def _is_content(pos_id: int) -> bool:
    pos = _sudachi()[0].pos_of(pos_id)
    return pos[0] in _CONTENT and pos[1] != "非自立可能"


@lru_cache(maxsize=1)
def spellings() -> dict[str, list[str]]:
    """Sudachi's dictionary read backwards: for a content word's normalized form and part of speech
    ("障害\t<pos id>"), the other spellings it lists with kanji or katakana (障がい, 障碍); spellings in hiragana
    alone are left out, as a reader who means the word converts it. Reading the 1.6 million entries takes a
    few seconds, so the table is kept in the system's temporary folder, once per dictionary version."""
    cache = _kept_file(f"handbook-spellings-{_DICTIONARY}.json")
    table = _read_kept(cache)
    if table is None:
        table = {}
        for entry in _sudachi()[0].entries():
            surface, normal = entry.surface(), entry.normalized_form()
            if surface != normal and _KANJI_OR_KATAKANA.search(surface) and _is_content(entry.part_of_speech_id()):
                table.setdefault(f"{normal}\t{entry.part_of_speech_id()}", []).append(surface)
        _keep(cache, table)
    return table


# Sudachi's tables are the same for any checkout on the machine: they are kept in the system's temporary folder,
# not in the project's .cache/ (handbook/history.py).
_DICTIONARY = f"{version('sudachipy')}-{version('sudachidict-core')}"


def _kept_file(name: str) -> Path:
    return Path(tempfile.gettempdir()) / name


def _read_kept(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _keep(path: Path, data) -> None:
    try:
        scratch = path.with_suffix(f".{os.getpid()}.tmp")  # written whole, then renamed: builds may run at once
        scratch.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(scratch, path)
    except OSError:
        pass  # nowhere to keep it: made again next time


def other_spellings(text: str) -> list[str]:
    """Each word of text that has other spellings, written in each of them with the character before and
    after it, so that the bigrams across its edges are indexed too: 「障がいのある」 gives 「障害の」."""
    return [found for line in _sudachi_pieces(fold(text)) for found in _other_spellings_in_line(line)]


def _sudachi_pieces(text: str) -> list[str]:
    """text's lines, and sentences of a line too long for Sudachi (49,149 bytes at most; 2 KB seen)."""
    pieces = []
    for line in text.split("\n"):
        parts = [line] if len(line.encode()) < 49149 else re.findall(r"[^。]*。?", line)
        pieces += [part[i : i + 10000] for part in parts for i in range(0, len(part), 10000)]
    return pieces


# Each line Sudachi has read, and its words' other spellings: many lines stand on several pages (a rank's items on
# its sheet, its item pages …), and most stay the same from one build to the next (lines_kept_between_builds).
_read_lines: dict[str, list[str]] = {}
_lines_used: set[str] = set()


def _other_spellings_in_line(line: str) -> list[str]:
    _lines_used.add(line)
    if line not in _read_lines:
        _read_lines[line] = _spellings_in_line(line)
    return _read_lines[line]


@contextmanager
def lines_kept_between_builds():
    """Sudachi's reading of the lines of a site, kept in the system's temporary folder from one indexing to the next
    (a cold reading is about half the documents' work), under a key of this module's code and Sudachi's versions:
    a change of either reads every line afresh. Only the lines used this time are kept."""
    code = hashlib.sha1(Path(__file__).read_bytes()).hexdigest()[:12]
    path = _kept_file(f"handbook-spelling-lines-{_DICTIONARY}-{code}.json")
    kept = _read_kept(path) or {}
    _read_lines.update(kept)
    _lines_used.clear()
    yield
    if _lines_used != set(kept):
        _keep(path, {line: _read_lines[line] for line in _lines_used})


def _spellings_in_line(line: str) -> list[str]:
    table = spellings()
    found: list[str] = []
    for word in _sudachi()[1].tokenize(line):
        if not _is_content(word.part_of_speech_id()):
            continue
        surface, normal = word.surface(), word.normalized_form()
        forms = table.get(f"{normal}\t{word.part_of_speech_id()}", [])
        before, after = line[max(0, word.begin() - 1) : word.begin()], line[word.end() : word.end() + 1]
        found += [
            before + form + after
            for form in dict.fromkeys([normal, *forms])
            if form != surface
            and _KANJI_OR_KATAKANA.search(form)
            # a kanji word's reading in katakana (コドモ) is how it sounds, not how anyone writes it
            and not (_KATAKANA.fullmatch(form) and _KANJI.search(surface))
        ]
    return found


def index_tokens(text: str) -> list[str]:
    """What a Japanese text is indexed as: its bigram tokens, then those of its words' other spellings."""
    return japanese_tokens(text) + japanese_tokens(" ".join(other_spellings(text)))


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
