"""Build benchmark: the time of `mkdocs build` against a plain Material site with the same pages, and the
time from a data edit to the rebuilt page being served by `bash scripts/serve.sh`.

    .venv/bin/python scripts/bench_build.py               # 5 builds of each site, then 3 edits under serve
    .venv/bin/python scripts/bench_build.py --runs 9 --edits 0

Builds: the median wall time of `mkdocs build` of the handbook and of the baseline, built alternately so
that load from elsewhere on the machine falls on both. The baseline is made from a build of the handbook:
each page's <article> as a Markdown page (headings as Markdown headings, every other block as raw HTML),
the same navigation, theme settings, Markdown extensions, assets and i18n plugin, but no macros, no hooks,
no Pagefind, and Material's own search plugin, as a stock site has it. Goal: a ratio of at most 1.1. The same
checkout is also built with Zensical (scripts/build_with_zensical.sh's route), when .venv-zensical exists.

Serve: in a copy of the project (the real data is never edited), `bash scripts/serve.sh` runs while the
Japanese description of a competency of the chief rank is changed; each edit is timed until /ranks/chief/
serves the new text. Goal: a median of at most 1 s. Nothing is asserted: this is not a test.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml
from markupsafe import Markup

from handbook.data import load_policy
from handbook.html_text import PageText, article
from handbook.model import LANGUAGES
from handbook.site import mkdocs_nav, page_specs, url_prefix

REPOSITORY = Path(__file__).resolve().parent.parent
MKDOCS = str(Path(sys.executable).with_name("mkdocs"))
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
BUILD_GOAL, SERVE_GOAL = 1.1, 1.0
ZENSICAL = REPOSITORY / ".venv-zensical" / "bin" / "zensical"  # scripts/setup_zensical.sh


def build(project: Path, site: Path) -> float:
    """Wall time of one `mkdocs build` of project into site."""
    start = time.perf_counter()
    result = subprocess.run(
        [MKDOCS, "build", "--site-dir", str(site)], cwd=project, env=ENV, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - start


def article_markdown(html: str) -> str:
    """A page's article as Markdown: its top-level headings as Markdown headings (so that Material makes the
    same title and table of contents), every other block as raw HTML."""
    page = PageText(html)
    out, position = [], page.article[0]
    for block in page.blocks:
        out.append(html[position : block.start].strip())  # text between the blocks, if any
        source, position = html[block.start : block.end], block.end
        heading = re.fullmatch(r'<h([1-6])(?: id="([^"]*)")?[^>]*>(.*)</h\1>', source, re.S)
        if heading:
            level, anchor, inner = heading.groups()
            inner = re.sub(r'<a class="headerlink"[^>]*>.*?</a>', "", inner, flags=re.S).strip().replace("\n", " ")
            source = "#" * int(level) + " " + inner + (f" {{ #{anchor} }}" if anchor else "")
        out.append(source)
    out.append(html[position : page.article[1]].strip())
    return "\n\n".join(part for part in out if part) + "\n"


class _KeepTags(yaml.SafeLoader):
    """mkdocs.yml as data, its !!python/ tags (the toc's slugify) kept to be written back as they are."""


class _Dumper(yaml.SafeDumper):
    pass


_KeepTags.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: node)
_KeepTags.add_constructor("!ENV", lambda loader, node: node)
_Dumper.add_multi_representer(yaml.Node, lambda dumper, node: node)
_Dumper.add_representer(Markup, lambda dumper, text: dumper.represent_str(str(text)))  # the navigation's titles


