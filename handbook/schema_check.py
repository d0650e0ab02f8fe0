"""Check each data file against its JSON Schema and say every fault in plain words."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from .errors import Fault, field_name
from .yaml_source import YamlDocument

_TYPE_WORDS = {"object": "a group of fields (key: value lines)", "array": "a list (lines starting with '- ')",
               "string": "a text", "number": "a number", "integer": "a whole number",
               "null": "empty", "boolean": "true or false"}


@lru_cache(maxsize=None)
def _registry(schema_dir: Path) -> Registry:
    resources = [(path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
                 for path in sorted(schema_dir.glob("*.schema.json"))]
    return Registry().with_resources(resources)


@lru_cache(maxsize=None)
def validator(schema_dir: Path, schema_name: str) -> Draft202012Validator:
    schema = json.loads((schema_dir / schema_name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=_registry(schema_dir))


def _type_words(expected) -> str:
    kinds = expected if isinstance(expected, list) else [expected]
    return " or ".join(_TYPE_WORDS.get(kind, kind) for kind in kinds)


def _describe(error) -> tuple[tuple, str, str]:
    """(path of the field at fault, what is wrong, how to fix it)"""
    path = tuple(error.absolute_path)
    keyword, value = error.validator, error.instance
    if keyword == "required":
        missing = [key for key in error.validator_value if not isinstance(value, dict) or key not in value]
        key = missing[0] if missing else "?"
        if key in ("ja", "en"):
            language = "Japanese" if key == "ja" else "English"
            return path + (key,), f"the {language} text is missing.", \
                f"Add a line '{key}: …' with the {language} wording next to the other language."
        return path + (key,), f"the required field '{key}' is missing.", f"Add '{key}:' here (see policy_data/README.md)."
    if keyword == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        key = extra[0] if extra else "?"
        return path + (key,), f"'{key}' is not a field that belongs here.", \
            f"Check the spelling and the indentation. Fields allowed here: {', '.join(allowed)}."
    if keyword == "type":
        return path, f"this should be {_type_words(error.validator_value)}, but it is {_type_words(_json_type(value))}.", \
            "Compare with a neighbouring entry of the same kind and copy its shape."
    if keyword == "pattern":
        if error.validator_value == "\\S":
            return path, "this text is empty.", "Write the text, or remove the whole entry if it should not be there."
        if "[0-9]{3}" in error.validator_value:
            return path, f"'{value}' is not an initiative number.", 'Write three digits in quotes, e.g. "007".'
        if "[0-9]{2}" in error.validator_value:
            return path, f"'{value}' is not a section number.", 'Write two digits in quotes, e.g. "08".'
        return path, f"'{value}' is not a valid id.", \
            "Use lowercase letters a–z, digits and hyphens only, e.g. 'psychological-safety'."
    if keyword == "enum":
        return path, f"'{value}' is not one of the allowed values.", \
            f"Use one of: {', '.join(map(str, error.validator_value))}."
    if keyword in ("minItems", "maxItems"):
        bound = "at least" if keyword == "minItems" else "at most"
        return path, f"this list has {len(value)} items; it must have {bound} {error.validator_value}.", \
            "Check that no entry was deleted, moved here from a neighbouring list, or pasted twice."
    if keyword == "minProperties":
        return path, "this entry is empty.", "Fill it in or remove it."
    if keyword == "anyOf" or keyword == "oneOf":
        return path, "this entry does not have the expected shape.", \
            "Compare with a neighbouring entry of the same kind and copy its shape."
    return path, error.message, "Compare with a neighbouring entry of the same kind."


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _leaves(error):
    """The most specific errors: for anyOf, the branch errors of the branch that got furthest."""
    if error.validator in ("anyOf", "oneOf") and error.context:
        deepest = max(len(e.absolute_path) for e in error.context)
        if deepest > len(error.absolute_path):
            for sub in error.context:
                if len(sub.absolute_path) == deepest:
                    yield from _leaves(sub)
            return
    yield error


def schema_faults(document: YamlDocument, schema_dir: Path, schema_name: str) -> list[Fault]:
    faults = []
    seen = set()
    for error in validator(schema_dir, schema_name).iter_errors(document.data):
        for leaf in _leaves(error):
            path, message, fix = _describe(leaf)
            if (path, message) in seen:
                continue
            seen.add((path, message))
            faults.append(Fault(document.file, document.line(path), field_name(path), message, fix))
    return sorted(faults, key=lambda f: (f.line or 0, f.field))
