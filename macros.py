"""mkdocs-macros adapter: hands each page's macro call to the handbook renderer.

define_env runs once per language build; the model is loaded (and validated) once and cached by
handbook.load, and one renderer per language is kept for all pages of that language.
"""
from handbook.load import load_policy
from handbook.render import PageRenderer


def define_env(env):
    language = env.conf["theme"]["language"]
    renderer = PageRenderer(load_policy(), language)

    @env.macro
    def handbook_page(path: str) -> str:
        return renderer.render(path)
