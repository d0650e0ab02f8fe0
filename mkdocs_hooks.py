"""MkDocs lifecycle adapter: validate the data before anything is written, write one stub per generated
page, set the navigation from the data, and replace the previous site only once the new one is complete.

Everything policy-specific lives in the handbook package; this file only connects it to MkDocs.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from handbook.book import copy_books
from handbook.errors import PolicyDataError
from handbook.exports import write_downloads
from handbook.history import site_history, write_feeds
from handbook.load import load_policy
from handbook.model import LANGUAGES
from handbook.render import print_running_header
from handbook.search_index import write_search_index
from handbook.site import heading_link_title, mkdocs_nav, not_found_page, theme_words
from handbook.stubs import write_stubs
from handbook.typography import PhraseBreaker, mark_other_language, policy_terms

log = logging.getLogger("mkdocs.plugins.handbook")
# A build says what it built and what is wrong, nothing more: the plugins' progress notes (mkdocs-macros
# lists its functions and variables at every build, static-i18n its languages) would hide real warnings.
for _chatty in ("mkdocs.plugins.mkdocs_macros", "mkdocs.plugins.mkdocs_static_i18n"):
    logging.getLogger(_chatty).setLevel(logging.WARNING)
_state: dict = {"depth": 0, "final_dir": None}


def _policy(config):
    """The project's data: policy_data/ beside mkdocs.yml (the package may be installed from elsewhere)."""
    return load_policy(Path(config.config_file_path).parent / "policy_data")


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return (i18n.current_language if i18n and i18n.current_language else None) or config["theme"]["language"]


def _is_serve_dir(site_dir: str) -> bool:
    """`mkdocs serve` and the handbook's preview (scripts/preview.py) build in place: nothing to keep safe."""
    path = Path(site_dir)
    in_place = path.parent == Path(tempfile.gettempdir()) and path.name.startswith("mkdocs_")
    return in_place or bool(os.environ.get("HANDBOOK_PREVIEW"))


@event_priority(100)  # before every plugin: bad data must stop the build before any of them acts
def on_config(config):
    try:
        policy = _policy(config)
    except PolicyDataError as error:
        raise Abort(str(error)) from None
    try:
        write_stubs(policy, Path(config["docs_dir"]))
    except FileExistsError as error:
        raise Abort(str(error)) from None
    language = _language(config)
    config["nav"] = mkdocs_nav(policy, language)
    words = theme_words(policy, language)
    config["site_description"] = words["description"]
    config["mdx_configs"].setdefault("toc", {})["permalink_title"] = heading_link_title(language)
    config["extra"]["handbook"] = words  # read by overrides/partials (copyright, handbook-search)
    _state["depth"] += 1
    if _state["depth"] == 1 and not _is_serve_dir(config["site_dir"]):
        # Build into a sibling folder; the finished site replaces the old one in on_post_build.
        final = Path(config["site_dir"]).resolve()
        staging = final.with_name(final.name + ".building")
        shutil.rmtree(staging, ignore_errors=True)
        _state["final_dir"] = final
        config["site_dir"] = str(staging)
    return config


@event_priority(-1000)  # after static-i18n has built the other languages inside its own on_post_build
def on_post_build(config):
    _state["depth"] -= 1
    if _state["depth"] > 0:
        return
    policy = _policy(config)
    write_downloads(policy, Path(config["site_dir"]))
    copy_books(Path(config["site_dir"]))  # the PDFs the pages link, when HANDBOOK_PDF_DIR names them
    history = site_history(Path(config.config_file_path).parent)  # read once per HEAD, shared with macros.py
    if write_feeds(history, policy, Path(config["site_dir"])):
        log.info("What changed: %d entries, an Atom feed per language (changes.xml)", len(history.entries))
    else:
        log.info("What changed: the history is not available (%s); the page says so", history.reason)
    if os.environ.get("HANDBOOK_PREVIEW") == "quick":
        log.info("Preview: the search index is brought up to date by the next full build")
    else:
        pages = write_search_index(policy, Path(config["site_dir"]))
        log.info("Search index written for %d pages (both languages)", pages)
    if _state["final_dir"] is None:
        return
    final, staging = _state["final_dir"], Path(config["site_dir"])
    old = final.with_name(final.name + ".previous")
    shutil.rmtree(old, ignore_errors=True)
    if final.exists():
        final.rename(old)
    staging.rename(final)
    shutil.rmtree(old, ignore_errors=True)
    config["site_dir"] = str(final)
    _state["final_dir"] = None


