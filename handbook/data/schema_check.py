"""Check each data file against its JSON Schema and say every fault in plain words."""

from __future__ import annotations

import datetime
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from ..errors import Fault, Words, field_name
from ..yaml_source import YamlDocument

_TYPE_WORDS = {
    "object": Words("「キー: 値」の行のまとまり", "a group of fields (key: value lines)"),
    "array": Words("リスト（「- 」で始まる行）", "a list (lines starting with '- ')"),
    "string": Words("文", "a text"),
    "number": Words("数", "a number"),
    "integer": Words("整数", "a whole number"),
    "null": Words("空", "empty"),
    "boolean": Words("真偽値（true／false）", "true or false"),
    "date": Words("日付", "a date"),
}
_COPY_SHAPE = Words(
    "同じ種類の隣の項目と見比べて、同じ形に直してください。",
    "Compare with a neighbouring entry of the same kind and copy its shape.",
)
_FULL_WIDTH_DIGITS = "０１２３４５６７８９"
# The patterns of common.schema.json and meta.schema.json that a value written with digits must match: what such a
# value is, and how to write it.
_NUMBERED = {
    "^[0-9]{3}$": (
        Words("取組の番号", "an initiative number"),
        Words('3桁の数字を引用符で囲んで書いてください（例: "007"）。', 'Write three digits in quotes, e.g. "007".'),
    ),
    "^[0-9]{2}$": (
        Words("章の番号", "a section number"),
        Words('2桁の数字を引用符で囲んで書いてください（例: "08"）。', 'Write two digits in quotes, e.g. "08".'),
    ),
    "^([0-9]{2}(-[0-9])?|[0-9]{3})$": (
        Words("章の番号か取組の番号", "a section or an initiative number"),
        Words(
            '章の番号（例: "08"）か取組の番号（例: "006"）を引用符で囲んで書いてください。',
            'Write the section number (e.g. "08") or the initiative number (e.g. "006") in quotes.',
        ),
    ),
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": (
        Words("「年-月-日」の形の日付", "a date written year-month-day"),
        Words(
            '西暦の年（4桁）・月（2桁）・日（2桁）をハイフンでつなぎ、引用符で囲んで書いてください（例: "2026-11-29"）。'
            "和暦や「/」は使えません。",
            "Write the year (four digits), month and day (two digits each) joined by hyphens, in quotes, e.g. "
            '"2026-11-29" (no era years, no slashes).',
        ),
    ),
}


