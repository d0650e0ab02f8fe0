"""A fault in the policy data, said in words a maintainer who is not a programmer can act on."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fault:
    file: str          # path relative to the repository root
    line: int | None   # 1-based; None when the fault is about the file as a whole
    field: str         # dotted path inside the file, e.g. ranks[2].roles[0].duties[1].en
    message: str       # what is wrong
    fix: str = ""      # how to put it right

    def __str__(self) -> str:
        where = f"{self.file}, line {self.line}" if self.line else self.file
        text = f"{where}, field '{self.field}': {self.message}" if self.field else f"{where}: {self.message}"
        return f"{text}\n    How to fix: {self.fix}" if self.fix else text


class PolicyDataError(Exception):
    """The data cannot be published: one or more faults."""

    def __init__(self, faults: list[Fault]):
        self.faults = faults
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.faults)
        head = f"The policy data has {count} problem{'s' if count != 1 else ''}; nothing was built."
        return "\n".join([head, *(f"- {fault}" for fault in self.faults)])


def field_name(path: tuple) -> str:
    """('ranks', 2, 'name', 'en') -> 'ranks[2].name.en'"""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
