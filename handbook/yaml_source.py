"""Read YAML keeping the line of every value, so a fault can name the line a maintainer must edit."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import Fault


@dataclass
class YamlDocument:
    file: str                  # path as shown to maintainers
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)   # path -> 1-based line of its value

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


def _fast_read(text: str):
    """(data, lines, duplicates) read with libyaml, or None when it is missing or finds the file wanting."""
    if _FastLoader is None:
        return None
    loader = _FastLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return None
        lines: dict[tuple, int] = {}
        duplicates: list = []
        return _construct(root, (), lines, loader, duplicates), lines, duplicates
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()


def _construct(node, path: tuple, lines: dict, loader: yaml.SafeLoader, duplicates: list):
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                duplicates.append((path + (key,), key_node.start_mark.line + 1))
            result[key] = _construct(value_node, path + (key,), lines, loader, duplicates)
            lines[path + (key,)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_construct(child, path + (i,), lines, loader, duplicates) for i, child in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def read_yaml(path: Path, shown_as: str) -> tuple[YamlDocument | None, list[Fault]]:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        return None, [Fault(shown_as, None, "", f"the file is not UTF-8 text ({error.reason}).",
                            "Save the file with UTF-8 encoding.")]
    fast = _fast_read(text)
    if fast is not None:
        data, lines, duplicates = fast
        return _document(shown_as, data, lines, duplicates)
    try:
        loader = _UniqueKeyLoader(text)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        return None, [Fault(shown_as, line, "", f"the file holds a character that YAML does not allow "
                            f"(code {error.character!r}), often pasted in by accident.",
                            "Delete the invisible character on that line, or retype the line.")]
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [Fault(shown_as, 1, "", "the file is empty.", "Restore its content from the main branch.")]
        lines: dict[tuple, int] = {}
        duplicates: list = []
        data = _construct(root, (), lines, loader, duplicates)
    except yaml.MarkedYAMLError as error:
        # The context mark is where the broken construct starts (e.g. an unclosed quote or bracket); the
        # problem mark is where the parser gave up, which can be lines later. Name the start first.
        start, problem = error.context_mark, error.problem_mark
        mark = start if start is not None and (problem is None or start.line <= problem.line) else problem
        noticed = (f" The parser noticed it at line {problem.line + 1}."
                   if problem is not None and mark is not problem and problem.line != mark.line else "")
        what = " ".join(filter(None, [error.context, error.problem]))
        return None, [Fault(shown_as, mark.line + 1 if mark else None, "",
                            f"this is not valid YAML ({what}).{noticed}",
                            "Check the indentation (spaces, not tabs, lined up with the lines above), "
                            "that every 'key: value' has a space after the colon, that quotes and brackets "
                            "are closed, and that text holding ': ' or starting with a special character is in quotes.")]
    finally:
        loader.dispose()
    return _document(shown_as, data, lines, duplicates)


def _document(shown_as: str, data, lines: dict, duplicates: list) -> tuple[YamlDocument, list[Fault]]:
    from .errors import field_name
    faults = [Fault(shown_as, line, field_name(dup), "this key appears twice in the same place.",
                    "Keep one of the two and delete the other.") for dup, line in duplicates]
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
