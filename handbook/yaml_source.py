"""Read YAML keeping the line of every value, so a fault can name the line a maintainer must edit."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Fault, Words, field_name
from .numbers import WrittenNumber


@dataclass
class YamlDocument:
    file: str  # path as shown to maintainers
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)  # path -> 1-based line of its value

    def line(self, path: tuple) -> int | None:
        """The line of the value at path, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)


class _UniqueKeyLoader(yaml.SafeLoader):
    """SafeLoader that keeps a duplicate key as a fault instead of silently keeping the last one."""


# libyaml, PyYAML's C parser, builds the same nodes (same lines; tags resolved by the same Python resolver)
# about ten times faster. A file it cannot read is read again by the Python parser above, so that every
# fault keeps the Python parser's message and line.
_FastLoader = yaml.CSafeLoader if getattr(yaml, "__with_libyaml__", False) else None


# Limits no real data comes near (the largest file is ~50 KB, ~1,200 values, 9 levels deep, its longest text
# ~2,200 characters): past them a file is refused at once instead of hanging or exhausting memory.
MAX_FILE_BYTES = 256 * 1024
MAX_VALUES = 50_000  # values built, aliases counted each time they are used: stops "billion laughs"
MAX_DEPTH = 30
# The only tags the data may hold: the ones YAML gives plain values. Anything written with '!' or '!!'
# (e.g. !!python/object) is refused.
PLAIN_TAGS = {
    f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "map", "seq", "timestamp")
}


class _Refused(Exception):
    def __init__(self, line: int, message: Words, fix: Words):
        super().__init__(message.en)
        self.line, self.message, self.fix = line, message, fix


class _Builder:
    """Turns the parser's node graph into plain data, recording the line of every value and refusing
    what the policy data never needs (unknown tags, runaway aliases, deep nesting)."""

    def __init__(self, loader):
        self.loader = loader
        self.lines: dict[tuple, int] = {}
        self.duplicates: list = []
        self.count = 0

    def build(self, node, path: tuple = ()):
        line = node.start_mark.line + 1
        self.count += 1
        if self.count > MAX_VALUES:
            raise _Refused(
                line,
                Words(
                    f"このファイルは値が多すぎます（{MAX_VALUES:,} を超えています）。アンカー（&）と参照（*）の使い方がおかしい可能性があります。",
                    f"this file expands to more than {MAX_VALUES:,} values, usually through anchors (&) and aliases (*) "
                    "that refer to each other.",
                ),
                Words(
                    "参照（*名前）を使わず、文を直接書いてください。",
                    "Write the texts out instead of referring to them with '*name'.",
                ),
            )
        if len(path) > MAX_DEPTH:
            raise _Refused(
                line,
                Words(
                    f"入れ子が深すぎます（{MAX_DEPTH} 段を超えています）。",
                    f"this is nested more than {MAX_DEPTH} levels deep.",
                ),
                Words("隣の項目と同じ形に直してください。", "Compare with a neighbouring entry and copy its shape."),
            )
        if node.tag not in PLAIN_TAGS:
            raise _Refused(
                line,
                Words(
                    f"このデータでは使えない YAML のタグ（{node.tag}）が書かれています。",
                    f"this holds a YAML tag ({node.tag}) that the policy data does not use.",
                ),
                Words(
                    '「!」や「!!」で始まる書き込みを消してください。文にしたいときは引用符（"…"）で囲みます。',
                    "Delete the part starting with '!' or '!!'; to write it as text, put it in quotes.",
                ),
            )
        self.lines[path] = line
        if isinstance(node, yaml.MappingNode):
            self.loader.flatten_mapping(node)
            result = {}
            for key_node, value_node in node.value:
                key = self.loader.construct_object(key_node, deep=True)
                if key in result:
                    self.duplicates.append((path + (key,), key_node.start_mark.line + 1))
                result[key] = self.build(value_node, path + (key,))
                self.lines[path + (key,)] = key_node.start_mark.line + 1
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,)) for i, child in enumerate(node.value)]
        value = self.loader.construct_object(node, deep=True)
        if isinstance(value, float) and node.tag == "tag:yaml.org,2002:float":
            return WrittenNumber(value, node.value)  # 3.80 is shown as written, not as 3.8 (handbook/numbers.py)
        return value


