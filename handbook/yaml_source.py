"""Read YAML keeping the line of every value, so a fault can name the line a maintainer must edit."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Fault, Words, field_name
from .numbers import WrittenNumber
from .yaml_faults import syntax_fault


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
        return None, [syntax_fault(shown_as, text, error)]
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
