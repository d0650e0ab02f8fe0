"""mkdocs-macros adapter: hands each page's macro call to the handbook renderer.

The model is loaded (and validated) once and cached by handbook.load; one renderer per language is kept
for all pages of that language. The language is read when a page renders: by then mkdocs-static-i18n
has set the theme's language for the build in progress.
"""
from handbook.load import load_policy
from handbook.render import PageRenderer


def define_env(env):
    renderers: dict[str, PageRenderer] = {}

    @env.macro
    def handbook_page(path: str) -> str:
        language = env.conf["theme"]["language"]
        policy = load_policy()
        renderer = renderers.get(language)
        if renderer is None or renderer.policy is not policy:
            renderer = renderers[language] = PageRenderer(policy, language)
        return renderer.render(path)