def make_baseline(built: Path, project: Path) -> int:
    """Write the plain Material project from a built handbook; returns its number of pages."""
    policy = load_policy()
    shutil.copytree(REPOSITORY / "overrides" / "assets", project / "docs" / "assets")
    pages = 0
    for spec in page_specs(policy):
        for language in LANGUAGES:
            html = (built / url_prefix(language) / spec.url / "index.html").read_text(encoding="utf-8")
            source = spec.path if language == LANGUAGES[0] else f"{spec.path[:-3]}.{language}.md"
            (project / "docs" / source).parent.mkdir(parents=True, exist_ok=True)
            (project / "docs" / source).write_text(article_markdown(html), encoding="utf-8")
            pages += 1
    config = yaml.load((REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_KeepTags)
    for key in ("hooks", "watch", "strict"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)  # the overrides only replace Material's search box
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    i18n.pop("reconfigure_search", None)  # the plugin's default: Material's search on
    config["plugins"] = ["search", {"i18n": i18n}]
    config["nav"] = mkdocs_nav(policy, LANGUAGES[0])
    for language in i18n["languages"]:
        if language["locale"] != LANGUAGES[0]:
            language["nav"] = mkdocs_nav(policy, language["locale"])
    (project / "mkdocs.yml").write_text(
        yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    return pages


def bench_builds(runs: int, scratch: Path) -> None:
    reference = scratch / "reference-site"
    build(REPOSITORY, reference)
    plain = scratch / "plain-project"
    pages = make_baseline(reference, plain)
    build(plain, scratch / "plain-site")  # warm-up, and a check that the baseline builds
    handbook_times, plain_times, zensical_times = [], [], []
    for run in range(runs):
        handbook_times.append(build(REPOSITORY, scratch / "handbook-site"))
        plain_times.append(build(plain, scratch / "plain-site"))
        line = f"  build {run + 1}/{runs}: handbook {handbook_times[-1]:6.2f} s"
        line += f"   plain Material {plain_times[-1]:6.2f} s"
        if ZENSICAL.exists():
            zensical_times.append(build_with_zensical(scratch))
            line += f"   Zensical {zensical_times[-1]:6.2f} s"
        print(line)
    handbook, baseline = statistics.median(handbook_times), statistics.median(plain_times)
    print(
        f"median of {runs} builds, {pages} pages (both languages):\n"
        f"  handbook (validation, macros, hooks, Pagefind, downloads): {handbook:6.2f} s\n"
        f"  plain Material site, same pages:                           {baseline:6.2f} s\n"
        f"  ratio {handbook / baseline:.2f} (goal ≤ {BUILD_GOAL})"
    )
    if zensical_times:
        zensical = statistics.median(zensical_times)
        print(f"  the same handbook with Zensical (its cache warm after the first): {zensical:6.2f} s")


def build_with_zensical(scratch: Path) -> float:
    """Wall time of one build of the handbook with Zensical (handbook/build/zensical.py)."""
    start = time.perf_counter()
    command = [sys.executable, "-m", "handbook.build.zensical", str(scratch / "zensical-site")]
    command += ["--zensical", str(ZENSICAL), "--work", str(scratch / "zensical-work")]
    result = subprocess.run(command, cwd=REPOSITORY, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"the Zensical build failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - start


def _served_text(url: str) -> str:
    """The text of the page's article as a reader sees it (Japanese may carry <wbr> line-break hints)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return PageText(article(response.read().decode("utf-8"))).text()
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def _seconds_until(url: str, text: str, server: subprocess.Popen, log: Path, timeout: float = 300) -> float:
    start = time.perf_counter()
    while text not in _served_text(url):
        if server.poll() is not None:
            raise SystemExit(
                f"The server stopped; its last words (from {log}):\n{log.read_text(encoding='utf-8')[-2000:]}"
            )
        if time.perf_counter() - start > timeout:
            raise TimeoutError(f"{url} did not show {text!r} within {timeout} s")
        time.sleep(0.05)
    return time.perf_counter() - start


def bench_serve(edits: int, scratch: Path) -> None:
    """`bash scripts/serve.sh` (what a maintainer runs) in a copy of the project, sharing this .venv."""
    project = scratch / "serve-project"
    skipped = (".venv", ".git", "__pycache__", ".pytest_cache", "site", "site.building", "site.previous")
    shutil.copytree(REPOSITORY, project, ignore=shutil.ignore_patterns(*skipped))
    (project / ".venv").symlink_to(REPOSITORY / ".venv")
    data_file = project / "policy_data" / "competencies.yml"
    original = data_file.read_text(encoding="utf-8")
    # a description that the chief rank's table alone has, so that the edit shows on /ranks/chief/
    items = load_policy().rank("chief").table.items
    description = next(item.description.ja for item in items if original.count(item.description.ja) == 1)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/ranks/chief/"
    # The copy's handbook package, not the one installed from this checkout; SIGINT stops the server as
    # Ctrl+C does (a shell's background job would pass SIGINT on as ignored: the default is restored).
    env = {**ENV, "HANDBOOK_ADDR": f"127.0.0.1:{port}", "PYTHONPATH": str(project)}
    log = scratch / "serve.log"
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            ["bash", "scripts/serve.sh"],
            cwd=project,
            env=env,
            stdout=output,
            stderr=output,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
        )

    def edit(marker: str) -> None:
        data_file.write_text(original.replace(description, description + marker, 1), encoding="utf-8")

    times = []
    try:
        print(f"  first build served after {_seconds_until(url, description, server, log):.1f} s")
        # An untimed first edit, written again until it shows: a server still busy with its first build may miss it.
        for attempt in range(10):
            edit(f"（準備{attempt}）")
            try:
                _seconds_until(url, f"（準備{attempt}）", server, log, timeout=15)
                break
            except TimeoutError:
                print(f"  warm-up edit {attempt + 1} not served within 15 s; written again")
        for number in range(edits):
            edit(f"（計測{number}）")
            times.append(_seconds_until(url, f"（計測{number}）", server, log))
            print(f"  edit {number + 1}/{edits}: served after {times[-1]:.2f} s")
            time.sleep(0.5)
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    print(
        f"scripts/serve.sh, YAML edit → changed page served: median {statistics.median(times):.2f} s of {edits} "
        f"(goal < {SERVE_GOAL} s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each site (default 5; 0: none)")
    parser.add_argument(
        "--edits", type=int, default=3, help="data edits timed under scripts/serve.sh (default 3; 0: none)"
    )
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as scratch:
        if arguments.runs:
            bench_builds(arguments.runs, Path(scratch))
        if arguments.edits:
            bench_serve(arguments.edits, Path(scratch))


if __name__ == "__main__":
    main()
