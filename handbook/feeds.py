"""The Atom feeds of the changes (RFC 4287), one per language (changes.xml in the language's folder), and what
lets people find and read them: the link in every page's head (mkdocs_hooks.py, overrides/main.html) and the
stylesheet a browser shows a feed with (feed.css beside it).

A feed is written only when feeds_published (handbook/history.py): every address in it is absolute, made from
the site's address (mkdocs.yml site_url), because feed readers show the entries away from the feed.

A browser that opens a feed shows it through CSS, not XSLT: browsers are removing XSLT, and Chromium 156 (Edge
with it) already covers a page made by XSLT with a red warning that tells the reader to contact the site.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from . import addresses
from .history import CHANGES_PAGE, FEED_FILE, TIME_ZONE, History, feeds_published
from .model import LANGUAGES, Policy
from .pages import kind_of
from .render import css_string
from .site import page_specs, url_prefix
from .ui import label, separators

# Feed and entry ids are tag: URIs (RFC 4151), the same wherever the site is served; each language's feed has its
# own ids, so a reader subscribed to both keeps the Japanese and the English entry of a change apart.
FEED_ID = "tag:city.kumamoto.jp,2024:staff-handbook/changes"
FEED_STYLE = "feed.css"


def feed_title(policy: Policy, language: str) -> str:
    words = {"title": policy.meta.title[language], "revision": policy.meta.revision[language]}
    return label("feed_title")[language].format(**words)


def page_address(site_url: str, language: str, page: str) -> str:
    """The absolute address of a page (its source path, e.g. 'ranks/chief.md') in a language."""
    return site_url + url_prefix(language) + addresses.url(page)


def _rfc3339(date: datetime) -> str:
    return date.isoformat(timespec="seconds")


def atom_feed(history: History, policy: Policy, language: str, site_url: str, limit: int = 50) -> str:
    """The entries as an Atom feed for the language's changes.xml: absolute links, ids as tag: URIs."""
    titles = {spec.path: spec.title[language] for spec in page_specs(policy) if not kind_of(spec).derived}
    changes_url = page_address(site_url, language, CHANGES_PAGE)
    entries = history.entries[:limit]
    updated = entries[0].date if entries else datetime(2024, 9, 1, tzinfo=TIME_ZONE)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        # the browser's page, not the reader's: beside the feed wherever the copy is served (same origin)
        f'<?xml-stylesheet type="text/css" href="{FEED_STYLE}"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{language}">',
        f"<id>{FEED_ID}/{language}</id>",
        f"<title>{escape(feed_title(policy, language))}</title>",
        f"<updated>{_rfc3339(updated)}</updated>",
        f"<author><name>{escape(label('site_name')[language])}</name></author>",
        f'<link rel="self" type="application/atom+xml" href={quoteattr(site_url + url_prefix(language) + FEED_FILE)}/>',
        f'<link rel="alternate" type="text/html" href={quoteattr(changes_url)}/>',
    ]
    for entry in entries:
        # the English title on the English feed, when the pull request gave one
        title = label("change_initial")[language] if entry.initial else entry.title_in(language)
        parts = []
        if entry.initial:
            parts.append(label("change_initial_text")[language])
        else:
            colon = separators(language)["colon"]
            parts += [
                label(f"change_entity_{c.kind}")[language].format(what=label(f"entity_{c.what}")[language])
                + colon
                + escape(c.name[language])
                for c in entry.entities
            ]
            for kind in ("changed", "translation", "added", "removed"):
                number = sum(1 for c in entry.texts if c.kind == kind)
                if number:
                    parts.append(f"{label(f'change_{kind}')[language]}{colon}{number}")
            if not entry.texts and not entry.entities:
                parts.append(label("change_none_shown")[language])
        content = "".join(f"<p>{part}</p>" for part in parts)
        pages = [page for page in titles if page in entry.pages]
        if pages:
            links = "".join(
                f"<li><a href={quoteattr(page_address(site_url, language, page))}>{escape(titles[page])}</a></li>"
                for page in pages
            )
            content += f"<p>{escape(label('changes_pages')[language])}</p><ul>{links}</ul>"
        out += [
            "<entry>",
            f"<id>{FEED_ID}/{language}/{entry.sha}</id>",
            f"<title>{escape(title)}</title>",
            f"<updated>{_rfc3339(entry.date)}</updated>",
            f'<link rel="alternate" type="text/html" href={quoteattr(changes_url + "#" + entry.anchor)}/>',
            f'<content type="html">{escape(content)}</content>',
            "</entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def feed_stylesheet(language: str) -> str:
    """feed.css: the feed as a plain page in a browser (what it is, its address to copy into Outlook, the latest
    changes). CSS cannot make links of the feed's addresses; it shows them as text. The words are CSS strings."""

    def words(key: str, then: str = "") -> str:
        return css_string(label(key)[language] + then)

    colon = separators(language)["colon"]

    return f"""/* How a browser shows {FEED_FILE} (made by handbook/feeds.py); feed readers do not read it. */
feed {{
  display: block; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; background: #fff;
  font: 1rem/1.7 "BIZ UDPGothic", "Yu Gothic UI", "Yu Gothic", YuGothic, Meiryo, "Hiragino Sans",
    "Noto Sans CJK JP", sans-serif;
}}
feed > *, entry > * {{ display: none; }}
feed > title {{ display: block; font-size: 1.5rem; font-weight: bold; line-height: 1.4; color: #1f4e79; }}
feed > title::after {{ display: block; margin-top: 1rem; font-size: 1rem; font-weight: normal; color: #1d2733;
  content: {words("feed_page_what")}; }}
feed > link {{ display: block; margin: 1rem 0; overflow-wrap: anywhere; }}
feed > link::after {{ content: attr(href); font-family: "BIZ UDGothic", Consolas, monospace; }}
feed > link[rel="self"] {{ padding: .5rem .75rem; border: 1px solid #c9d3de; background: #f3f6f9; }}
feed > link[rel="self"]::before {{ content: {words("feed_page_address", colon)}; font-weight: bold; }}
feed > link[rel="alternate"]::before {{ content: {words("feed_page_changes", colon)}; }}
feed > entry {{ display: block; padding: .4rem 0; border-bottom: 1px solid #c9d3de; }}
feed > entry:first-of-type::before {{ display: block; margin: 2rem 0 .5rem; font-size: 1.2rem; font-weight: bold;
  content: {words("feed_page_recent")}; }}
entry > title {{ display: inline; }}
/* the day of the RFC 3339 date: its first ten characters in a monospaced font */
entry > updated {{ display: inline-block; width: 10ch; overflow: hidden; white-space: nowrap; vertical-align: top;
  margin-right: 1em; color: #4a5561; font-family: "BIZ UDGothic", Consolas, monospace; }}
"""


def write_feeds(history: History, policy: Policy, site_dir: Path, site_url: str | None) -> list[Path]:
    """changes.xml and its feed.css in each language's folder; nothing without feeds_published (the changes page
    then offers no feed)."""
    if not feeds_published(history, site_url):
        return []
    written = []
    for language in LANGUAGES:
        folder = Path(site_dir) / url_prefix(language)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / FEED_FILE).write_text(atom_feed(history, policy, language, site_url), encoding="utf-8")
        (folder / FEED_STYLE).write_text(feed_stylesheet(language), encoding="utf-8")
        written.append(folder / FEED_FILE)
    return written
