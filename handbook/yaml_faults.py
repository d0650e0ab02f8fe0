"""A YAML file the parser cannot read, explained in plain words at the line a maintainer must edit: the slips of
the Japanese input (full-width spaces and colons), a dedented line, an unclosed quote, and the parser's own word."""

from __future__ import annotations

import re

import yaml

from .errors import Fault, Words

_SYNTAX_FIX = Words(
    "字下げ（タブではなく半角スペースで、上の行とそろえる）、「キー: 値」のコロンの後の半角スペース、"
    "引用符やかっこが閉じているか、「: 」を含む文や記号で始まる文が引用符で囲まれているかを確かめてください。",
    "Check the indentation (spaces, not tabs, lined up with the lines above), that every 'key: value' has a space "
    "after the colon, that quotes and brackets are closed, and that text holding ': ' or starting with a special "
    "character is in quotes.",
)


# Two slips of the Japanese input that YAML reads as text, so that the parser stumbles lines later: full-width
# spaces (U+3000) in the indentation, and a full-width colon after a key (keys are lowercase ASCII).
_FULL_WIDTH_INDENT = re.compile(r"^[ \u3000]*\u3000")
_FULL_WIDTH_COLON = re.compile(r"^[ \u3000]*(?:-[ \u3000]+)?([a-z_][a-z0-9_]*)[ \u3000]*：")


def _input_slip(shown_as: str, lines: list[str], last: int) -> Fault | None:
    """The last line up to `last` (0-based) with a full-width space as indentation or a full-width colon after a
    key, named for what it is."""
    for number in range(min(last, len(lines) - 1), -1, -1):
        colon = _FULL_WIDTH_COLON.match(lines[number])
        if colon:
            key = colon.group(1)
            return Fault(
                shown_as,
                number + 1,
                "",
                Words(
                    f"「{key}」の後のコロンが全角（：）になっています。",
                    f"the colon after '{key}' is a full-width colon (：), which YAML does not read as one.",
                ),
                Words(
                    f"半角のコロンと半角スペース「: 」に直してください（例: {key}: …）。",
                    f"Write a half-width colon and a space: '{key}: …'.",
                ),
            )
        if _FULL_WIDTH_INDENT.match(lines[number]):
            return Fault(
                shown_as,
                number + 1,
                "",
                Words(
                    "この行の字下げに全角スペース（日本語入力のスペース）が使われています。",
                    "this line is indented with full-width spaces (the Japanese input's space).",
                ),
                Words(
                    "全角スペースを消し、日本語入力を切って半角スペースで字下げし直してください（上の行とそろえます）。",
                    "Delete the full-width spaces and indent with ordinary spaces, the Japanese input off, lined up "
                    "with the lines above.",
                ),
            )
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _dedented(lines: list[str], number: int) -> int | None:
    """The line `number` (0-based) when it is a 'key:' line indented less than the fields of the entry above it
    (a field moved left out of its entry), else None."""
    here = lines[number]
    if not re.match(r"^\s*[a-z_][a-z0-9_]*:", here):
        return None
    above = next((lines[n] for n in range(number - 1, -1, -1) if lines[n].strip()), "")
    stripped = above.lstrip(" ")
    fields_at = _indent(above) + (2 if stripped.startswith("- ") else 0)
    return number if _indent(here) < fields_at and not above.rstrip().endswith(":") else None


def _block_text_lines(lines: list[str]) -> set[int]:
    """The lines of folded or literal texts (a key ending in > or |, and the lines indented under it)."""
    inside, block_at = set(), None
    for number, line in enumerate(lines):
        if block_at is not None and (not line.strip() or _indent(line) > block_at):
            inside.add(number)
            continue
        block_at = _indent(line) if re.search(r":\s*[>|][-+]?\s*$", line) else None
    return inside