@cache
def _registry(schema_dir: Path) -> Registry:
    resources = [
        (path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8"))))
        for path in sorted(schema_dir.glob("*.schema.json"))
    ]
    return Registry().with_resources(resources)


@cache
def validator(schema_dir: Path, schema_name: str) -> Draft202012Validator:
    schema = json.loads((schema_dir / schema_name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, registry=_registry(schema_dir))


def _type_words(expected) -> Words:
    kinds = expected if isinstance(expected, list) else [expected]
    words = [_TYPE_WORDS.get(kind, Words(kind, kind)) for kind in kinds]
    return Words("か".join(w.ja for w in words), " or ".join(w.en for w in words))


def _wrong_type(value, expected) -> tuple[Words, Words]:
    """What is wrong and what to write, for a value of the wrong kind; says the likely cause in words."""
    want, got = _type_words(expected), _type_words(_json_type(value))
    message = Words(
        f"ここには{want.ja}を書きますが、{got.ja}になっています。", f"this should be {want.en}, but it is {got.en}."
    )
    wanted = expected if isinstance(expected, list) else [expected]
    if "string" in wanted and isinstance(value, bool):
        return message, Words(
            'Yes・No・On・Off などは YAML では true/false と読まれます。文として書くときは引用符で囲んでください（例: "No"）。',
            'YAML reads Yes, No, On and Off as true or false: put the text in quotes (e.g. "No").',
        )
    if "string" in wanted and isinstance(value, (datetime.date, datetime.datetime)):
        return message, Words(
            '日付のように見える値は YAML では日付として読まれます。文として書くときは引用符で囲んでください（例: "2031-03-31"）。',
            'YAML reads a value shaped like a date as a date: put it in quotes (e.g. "2031-03-31").',
        )
    if "string" in wanted and isinstance(value, (int, float)):
        return message, Words('引用符で囲んでください（例: "036"）。', 'Put it in quotes (e.g. "036").')
    if "number" in wanted and isinstance(value, str) and any(c in _FULL_WIDTH_DIGITS for c in value):
        return message, Words(
            "全角の数字が使われています。半角の数字で、引用符なしで書いてください（例: 95.0）。",
            "It is written with full-width digits: use half-width digits, without quotes (e.g. 95.0).",
        )
    if "number" in wanted and isinstance(value, str):
        return message, Words(
            "数は引用符で囲まずに書いてください（例: 95.0）。", "Write the number without quotes (e.g. 95.0)."
        )
    return message, _COPY_SHAPE


def _describe(error, schema_name: str) -> tuple[tuple, Words, Words]:
    """(path of the field at fault, what is wrong, how to fix it)"""
    path = tuple(error.absolute_path)
    keyword, value = error.validator, error.instance
    if keyword == "required":
        missing = [key for key in error.validator_value if not isinstance(value, dict) or key not in value]
        key = missing[0] if missing else "?"
        if key in ("ja", "en"):
            ja_name, en_name = ("日本語", "Japanese") if key == "ja" else ("英語", "English")
            return (
                path + (key,),
                Words(f"{ja_name}の文がありません。", f"the {en_name} text is missing."),
                Words(
                    f"もう一方の言語の隣に「{key}: …」の行で{ja_name}の文を書いてください。",
                    f"Add a line '{key}: …' with the {en_name} wording next to the other language.",
                ),
            )
        return (
            path + (key,),
            Words(f"必ず書く項目「{key}」がありません。", f"the required field '{key}' is missing."),
            Words(
                f"ここに「{key}:」を書いてください（policy_data/README.md 参照）。",
                f"Add '{key}:' here (see policy_data/README.md).",
            ),
        )
    if keyword == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(value) - set(allowed)) if isinstance(value, dict) else []
        key = extra[0] if extra else "?"
        return (
            path + (key,),
            Words(f"「{key}」はここに書ける項目ではありません。", f"'{key}' is not a field that belongs here."),
            Words(
                f"つづりと字下げを確かめてください。ここに書ける項目: {', '.join(allowed)}",
                f"Check the spelling and the indentation. Fields allowed here: {', '.join(allowed)}.",
            ),
        )
    if keyword == "type":
        message, fix = _wrong_type(value, error.validator_value)
        return path, message, fix
    if keyword == "pattern":
        full_width = isinstance(value, str) and any(c in _FULL_WIDTH_DIGITS for c in value)
        width_hint = Words(
            "全角の数字は使えません。半角で書いてください。",
            "Full-width digits are not allowed: use half-width digits.",
        )
        if error.validator_value == "\\S":
            return (
                path,
                Words("文が空です。", "this text is empty."),
                Words(
                    "文を書くか、要らなければ項目ごと消してください。",
                    "Write the text, or remove the whole entry if it should not be there.",
                ),
            )
        if error.validator_value in _NUMBERED:
            what, fix = _NUMBERED[error.validator_value]
            return (
                path,
                Words(f"「{value}」は{what.ja}になっていません。", f"'{value}' is not {what.en}."),
                (width_hint if full_width else fix),
            )
        return (
            path,
            Words(f"「{value}」は id として使えません。", f"'{value}' is not a valid id."),
            Words(
                "半角の英小文字 a–z・数字・ハイフンだけで書いてください（例: psychological-safety）。",
                "Use lowercase letters a–z, digits and hyphens only, e.g. 'psychological-safety'.",
            ),
        )
    if keyword == "enum":
        allowed = ", ".join(map(str, error.validator_value))
        return (
            path,
            Words(f"「{value}」は書ける値ではありません。", f"'{value}' is not one of the allowed values."),
            Words(f"次のどれかを書いてください: {allowed}", f"Use one of: {allowed}."),
        )
    if keyword in ("minItems", "maxItems"):
        bound_ja, bound_en = ("以上", "at least") if keyword == "minItems" else ("以下", "at most")
        fix = Words(
            "消えた項目、隣のリストから紛れ込んだ項目、二重に貼り付けた項目がないか確かめてください。",
            "Check that no entry was deleted, moved here from a neighbouring list, or pasted twice.",
        )
        if error.validator_value > 1:  # a count of the policy's structure, not just "not empty"
            fix = Words(
                f"{fix.ja}改定された方針でこの数そのものが変わったのなら、データの誤りではありません。"
                f"開発担当に依頼してください（スキーマ {schema_name} とページの作りを変えます）。",
                f"{fix.en} If the revised policy itself changed this number, the data is not wrong: ask the "
                f"developers (the schema {schema_name} and the pages change with it).",
            )
        return (
            path,
            Words(
                f"このリストは {len(value)} 件ですが、{error.validator_value} 件{bound_ja}必要です。",
                f"this list has {len(value)} items; it must have {bound_en} {error.validator_value}.",
            ),
            fix,
        )
    if keyword == "maxLength":
        return (
            path,
            Words(
                f"文が長すぎます（{len(value):,} 文字。上限は {error.validator_value:,} 文字）。",
                f"this text is too long ({len(value):,} characters; at most {error.validator_value:,}).",
            ),
            Words("貼り付けすぎていないか確かめてください。", "Check for text pasted in by mistake."),
        )
    if keyword == "minProperties":
        return (
            path,
            Words("この項目は空です。", "this entry is empty."),
            Words("中身を書くか、項目ごと消してください。", "Fill it in or remove it."),
        )
    if keyword in ("anyOf", "oneOf"):
        return path, Words("この項目の形が違います。", "this entry does not have the expected shape."), _COPY_SHAPE
    return path, Words(error.message, error.message), _COPY_SHAPE


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return "date"
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
            path, message, fix = _describe(leaf, schema_name)
            if (path, message.en) in seen:
                continue
            seen.add((path, message.en))
            faults.append(Fault(document.file, document.line(path), field_name(path), message, fix))
    return sorted(faults, key=lambda f: (f.line or 0, f.field))
