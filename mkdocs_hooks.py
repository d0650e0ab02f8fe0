"""MkDocs adapter: runs the handbook's build steps (handbook.build) at MkDocs' events. No work is done here.

validate + navigation + theme words (on_config) → pages (macros.py) → finish each page (on_post_page) →
outputs and the swap of site/ (on_post_build). mkdocs-static-i18n builds the English pages inside the
Japanese build's on_post_build, so on_config and on_post_build nest: the outer build starts and ends the work.
"""

from __future__ import annotations

import logging
import os
import tempfile
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from handbook import addresses
from handbook.build import SiteSwap, abandon, current, start, theme_settings, write_outputs
from handbook.errors import PolicyDataError
from handbook.stubs import write_stubs

log = logging.getLogger("mkdocs.plugins.handbook")
# A build says what it built and what is wrong, nothing more: the plugins' progress notes (mkdocs-macros
# lists its functions and variables at every build, static-i18n its languages) would hide real warnings.
for _chatty in ("mkdocs.plugins.mkdocs_macros", "mkdocs.plugins.mkdocs_static_i18n"):
    logging.getLogger(_chatty).setLevel(logging.WARNING)
_depth = 0
_swap: SiteSwap | None = None
_site: Path | None = None  # the folder the whole site is written to (the English build writes into its en/)


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return (i18n.current_language if i18n and i18n.current_language else None) or config["theme"]["language"]


def _in_place(site_dir: Path) -> bool:
    """`mkdocs serve` and the handbook's preview (scripts/preview.py) build in place: nothing to keep safe."""
    serve = site_dir.parent == Path(tempfile.gettempdir()) and site_dir.name.startswith("mkdocs_")
    return serve or bool(os.environ.get("HANDBOOK_PREVIEW"))


@event_priority(100)  # before every plugin: bad data must stop the build before any of them acts
def on_config(config):
    global _depth, _swap, _site
    try:
        search = os.environ.get("HANDBOOK_PREVIEW") != "quick"  # the preview indexes after its quick builds
        build = start(Path(config.config_file_path).parent, config["site_url"], search) if _depth == 0 else current()
        write_stubs(build.policy, Path(config["docs_dir"]))
    except (PolicyDataError, FileExistsError) as error:
        abandon()
        raise Abort(str(error)) from None
    settings = theme_settings(build, _language(config))
    config["nav"], config["site_description"] = settings["nav"], settings["description"]
    config["mdx_configs"].setdefault("toc", {})["permalink_title"] = settings["permalink_title"]
    config["extra"].update(settings["extra"])  # read by overrides/ (partials, 404.html)
    _depth += 1
    if _depth == 1:
        _swap = None if _in_place(Path(config["site_dir"])) else SiteSwap(Path(config["site_dir"]))
        _site = _swap.staging if _swap else Path(config["site_dir"])
        config["site_dir"] = str(_site)
    return config


def on_post_page(output, page, config):
    address = addresses.of_file(Path(page.file.abs_dest_path), _site)
    return current().finisher.page(output, _language(config), address)


def on_post_template(output_content, template_name, config):
    not_found = template_name == "404.html"  # the site's one 404 page, which each language's build draws
    return current().finisher.not_found_page(output_content, _language(config)) if not_found else output_content


@event_priority(-1000)  # after static-i18n has built the other languages inside its own on_post_build
def on_post_build(config):
    global _depth, _swap
    _depth -= 1
    if _depth > 0:
        return
    log.info(write_outputs(current(), Path(config["site_dir"])).summary())
    if _swap is not None:
        config["site_dir"] = str(_swap.commit())
        _swap = None


def on_build_error(error, **kwargs):
    global _depth, _swap
    abandon()
    if _swap is not None:
        log.error("The build failed; the previous site in %s is left as it was.", _swap.final)
        _swap.abandon()
    _depth, _swap = 0, None