def syntax_fault(shown_as: str, text: str, error: yaml.MarkedYAMLError) -> Fault:
    """Name the line where the broken construct is, in words: where it starts (an unclosed quote, a key
    without its colon), not where the parser gave up, which can be lines later."""
    start, problem = error.context_mark, error.problem_mark
    mark = start if start is not None and (problem is None or start.line <= problem.line) else problem
    what = " ".join(filter(None, [error.context, error.problem]))
    lines = text.splitlines()
    line = mark.line + 1 if mark else None
    if problem is not None and "'\\t'" in what:
        message = Words("この行の字下げにタブ文字が使われています。", "this line is indented with a tab character.")
        fix = Words("タブを半角スペースに置き換えてください。", "Replace the tab with spaces.")
        return Fault(shown_as, problem.line + 1, "", message, fix)
    slip = _input_slip(shown_as, lines, problem.line if problem is not None else (mark.line if mark else 0))
    if slip is not None:
        return slip
    special = re.search(r"found character '([%@`])' that cannot start any token", what)
    if special and problem is not None:
        sign = special.group(1)
        message = Words(
            f"記号「{sign}」で始まる値は、YAML では引用符で囲まないと読めません。",
            f"a value starting with '{sign}' cannot be read by YAML unless it is in quotes.",
        )
        fix = Words(f'その値を引用符で囲んでください（例: "{sign}"）。', f'Put the value in quotes (e.g. "{sign}").')
        return Fault(shown_as, problem.line + 1, "", message, fix)
    if problem is not None and "expected <block end>" in what and problem.line < len(lines):
        dedented = _dedented(lines, problem.line)
        if dedented is not None:
            message = Words(
                "字下げが、同じまとまりの上の行より浅くなっています。",
                "this line is indented less than the other fields of its entry.",
            )
            fix = Words(
                "同じまとまりの項目は、上の行と同じ位置（半角スペースの数）から書き始めてください。",
                "Start it at the same column (the same number of spaces) as the other fields of its entry.",
            )
            return Fault(shown_as, dedented + 1, "", message, fix)
    last = problem.line if problem is not None else (mark.line if mark else 0)
    in_text = _block_text_lines(lines)  # a quote inside a folded text (>-) opens nothing
    unclosed = next(
        (
            n
            for n in range(mark.line if mark else 0, min(last + 1, len(lines)))
            if n not in in_text and lines[n].count('"') % 2 == 1
        ),
        None,
    )
    if unclosed is not None or "quoted scalar" in what:
        message = Words('引用符（"）が閉じていません。', 'a quote (") is opened on this line but never closed.')
        fix = Words("文の終わりにも同じ引用符を書いてください。", "Close the quote at the end of the text.")
        return Fault(shown_as, unclosed + 1 if unclosed is not None else line, "", message, fix)
    if "could not find expected ':'" in what and mark is not None:
        message = Words("「キー: 値」のコロン（:）がありません。", "the colon (:) after the key is missing.")
        fix = Words(
            "キーの後に「: 」（コロンと半角スペース）を書いてください。",
            "Write ': ' (a colon and a space) after the key.",
        )
        return Fault(shown_as, line, "", message, fix)
    if "mapping values are not allowed here" in what and problem is not None:
        # The parser reads "key value" without a colon as text and trips on the next line's colon: the fault
        # is usually the line before the one it names.
        previous = problem.line  # 0-based index of the line above
        while previous > 0 and not lines[previous - 1].strip():
            previous -= 1
        if previous > 0 and ":" not in lines[previous - 1]:
            message = Words("「キー: 値」のコロン（:）がありません。", "the colon (:) after the key is missing.")
            fix = Words(
                "キーの後に「: 」（コロンと半角スペース）を書いてください。",
                "Write ': ' (a colon and a space) after the key.",
            )
            return Fault(shown_as, previous, "", message, fix)
        here = lines[problem.line] if problem.line < len(lines) else ""
        above = lines[previous - 1] if previous > 0 else ""
        above_key = (
            len(above) - len(above.lstrip(" -"))
            if above.lstrip().startswith("- ")
            else len(above) - len(above.lstrip())
        )
        if above.rstrip() and not above.rstrip().endswith(":") and len(here) - len(here.lstrip()) > above_key:
            message = Words(
                "字下げが上の行とそろっていません。", "this line is indented further than the line above it."
            )
            fix = Words(
                "同じまとまりの項目は、上の行と同じ位置（半角スペースの数）から書き始めてください。",
                "Start it at the same column (the same number of spaces) as the other fields of its entry.",
            )
            return Fault(shown_as, problem.line + 1, "", message, fix)
        message = Words(
            "文の中に「: 」（コロンと半角スペース）があるため、YAML として読めません。",
            "a text holds ': ' (a colon and a space), which YAML reads as a new key.",
        )
        fix = Words('その文全体を引用符（"…"）で囲んでください。', "Put the whole text in quotes.")
        return Fault(shown_as, problem.line + 1, "", message, fix)
    noticed = (
        Words(f"（{problem.line + 1}行目で気づきました）", f" The parser noticed it at line {problem.line + 1}.")
        if problem is not None and mark is not problem and problem.line != mark.line
        else Words("", "")
    )
    message = Words(f"YAML として読めません。{noticed.ja}（{what}）", f"this is not valid YAML ({what}).{noticed.en}")
    return Fault(shown_as, line, "", message, _SYNTAX_FIX)
