"""A fault in the policy data, said in words a maintainer who is not a programmer can act on.

The maintainers are the city's HR staff: every fault is said in Japanese first, then in English, each with
where it is (file, line, field), what is wrong and what to write instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Words:
    """One sentence in both languages."""

    ja: str
    en: str


@dataclass(frozen=True)
class Fault:
    file: str  # path relative to the repository root
    line: int | None  # 1-based; None when the fault is about the file as a whole
    field: str  # dotted path inside the file, e.g. ranks[2].roles[0].duties[1].en
    message: Words  # what is wrong
    fix: Words | None = None  # how to put it right

    def where(self, language: str) -> str:
        if language == "ja":
            place = f"{self.file} {self.line}行目" if self.line else self.file
            return f"{place} 項目 '{self.field}'" if self.field else place
        place = f"{self.file}, line {self.line}" if self.line else self.file
        return f"{place}, field '{self.field}'" if self.field else place

    def said_in(self, language: str) -> str:
        message = getattr(self.message, language)
        text = f"{self.where(language)}{'：' if language == 'ja' else ': '}{message}"
        if self.fix:
            text += f"\n    {'直し方：' if language == 'ja' else 'How to fix: '}{getattr(self.fix, language)}"
        return text

    def __str__(self) -> str:
        return f"{self.said_in('ja')}\n    {self.said_in('en')}".replace("\n    How to fix", "\n      How to fix")


class PolicyDataError(Exception):
    """The data cannot be published: one or more faults."""

    def __init__(self, faults: list[Fault]):
        self.faults = faults
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.faults)
        head = Words(
            f"データに {count} 件の問題があるため、サイトは作られていません。",
            f"The policy data has {count} problem{'s' if count != 1 else ''}; nothing was built.",
        )
        return fault_list(head, self.faults)


def fault_list(head: Words, faults: list[Fault]) -> str:
    """A heading, then every fault: what a maintainer reads in the terminal and in the pull request's check."""
    return "\n".join([f"{head.ja} / {head.en}", *(f"- {fault}" for fault in faults)])


def field_name(path: tuple) -> str:
    """('ranks', 2, 'name', 'en') -> 'ranks[2].name.en'"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