def on_build_error(error, **kwargs):
    if _state["final_dir"] is not None:
        log.error("The build failed; the previous site in %s is left as it was.", _state["final_dir"])
    _state.update(depth=0, final_dir=None)


def on_template_context(context, template_name, config):
    """The 404 page speaks both languages and is no page's twin: no language links."""
    if template_name == "404.html":
        context["not_found"] = not_found_page()
        _state["alternate"] = getattr(config.extra, "alternate", None)
        config.extra.alternate = []
    return context


def on_post_template(output_content, template_name, config):
    if template_name != "404.html":
        return output_content
    config.extra.alternate = _state.pop("alternate", None)
    # Each language build writes the site's one 404.html; the default language's (lang="ja") is kept.
    if _language(config) == LANGUAGES[0]:
        _state["404"] = _finish(output_content, config)
    return _state.get("404", output_content)


# Material's script fetches a sitemap.xml beside every <link rel="alternate"> of a page's head, and
# static-i18n points those links at the page's own twins, so every page view asked for two sitemaps that do
# not exist (squidfunk/mkdocs-material#6582). The language menu in the header does not need them.
_HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


# Material markup that the base template writes outside any block an override could replace:
# - the drawer's overlay is a <label> for a hidden checkbox with no text (a label of nothing to WCAG checkers);
#   it becomes a plain element, closed by overrides/assets/theme.js;
# - autocomplete="off" is not allowed on a checkbox;
# - icons (inline SVG, 24×24) inside buttons and links are decoration: their control is named by its text or
#   aria-label, so they are hidden from assistive technology.
_THEME_FIXES = [
    (
        re.compile(r'<label class="md-overlay" for="__drawer"></label>'),
        '<div class="md-overlay" aria-hidden="true"></div>',
    ),
    (re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"'), r"\1"),
    (
        re.compile(r'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'),
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">',
    ),
]


def _finish(output: str, config) -> str:
    """Drop the head's language links (see above), mend the theme's markup, mark text in the other language,
    and mark the phrase boundaries of Japanese text: for every page and the 404 page."""
    for pattern, replacement in _THEME_FIXES:
        output = pattern.sub(replacement, output)
    policy = _policy(config)
    if _state.get("breaker_for") is not policy:
        _state["breaker"], _state["breaker_for"] = PhraseBreaker(policy_terms(policy)), policy
    output = mark_other_language(_HEAD_ALTERNATE.sub("", output), _language(config))
    return _state["breaker"].break_html(output)


def on_post_page(output, page, config):
    return _finish(output, config)


@event_priority(0)  # after static-i18n (50), which leaves the home pages' language links root-absolute
def on_page_context(context, page, config, nav):
    """Make the language links of the home pages site-relative like every other page's, so the handbook
    also works from a sub-folder (an intranet path, a GitHub Pages project site); give the theme the
    printed running header of the page (overrides/main.html)."""
    # static-i18n sets the list as an attribute of config.extra, which is what Material's templates read
    for alternate in getattr(config.extra, "alternate", None) or []:
        if alternate["link"].startswith("/"):
            alternate["link"] = alternate["link"].lstrip("/")
    context["print_running_header"] = print_running_header(page.title or "", config["site_name"], _language(config))
    return context