def _fast_read(text: str):
    """(data, lines, duplicates) read with libyaml, or None when it is missing or finds the file wanting."""
    if _FastLoader is None:
        return None
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        builder = _Builder(loader)
        return builder.build(root), builder.lines, builder.duplicates
    except (yaml.YAMLError, _Refused, RecursionError):
        return None  # read again by the Python parser, which says what is wrong
    finally:
        loader.dispose()


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


def _syntax_fault(shown_as: str, text: str, error: yaml.MarkedYAMLError) -> Fault:
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


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDocument | None, list[Fault]]:
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [
            Fault(
                shown_as,
                None,
                "",
                Words(
                    f"ファイルが大きすぎます（{size:,} バイト。上限は {MAX_FILE_BYTES:,} バイト）。",
                    f"the file is too large ({size:,} bytes; at most {MAX_FILE_BYTES:,}).",
                ),
                Words(
                    "貼り付けすぎていないか確かめ、不要な部分を消してください。",
                    "Check for text pasted in by mistake and remove it.",
                ),
            )
        ]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [
            Fault(
                shown_as,
                None,
                "",
                Words("ファイルの文字コードが UTF-8 ではありません。", f"the file is not UTF-8 text ({error.reason})."),
                Words(
                    "文字コードを UTF-8 にして保存し直してください（VS Code では、画面右下の文字コード（「Shift JIS」など）"
                    "をクリックし、「エンコード付きで保存」→「UTF-8」）。",
                    "Save the file with UTF-8 encoding (in VS Code: click the encoding at the bottom right, e.g. "
                    "'Shift JIS', then 'Save with Encoding' → 'UTF-8').",
                ),
            )
        ]
    fast = _fast_read(text)
    if fast is not None:
        data, lines, duplicates = fast
        return _document(shown_as, data, lines, duplicates)
    try:
        loader = _UniqueKeyLoader(text)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        return None, [
            Fault(
                shown_as,
                line,
                "",
                Words(
                    f"YAML で使えない見えない文字（コード {error.character!r}）が入っています。コピーの際に紛れ込むことがあります。",
                    f"the file holds a character that YAML does not allow (code {error.character!r}), often pasted "
                    "in by accident.",
                ),
                Words(
                    "その行の見えない文字を消すか、行を打ち直してください。",
                    "Delete the invisible character on that line, or retype the line.",
                ),
            )
        ]
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [
                Fault(
                    shown_as,
                    1,
                    "",
                    Words("ファイルが空です。", "the file is empty."),
                    Words("main ブランチの内容に戻してください。", "Restore its content from the main branch."),
                )
            ]
        builder = _Builder(loader)
        data = builder.build(root)
    except yaml.MarkedYAMLError as error:
        return None, [_syntax_fault(shown_as, text, error)]
    except _Refused as refused:
        return None, [Fault(shown_as, refused.line, "", refused.message, refused.fix)]
    except RecursionError:
        return None, [
            Fault(
                shown_as,
                None,
                "",
                Words("入れ子が深すぎて読めません。", "this is nested too deeply to be read."),
                Words("隣の項目と同じ形に直してください。", "Compare with a neighbouring entry and copy its shape."),
            )
        ]
    finally:
        loader.dispose()
    return _document(shown_as, data, builder.lines, builder.duplicates)


def _document(shown_as: str, data, lines: dict, duplicates: list) -> tuple[YamlDocument, list[Fault]]:
    faults = [
        Fault(
            shown_as,
            line,
            field_name(dup),
            Words("同じ場所に同じキーが2回書かれています。", "this key appears twice in the same place."),
            Words("どちらか一方を残して、もう一方を消してください。", "Keep one of the two and delete the other."),
        )
        for dup, line in duplicates
    ]
    return YamlDocument(shown_as, data, lines), faults


def text_mappings(node, path: tuple = ()):
    """Every text mapping ({ja: …, en: …}) of a YAML tree read by read_yaml, with its path."""
    if isinstance(node, dict):
        if isinstance(node.get("ja"), str):
            yield path, node
            return
        for key, value in node.items():
            yield from text_mappings(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from text_mappings(value, path + (index,))
