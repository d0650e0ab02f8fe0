"""mkdocs-macros adapter: each page stub's macro call returns the page the handbook rendered (handbook.build).

The build was started by mkdocs_hooks.on_config (the data read and checked once); the language is read when a
page renders: by then mkdocs-static-i18n has set the theme's language for the build in progress.
"""

from handbook.build import current
from handbook.site import theme_html


def define_env(env):
    @env.macro
    def handbook_page(path: str) -> str:
        page = current().page(path, env.conf["theme"]["language"])
        # the theme prints a page's meta as HTML: the title is escaped for it here, like the navigation's
        env.page.meta.update(page.meta, title=theme_html(page.meta["title"]))
        return page.markdown
