"""What a text is indexed as for search (handbook/search_index.py makes the documents Pagefind indexes).

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
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import unicodedata
from contextlib import contextmanager
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from sudachipy import Dictionary, SplitMode


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
    (a cold reading is about half the search documents' work), under a key of this module's code and Sudachi's
    versions:
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
