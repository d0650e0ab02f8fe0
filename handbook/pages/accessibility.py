"""The accessibility statement (JIS X 8341-3), from the criteria and the test suite's results; linked from every
page's footer."""

from __future__ import annotations

from .. import addresses
from ..accessibility_statement import statement
from . import PageKind

KINDS = [
    PageKind(
        "accessibility",
        16,
        path=addresses.ACCESSIBILITY,
        in_nav=False,
        in_book=False,
        context=lambda r, s: {"statement": statement()},
        scripts=("tables",),
    )
]
