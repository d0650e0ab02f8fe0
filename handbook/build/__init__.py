"""The handbook's build as explicit steps, around whichever site generator draws the pages:

    validate → render every page of both languages → (the generator draws the pages) → finish each page →
    write the outputs (downloads, feeds, search index) → swap the new site in.

MkDocs runs them from its hooks and macro (mkdocs_hooks.py, macros.py); Zensical, which runs neither, through
handbook.build.zensical. No module here imports a generator.
"""

from .finish import THEME_FIXES, PageFinisher, write_outputs
from .steps import Build, RenderedPage, abandon, current, prepare, start, theme_settings, validate
from .swap import SiteSwap

__all__ = [
    "THEME_FIXES",
    "Build",
    "PageFinisher",
    "RenderedPage",
    "SiteSwap",
    "abandon",
    "current",
    "prepare",
    "start",
    "theme_settings",
    "validate",
    "write_outputs",
]
