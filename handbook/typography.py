"""Japanese line breaking at build time: lines may break only between phrases (文節), never inside a word.

BudouX (Google's phrase segmenter, a small model shipped with its PyPI package) finds the phrases; a
<wbr> marks each boundary, and the stylesheet keeps Japanese text from breaking anywhere else
(`word-break: keep-all`, with `overflow-wrap: anywhere` as the last resort in a cell too narrow for a
phrase). That last resort breaks anywhere, before 「。」 too, so in table cells the characters no line may start
or end with (禁則: 。、） and small kana after, （「 before) are held to their neighbour, and a katakana word is
held whole (not 「自己チェックシ/ート」), in a `<span class="keep">` (white-space: nowrap). No script runs in the
browser. BudouX sometimes cuts a term of the policy (「育成方/針」), so no
boundary is kept inside a term of policy_data/terminology.yml or a name the policy gives (ranks,
orientations, glossary terms), nor inside a number (it cuts 「202/6年」).
"""

from __future__ import annotations

import html
import re
from functools import cache, lru_cache

import budoux

from .html_text import VOID

_CJK = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uff01-\uff5e]")  # Japanese punctuation (「。」) included
_TERM_PARTS = re.compile(r"[・／（）()「」\s]+")
_AFTER_SEPARATOR = re.compile(r"(?<=\S)[・／](?=\S)")
# Letters and digits, half- and full-width: a number or a code such as 2026, 021 or Ｒ６ is one word.
_ALPHANUMERIC = re.compile(r"[0-9A-Za-z\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_TAG = re.compile(r"(<[^>]*>)")
_TAG_NAME = re.compile(r"</?([a-zA-Z][a-zA-Z0-9-]*)")
# Elements whose text is not laid out as lines of the page, or where markup is not allowed.
_UNTOUCHED = {"script", "style", "title", "textarea", "svg", "code", "pre", "option", "template"}
# An element whose text is held on one line, cut with "…" (the header's titles): Chromium breaks at a <wbr>
# even under `white-space: nowrap`, which drew the rest of the title below the header.
ONE_LINE = "data-one-line"
_MARKED_ONE_LINE = re.compile(rf"\s{ONE_LINE}(?=[\s=>/])")
MAX_TERM = 10  # longer terms may still break at a phrase boundary rather than overflow a narrow cell

# 禁則: the characters no line may start with (closing brackets and punctuation, small kana, the prolonged sound
# mark, iteration marks) and those no line may end with (opening brackets).
NO_START = "。、，．・）」』】〕〉》］｝：；？！ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々ゝゞヽヾ"
NO_END = "（「『【〔〈《［｛"
_KATAKANA_WORD = r"(?<![ァ-ヴー])[ァ-ヴー]{2,9}(?![ァ-ヴー])"  # up to 9 (コミュニケーション); longer ones may break
# What a cell holds on one line: a katakana word, or a character with the 禁則 characters around it.
_KEEP = re.compile(rf"[{NO_END}]*{_KATAKANA_WORD}[{NO_START}]*|[{NO_END}]*\S[{NO_START}]+|[{NO_END}]+\S")
_CELLS = {"td", "th"}  # where a line may be narrower than a phrase
_INLINE = {"a", "abbr", "b", "cite", "del", "em", "ins", "span", "strong"}  # not code: a long name must wrap


class PhraseBreaker:
    def __init__(self, terms: list[str]):
        self._parser = budoux.load_default_japanese_parser()
        protected = {part for term in terms for part in _TERM_PARTS.split(term) if 2 <= len(part) <= MAX_TERM}
        ordered = sorted(protected, key=len, reverse=True)
        self._terms = re.compile("|".join(map(re.escape, ordered))) if ordered else None
        self.phrases = lru_cache(maxsize=None)(self._phrases)
        self.html = lru_cache(maxsize=None)(self._html)  # the navigation's texts recur on every page

    def _phrases(self, text: str) -> tuple[str, ...]:
        """The text cut into phrases (joined, they give the text back)."""
        cuts, position = set(), 0
        for chunk in self._parser.parse(text)[:-1]:
            position += len(chunk)
            cuts.add(position)
        # After a middle dot or a slash the next word begins (「成長・育成方針」「役割／能力」), even where the
        # model saw none; then no cut inside a term…
        cuts.update(match.end() for match in _AFTER_SEPARATOR.finditer(text) if match.end() < len(text))
        if self._terms:
            for match in self._terms.finditer(text):
                cuts.difference_update(range(match.start() + 1, match.end()))
        # nor inside a number or a code (the model cuts 「202/6年」)
        cuts = {cut for cut in cuts if not (_ALPHANUMERIC.match(text[cut - 1]) and _ALPHANUMERIC.match(text[cut]))}
        # nor before a character no line may start with, nor after one no line may end with
        cuts = {cut for cut in cuts if text[cut] not in NO_START and text[cut - 1] not in NO_END}
        bounds = [0, *sorted(cuts), len(text)]
        return tuple(text[start:end] for start, end in zip(bounds, bounds[1:], strict=False) if end > start)

    def _html(self, text: str, in_cell: bool = False) -> str:
        """Escaped text with <wbr> between its phrases; in a table cell, with the 禁則 characters held to their
        neighbours and katakana words held whole (see the module's docstring)."""
        if not in_cell:
            return "<wbr>".join(html.escape(phrase, quote=False) for phrase in self.phrases(text))
        return "<wbr>".join(_kept(phrase) for phrase in self.phrases(text))

    def break_html(self, document: str) -> str:
        """Every Japanese text of an HTML document (already escaped, as written by the site generator) with
        <wbr> between its phrases; tags, attributes, the elements in _UNTOUCHED and those marked ONE_LINE are
        left as they are."""
        parts = _TAG.split(document)
        inside: dict[str, int] = {}
        cells = 0  # table cells open around the text
        opened: list[tuple[str, int]] = []  # inline elements open in a cell: (name, index of the tag)
        closed: tuple[int, int] | None = None  # the inline element closed last in a cell: its tags' indexes
        held_open: set[int] = set()  # inline elements held whole with the 「（」 before them: their tags' indexes
        one_line: list = []  # [name, nesting of that name] of the element marked ONE_LINE being read
        for index, part in enumerate(parts):
            if index % 2:  # a tag
                match = _TAG_NAME.match(part)
                name = match.group(1).lower() if match else ""
                closing, void = part.startswith("</"), name in VOID or part.endswith("/>")
                if name in _UNTOUCHED and not part.endswith("/>"):
                    inside[name] = inside.get(name, 0) + (-1 if closing else 1)
                if name in _CELLS:
                    cells, opened = max(cells + (-1 if closing else 1), 0), []
                elif cells and name in _INLINE and not void:
                    if not closing:
                        opened.append((name, index))
                    elif opened and opened[-1][0] == name:
                        closed = (opened.pop()[1], index)
                        if closed[0] in held_open:
                            parts[index] += "</span>"
                if one_line and name == one_line[0] and not void:
                    one_line[1] += -1 if closing else 1
                    if not one_line[1]:
                        one_line.clear()
                elif not one_line and not closing and not void and _MARKED_ONE_LINE.search(part):
                    one_line[:] = [name, 1]
                continue
            if not part or one_line or any(inside.values()):
                continue
            text, held = html.unescape(part), ""
            lead = len(text) - len(text.lstrip(NO_START))
            if cells and lead and closed and closed[1] == index - 1:
                # 「<a>…</a>、」: the punctuation is held to the element before it (a link in a list), which still
                # breaks between its phrases (Chromium breaks at a <wbr> even under white-space: nowrap)
                parts[closed[0]] = '<span class="keep">' + parts[closed[0]]
                held, text = html.escape(text[:lead], quote=False) + "</span>", text[lead:]
                held += "<wbr>" if text and not text[0].isspace() else ""  # a phrase ends with its punctuation
            tail = len(text) - len(text.rstrip(NO_END))
            follows = parts[index + 1] if index + 1 < len(parts) else ""
            match = _TAG_NAME.match(follows)
            if cells and tail and match and not follows.startswith("</") and match.group(1).lower() in _INLINE:
                # 「（<code>…</code>」: the opening bracket is held to the element after it
                text, held_after = text[:-tail], '<span class="keep">' + html.escape(text[-tail:], quote=False)
                held_open.add(index + 1)
            else:
                held_after = ""
            if held or held_after or _CJK.search(text):
                parts[index] = held + self.html(text, in_cell=cells > 0) + held_after
        return "".join(parts)


@cache
def _kept(phrase: str) -> str:
    """An escaped phrase with each run _KEEP matches in a <span class="keep">."""
    out, position = [], 0
    for match in _KEEP.finditer(phrase):
        out += [html.escape(phrase[position : match.start()], quote=False), '<span class="keep">']
        out += [html.escape(match.group(0), quote=False), "</span>"]
        position = match.end()
    out.append(html.escape(phrase[position:], quote=False))
    return "".join(out)


def policy_terms(policy) -> list[str]:
    """The words no line may break inside: the terminology and the names the policy gives."""
    names = [entry["ja"] for entry in policy.terminology]
    names += [rank.name.ja for rank in policy.ranks] + [o.name.ja for o in policy.orientations]
    names += [term.term.ja for term in policy.glossary]
    return names


# Language of parts (WCAG 3.1.2): text in the other language is marked with its own lang.
_JAPANESE_CHARS = r"[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uff01-\uff5e]"
_JAPANESE_RUN = re.compile(f"{_JAPANESE_CHARS}+(?:[ \u3000]*{_JAPANESE_CHARS}+)*")
# English on a Japanese page: two or more words, or one word of four letters or more with small letters
# (abbreviations such as DX, EBPM, ICT are read as part of the Japanese, as the policy uses them).
_WORD = r"[A-Za-z][A-Za-z'’.-]*"
_ENGLISH_RUN = re.compile(
    rf"(?<![A-Za-z0-9&])(?:{_WORD}(?:[ \u00a0]+{_WORD})+|[A-Za-z]*[a-z][A-Za-z]{{3,}})(?![A-Za-z0-9])"
)
_LANG = re.compile(r'\slang="([^"]*)"')
_OTHER = {"en": ("ja", _JAPANESE_RUN), "ja": ("en", _ENGLISH_RUN)}  # a part's language: the other one, its runs


def mark_other_language(document: str, language: str) -> str:
    """Wrap text in the other language in <span lang="…">: Japanese quoted on an English page (or inside an
    English part of a Japanese page), English words on a Japanese page (the theme's, or the source's own
    such as "vision"). What counts is the nearest lang around the text, the page's own at first."""
    parts = _TAG.split(document)
    stack: list[list] = [["", language, 0]]  # [tag, lang, nesting of the same tag]
    untouched = 0
    for index, part in enumerate(parts):
        if index % 2:
            match = _TAG_NAME.match(part)
            name = match.group(1).lower() if match else ""
            closing, void = part.startswith("</"), name in VOID or part.endswith("/>")
            if name in _UNTOUCHED and not void:
                untouched += -1 if closing else 1
            if closing:
                top = stack[-1]
                if name == top[0]:
                    if top[2]:
                        top[2] -= 1
                    elif len(stack) > 1:
                        stack.pop()
            elif not void and name:
                lang = _LANG.search(part)
                if lang:
                    stack.append([name, lang.group(1), 0])
                elif name == stack[-1][0]:
                    stack[-1][2] += 1
            continue
        if not part or untouched or stack[-1][1] not in _OTHER:
            continue
        parts[index] = _marked(part, stack[-1][1])
    return "".join(parts)


@lru_cache(maxsize=65536)  # the navigation's texts recur on every page
def _marked(text: str, language: str) -> str:
    """Text (escaped HTML, no tags) in a part whose language is `language`, its runs in the other one marked."""
    other, pattern = _OTHER[language]
    return pattern.sub(lambda m: f'<span lang="{other}">{m.group(0)}</span>', text)
