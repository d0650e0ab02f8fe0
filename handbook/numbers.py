"""Figures shown as the policy prints them: a number keeps the decimals the data writes it with (3.80, not 3.8;
94.0, not 94), so the page shows what the source prints and what the maintainer typed."""

from __future__ import annotations

import re

_DECIMALS = re.compile(r"[-+]?[0-9_]*\.([0-9]+)")


class WrittenNumber(float):
    """A number with a fractional part, and how the data writes it (handbook.yaml_source makes one of every such
    number it reads)."""

    written: str

    def __new__(cls, value: float, written: str) -> WrittenNumber:
        number = super().__new__(cls, value)
        number.written = written.strip()
        return number

    def __reduce__(self):
        return (WrittenNumber, (float(self), self.written))

    @property
    def decimals(self) -> int | None:
        """How many decimals it is written with; None for another notation (1.0e+3)."""
        match = _DECIMALS.fullmatch(self.written)
        return len(match.group(1)) if match else None


def format_number(value) -> str:
    """A figure's number with thousands separators and the decimals it is written with."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    decimals = getattr(value, "decimals", None)
    if decimals is None:  # made in code, not read from the data: as Python writes it, with at least one decimal
        decimals = max(1, len(repr(float(value)).partition(".")[2]))
    return f"{value:,.{decimals}f}"
