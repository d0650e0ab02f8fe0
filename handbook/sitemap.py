"""The sitemap: sitemap.xml at the site root, written by mkdocs-static-i18n's template from the site's address
(mkdocs.yml site_url), with each page's twin in the other language.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from .model import LANGUAGES
from .site import url_prefix

SITEMAP = "sitemap.xml"


def finish_sitemaps(site_dir: Path, site_url: str | None) -> list[Path]:
    """Without the site's address, remove the sitemap (and MkDocs' .gz copy): the template would write "None"
    before every address, and a sitemap's addresses must be absolute (sitemaps.org). Nothing on the site needs
    it: the theme reads it only for instant navigation, which is off.

    With the address, give each other language's folder a sitemap.xml too, an index of the site's sitemap: the
    theme's script fetches a sitemap.xml beside every <link rel="alternate"> of a page's head, the feed link
    included (overrides/main.html), and every English page would otherwise ask for a missing en/sitemap.xml.
    Returns the sitemaps the site has."""
    site_dir = Path(site_dir)
    if not site_url:
        for name in (SITEMAP, SITEMAP + ".gz"):
            (site_dir / name).unlink(missing_ok=True)
        return []
    written = [site_dir / SITEMAP]
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        f"  <sitemap><loc>{escape(site_url + SITEMAP)}</loc></sitemap>\n"
        "</sitemapindex>\n"
    )
    for language in LANGUAGES[1:]:
        target = site_dir / url_prefix(language) / SITEMAP
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(index, encoding="utf-8")
        written.append(target)
    return written
