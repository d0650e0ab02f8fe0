"""Pages of the policy's prose, one page each: their templates need only the model."""

from __future__ import annotations

from .. import addresses
from . import PageKind

KINDS = [
    # not in the book: its cover and contents take the home page's place
    PageKind("home", 1, path=addresses.HOME, in_book=False, scripts=("tables",)),
    PageKind("message", 2, path=addresses.MESSAGE),
    PageKind("about", 3, path=addresses.ABOUT, scripts=("tables",)),
    PageKind("staff_image", 4, path=addresses.STAFF_IMAGE),
    PageKind("role_flow", 9, path=addresses.ROLE_FLOW, scripts=("tables",)),
    PageKind("development_plans", 13, path=addresses.DEVELOPMENT_PLANS, scripts=("tables",)),
]
