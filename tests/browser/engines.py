"""The two accessibility rules engines vendored in tests/browser/vendor (its README says which versions, from
where), as the test server serves them beside the site's pages: the browser keeps them in its cache and compiles
each once, instead of being handed 1.2 MB of script text through the driver on every page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

VENDOR = Path(__file__).with_name("vendor")
ROUTE = "/__test-vendor__/"  # no page of the built site lives there
AXE, ACE = "axe.min.js", "ace.js"
# The axe rules every browser test runs: WCAG 2.0 and 2.1, levels A and AA (JIS X 8341-3:2016 is WCAG 2.0 AA).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def address(page_url: str, engine: str) -> str:
    """Where the server serves an engine, for a page of the same site."""
    return urljoin(page_url, ROUTE + engine)
