"""The site built with Zensical, Material for MkDocs' successor, which runs neither MkDocs hooks nor i18n plugins:
the handbook's own steps around one `zensical build` per language.

    validate → render every page of a language as Markdown with front matter, and its configuration →
    `zensical build` → merge the languages (Japanese at /, English under /en/) → finish each page →
    write the outputs → swap OUT_DIR

    .venv/bin/python -m handbook.build.zensical OUT_DIR --zensical .venv-zensical/bin/zensical

(scripts/build_with_zensical.sh sets up both environments and runs this.) Zensical resolves every relative
link of a page's content again, from the folder of its source file; it never sees the handbook's links, which
stay in the blocks set aside from it (handbook.build.blocks) until the finish step.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from .. import addresses
from ..errors import PolicyDataError
from ..model import LANGUAGES
from ..site import theme_html, url_prefix
from ..ui import label
from .finish import write_outputs
from .steps import Build, theme_settings
from .swap import SiteSwap

WORK = ".zensical"  # beside mkdocs.yml, git-ignored: each language's pages, configuration and drawn site


class _Tags(yaml.SafeLoader):
    """mkdocs.yml as data: `!!python/object/apply:f {kwds}` becomes the form Zensical's configuration takes,
    {object: f, kwds}; `!ENV` gives its default."""


_Tags.add_multi_constructor(
    "tag:yaml.org,2002:python/object/apply:",
    lambda loader, suffix, node: {"object": suffix, **loader.construct_mapping(node, deep=True)},
)
_Tags.add_constructor("!ENV", lambda loader, node: _env(loader.construct_sequence(node)))


def _env(names_then_default: list):
    """MkDocs' `!ENV [NAME, …, default]`: the first variable that is set, else the default."""
    *names, default = names_then_default
    return next((os.environ[name] for name in names if name in os.environ), default)


def site_url(project: Path) -> str | None:
    """The site's address, as mkdocs.yml (and HANDBOOK_SITE_URL) gives it to MkDocs."""
    url = yaml.load((Path(project) / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tags).get("site_url")
    return (url.rstrip("/") + "/") if url else None


def _plain(value):
    """Markup (escaped text) and nested values as the plain types YAML writes."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


def language_config(build: Build, language: str, project: Path) -> dict:
    """The configuration of one language's Zensical build: mkdocs.yml's theme, assets and Markdown, with what
    the MkDocs adapter sets at on_config (navigation, description, theme words, the 404 page's words)."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tags)
    settings = theme_settings(build, language)
    theme = {**config["theme"], "language": language, "custom_dir": str(project / config["theme"]["custom_dir"])}
    theme["variant"] = "classic"  # the look handbook.css is written for (Zensical's "modern" differs)
    markdown = []
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "toc" in extension:
            extension = {"toc": {**extension["toc"], "permalink_title": settings["permalink_title"]}}
        markdown.append(extension)
    return _plain(
        {
            "site_name": label("site_name")[language],
            "site_url": build.site_url,
            "site_description": settings["description"],
            "docs_dir": "docs",
            "site_dir": "site",
            "use_directory_urls": True,
            "theme": theme,
            "plugins": {"search": {"enabled": False}},  # the handbook's Pagefind index serves both languages
            "extra": {**config.get("extra", {}), **settings["extra"]},
            "extra_css": config.get("extra_css", []),
            "extra_javascript": config.get("extra_javascript", []),
            "markdown_extensions": markdown,
            "nav": settings["nav"],
        }
    )


def write_language(build: Build, language: str, project: Path, folder: Path) -> None:
    """Every page of a language as Markdown with its front matter (the meta MkDocs gets from macros.py), and its
    configuration, into folder; pages that left the data are removed (Zensical's cache keeps the rest)."""
    docs = folder / "docs"
    wanted = set()
    for page in build.pages(language):
        meta = {**page.meta, "title": theme_html(page.meta["title"])}
        text = "---\n" + yaml.safe_dump(_plain(meta), allow_unicode=True, sort_keys=False) + "---\n\n" + page.markdown
        target = docs / page.path
        wanted.add(target)
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    for stale in set(docs.rglob("*.md")) - wanted:
        stale.unlink()
    config = yaml.safe_dump(language_config(build, language, project), allow_unicode=True, sort_keys=False)
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")


# The English build's own copy of the theme's and the handbook's assets is dropped in the merge: its pages load
# the Japanese build's, one folder up. A page's own modules (data-page-script, overrides/main.html) are linked from
# its final address already.
_ASSET_LINK = re.compile(r'(?<!data-page-script)(\s(?:href|src)=")(\./|(?:\.\./)*)(assets/)')


def merge(drawn: dict[str, Path], site: Path) -> None:
    """The languages' sites as one: the first language at the root, the others in their folders, sharing the
    root's assets and 404 page."""
    first, *others = LANGUAGES
    shutil.copytree(drawn[first], site, dirs_exist_ok=True)
    for language in others:
        target = site / url_prefix(language)
        shutil.copytree(drawn[language], target, ignore=shutil.ignore_patterns("assets", "404.html", "sitemap.xml*"))
        for page in target.rglob("*.html"):
            html = page.read_text(encoding="utf-8")
            up = _ASSET_LINK.sub(lambda m: m[1] + ("../" if m[2] == "./" else m[2] + "../") + m[3], html)
            page.write_text(up, encoding="utf-8")


def build_site(project: Path, out: Path, zensical: str, work: Path | None = None) -> Build:
    """The whole site of the project, drawn by Zensical, into out (replaced only once complete). work keeps each
    language's pages and drawn site between builds (Zensical's cache skips unchanged pages)."""
    project = Path(project).resolve()
    work = Path(work).resolve() if work else project / WORK
    zensical = str(Path(zensical).resolve()) if "/" in zensical else zensical  # it runs in each language's folder
    build = Build(project, site_url=site_url(project))
    swap = SiteSwap(out)
    try:
        drawn = {}
        for language in LANGUAGES:
            folder = work / language
            write_language(build, language, project, folder)
            result = subprocess.run(
                [zensical, "build", "-f", str(folder / "mkdocs.yml")], capture_output=True, text=True, cwd=folder
            )
            if result.returncode != 0:
                raise RuntimeError(f"zensical build failed for '{language}':\n{result.stdout}{result.stderr}")
            drawn[language] = folder / "site"
        merge(drawn, swap.staging)
        build.index_search()
        finisher = build.finisher
        for language in LANGUAGES:
            root = swap.staging / url_prefix(language)
            for page in root.rglob("*.html"):
                if language == LANGUAGES[0] and any(
                    page.is_relative_to(swap.staging / url_prefix(other)) for other in LANGUAGES[1:]
                ):
                    continue
                html = page.read_text(encoding="utf-8")
                address = addresses.of_file(page, swap.staging) if page.name == "index.html" else None
                page.write_text(finisher.page(html, language, address), encoding="utf-8")
        write_outputs(build, swap.staging)
        swap.commit()
    except BaseException:
        build.abandon()
        swap.abandon()
        raise
    return build


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the handbook with Zensical into OUT_DIR.")
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--zensical", default=shutil.which("zensical") or "zensical", help="the zensical command")
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="the folder of mkdocs.yml")
    parser.add_argument("--work", type=Path, help=f"where each language is drawn (default: PROJECT/{WORK})")
    args = parser.parse_args(argv)
    try:
        build = build_site(args.project, args.out_dir, args.zensical, args.work)
    except PolicyDataError as error:
        print(error, file=sys.stderr)
        return 1
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Built {len(build.specs) * len(LANGUAGES)} pages with Zensical into {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
