"""The faults the cross-checks find, each placed at its file, line and field, and the two checks every
concern uses: ids unique within their list, and a value one of the known ids."""

from __future__ import annotations

from ...errors import Fault, Words, field_name
from ...yaml_source import YamlDocument

# What each kind of id names, in both languages (for fault messages).
_NAMES = {
    "orientation": Words("志向", "orientation"),
    "tier": Words("区分", "tier"),
    "post type": Words("職の種類", "post type"),
    "rank": Words("職位", "rank"),
    "competency table": Words("標準職務遂行能力の表", "competency table"),
    "table": Words("表", "table"),
    "talent": Words("人材", "talent"),
    "actor": Words("フロー図の枠", "actor"),
    "skill": Words("能力", "skill"),
    "key value": Words("キーワード", "key value"),
    "area": Words("観点", "area"),
    "theme": Words("テーマ", "theme"),
    "glossary": Words("用語", "glossary"),
    "initiative": Words("取組", "initiative"),
}


def _name(what: str) -> Words:
    """'rank' -> 職位/rank; 'rank id' -> 職位の id/rank id."""
    if what.endswith(" id"):
        base = _NAMES[what[: -len(" id")]]
        return Words(f"{base.ja}の id", f"{base.en} id")
    return _NAMES[what]


class Report:
    """The documents being checked (their data by file name in `data`) and the faults found so far."""

    def __init__(self, documents: dict[str, YamlDocument]):
        self.documents = documents
        self.data = {name: document.data for name, document in documents.items()}
        self.faults: list[Fault] = []

    def fault(self, name: str, path: tuple, message: Words, fix: Words) -> None:
        document = self.documents[name]
        self.faults.append(Fault(document.file, document.line(path), field_name(path), message, fix))

    def unique(self, name: str, entries: list, key: str, base: tuple, what: str) -> set:
        """The values of `key` in entries; a value used twice is a fault."""
        what = _name(what)
        seen: dict = {}
        for index, entry in enumerate(entries):
            value = entry.get(key)
            if value in seen:
                self.fault(
                    name,
                    base + (index, key),
                    Words(
                        f"{what.ja}「{value}」が2回使われています（1回目は {seen[value] + 1} 番目）。",
                        f"the {what.en} '{value}' is used twice (first at entry {seen[value] + 1}).",
                    ),
                    Words(f"{what.ja}はそれぞれ別の値にしてください。", f"Give each {what.en} its own value."),
                )
            else:
                seen[value] = index
        return set(seen)

    def reference(self, name: str, path: tuple, value, known: set, what: str, where: str) -> None:
        """`where` names the file (and list) where the known ids are defined, e.g. "ranks.yml: ranks"."""
        what = _name(what)
        if value not in known:
            choices = ", ".join(sorted(map(str, known)))
            self.fault(
                name,
                path,
                Words(f"「{value}」という{what.ja}はありません。", f"'{value}' is not a known {what.en}."),
                Words(
                    f"{where} にある{what.ja}の id のどれかを書いてください: {choices}",
                    f"Use one of the {what.en} ids defined in {where}: {choices}.",
                ),
            )
