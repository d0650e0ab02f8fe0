"""mkdocs-macros adapter: hands each page's macro call to the handbook renderer.

The model is loaded (and validated) once per build: mkdocs-macros calls define_env at every build, the
rebuilds of `mkdocs serve` included, and handbook.load caches the model by the data files' fingerprint.
One renderer per language is kept for all pages of that language. The language is read when a page
renders: by then mkdocs-static-i18n has set the theme's language for the build in progress.
"""

from pathlib import Path

from handbook.history import site_history
from handbook.load import load_policy
from handbook.render import PageRenderer


def define_env(env):
    renderers: dict[str, PageRenderer] = {}

    @env.macro
    def handbook_page(path: str) -> str:
        # static-i18n sets the theme's language for each language build; mkdocs_hooks reads the same build's
        # language from the i18n plugin in on_config, before the theme is reconfigured.
        language = env.conf["theme"]["language"]
        renderer = renderers.get(language)
        if renderer is None:  # not load_policy() per page: fingerprinting the data for each page cost ~0.7 s a build
            data_dir = Path(env.conf.config_file_path).parent / "policy_data"  # the project's, beside mkdocs.yml
            # the history of the data (the changes page, each page's date): read once per repository HEAD
            history = site_history(Path(env.conf.config_file_path).parent)
            renderer = renderers[language] = PageRenderer(
                load_policy(data_dir), language, history, env.conf["site_url"]
            )
        # The page's title in its own language (the browser tab, the header), whatever the file is called.
        env.page.meta["title"] = renderer.title(path)
        return renderer.render(path)
