"""Build benchmark: how much the data-driven build costs over a plain Material site with the same text.

    .venv/bin/python scripts/bench_build.py                 # 5 builds of each, medians and their ratio
    .venv/bin/python scripts/bench_build.py --runs 9        # more builds
    .venv/bin/python scripts/bench_build.py --profile       # also: where the time of one build goes
    .venv/bin/python scripts/bench_build.py --serve         # also: data edit → page served by `mkdocs serve`
    .venv/bin/python scripts/bench_build.py --only-serve    # only that
    .venv/bin/python scripts/bench_build.py --project /tmp/old   # another checkout (git archive of a commit)

The handbook is built with `mkdocs build` into a temporary folder (wall time of the whole command, as a
maintainer runs it). The baseline is generated from that build: every built page of both languages becomes
a Markdown file holding its <article> (headings as Markdown headings, every other block as raw HTML), with
the same navigation, theme settings, Markdown extensions, CSS and the same i18n plugin, but no macros, no
hooks, no Pagefind, and Material's own search plugin on, as a stock site would have it. The two builds
alternate, so that load from elsewhere on the machine falls on both alike. Not a test: nothing is asserted.
"""
from __future__ import annotations

import argparse
import cProfile  # noqa: F401 - the profile runs `python -m cProfile`; imported here so a missing module fails early
import os
import pstats
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
from html.parser import HTMLParser
from pathlib import Path

import yaml

REPOSITORY = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPOSITORY))
sys.path.insert(0, str(REPOSITORY / "tests"))

from handbook.load import load_policy  # noqa: E402
from handbook.site import navigation, page_specs  # noqa: E402
from handbook_testing import copy_repository  # noqa: E402

MKDOCS = Path(sys.executable).with_name("mkdocs")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
LANGUAGE_PREFIX = {"ja": "", "en": "en/"}
GOAL = 1.3


# ---------------------------------------------------------------------------------------------------- builds

def build(project: Path, site: Path) -> float:
    """Wall time of one `mkdocs build` of project into site."""
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    result = subprocess.run([str(MKDOCS), "build", "--site-dir", str(site)], cwd=project, env=ENV,
                            capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"mkdocs build failed in {project}:\n{result.stdout}{result.stderr}")
    return elapsed


# -------------------------------------------------------------------------------------------------- baseline

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Blocks(HTMLParser):
    """The top-level children of a page's <article>, as (tag, start, end) offsets into the page."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.depth = -1             # -1 outside the article, 0 directly inside it
        self.blocks: list[list] = []
        self.article: tuple[int, int] | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag == "article" and self.depth == -1:
            self.depth = 0
            self.article = (self._offset() + len(self.get_starttag_text()), -1)
            return
        if self.depth < 0:
            return
        if self.depth == 0:
            self.blocks.append([tag, self._offset(), None])
        if tag not in _VOID:
            self.depth += 1
        elif self.depth == 0:
            self.blocks[-1][2] = self._offset() + len(self.get_starttag_text())

    def handle_startendtag(self, tag, attrs):
        if self.depth == 0:
            start = self._offset()
            self.blocks.append([tag, start, start + len(self.get_starttag_text())])

    def handle_endtag(self, tag):
        if self.depth < 0:
            return
        if self.depth == 0 and tag == "article":
            self.article = (self.article[0], self._offset())
            self.depth = -1
            return
        self.depth -= 1
        if self.depth == 0 and self.blocks:
            self.blocks[-1][2] = self.html.index(">", self._offset()) + 1


_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)


def article_markdown(html: str) -> str:
    """A page's article as Markdown: top-level headings as Markdown headings (so that Material builds the
    same title and table of contents), every other block kept as raw HTML."""
    parser = _Blocks(html)
    parser.feed(html)
    if not parser.article:
        raise ValueError("no <article> in the page")
    out, position = [], parser.article[0]
    for tag, start, end in parser.blocks:
        between = html[position:start].strip()
        if between:
            out.append(between)
        block = html[start:end]
        heading = re.fullmatch(r"<h([1-6])(?: id=\"([^\"]*)\")?[^>]*>(.*)</h\1>", block, re.S)
        if heading:
            level, anchor, inner = heading.groups()
            inner = _HEADERLINK.sub("", inner).strip().replace("\n", " ")
            out.append("#" * int(level) + " " + inner + (f" {{ #{anchor} }}" if anchor else ""))
        else:
            out.append(block)
        position = end
    tail = html[position:parser.article[1]].strip()
    if tail:
        out.append(tail)
    return "\n\n".join(out) + "\n"


class _Tagged:
    """A YAML value with a Python tag (the toc slugify function), kept to be written back as it was."""

    def __init__(self, tag, node):
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: _Tagged(node.tag, node))
_Dumper.add_representer(_Tagged, lambda dumper, value: value.node)


def baseline_config(policy) -> dict:
    """The handbook's mkdocs.yml as a stock Material site would have it (no macros, hooks or overrides)."""
    config = yaml.load((REPOSITORY / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    for key in ("hooks", "watch", "strict"):
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)             # the overrides only replace Material's search box
    plugins = []
    for plugin in config["plugins"]:
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name == "macros":
            continue
        if name == "i18n":
            plugin["i18n"].pop("reconfigure_search", None)  # the plugin's default: Material's search on
        plugins.append(plugin)
    config["plugins"] = ["search"] + plugins

    def nav(language: str) -> list:
        return [{(title[language] if not isinstance(title, str) else title):
                 [{spec.title[language]: spec.path} for spec in pages if spec.in_nav]
                 if isinstance(pages, list) else pages.path}
                for title, pages in navigation(policy)]
    config["nav"] = nav("ja")
    for language in config["plugins"][-1]["i18n"]["languages"]:
        if language["locale"] != "ja":
            language["nav"] = nav(language["locale"])
    return config


def make_baseline(built: Path, destination: Path) -> int:
    """Write the baseline project into destination from a built handbook; returns the number of pages."""
    policy = load_policy()
    shutil.rmtree(destination, ignore_errors=True)
    docs = destination / "docs"
    shutil.copytree(REPOSITORY / "overrides" / "assets", docs / "assets")
    count = 0
    for spec in page_specs(policy):
        for language, prefix in LANGUAGE_PREFIX.items():
            page = built / prefix / spec.url / "index.html"
            target = docs / (spec.path if language == "ja" else spec.path[:-3] + f".{language}.md")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(article_markdown(page.read_text(encoding="utf-8")), encoding="utf-8")
            count += 1
    (destination / "mkdocs.yml").write_text(
        yaml.dump(baseline_config(policy), Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return count


# --------------------------------------------------------------------------------------------------- profile

# Where the time of a build goes: functions whose cumulative time is counted under each heading. Nested
# builds (static-i18n builds English inside the Japanese build's on_post_build) add up per function.
PROFILE_BUCKETS = [
    ("data: load + validate (handbook.load.load_policy)", "handbook/load.py", "load_policy"),
    ("data: page stubs (handbook.stubs.write_stubs)", "handbook/stubs.py", "write_stubs"),
    ("pages: handbook templates (mkdocs-macros → handbook.render)", "mkdocs_macros/plugin.py", "on_page_markdown"),
    ("pages: Markdown → HTML (Python-Markdown)", "mkdocs/structure/pages.py", "render"),
    ("pages: Material's page template + writing (mkdocs _build_page)", "mkdocs/commands/build.py", "_build_page"),
    ("Material: theme files, 404, sitemap (mkdocs _build_theme_template)", "mkdocs/commands/build.py", "_build_theme_template"),
    ("site: navigation and files (mkdocs get_files/get_navigation)", "mkdocs/structure/nav.py", "get_navigation"),
    ("search: Pagefind index (handbook.search_index.write_search_index)", "handbook/search_index.py", "write_search_index"),
    ("    of which the Pagefind command (subprocess)", "subprocess.py", "run"),
    ("downloads: CSV/JSON (handbook.exports.write_downloads)", "handbook/exports.py", "write_downloads"),
    ("startup: imports and config (mkdocs load_config)", "mkdocs/config/base.py", "load_config"),
]


def profile(project: Path, scratch: Path) -> None:
    output = scratch / "build.prof"
    site = scratch / "profiled-site"
    command = [sys.executable, "-m", "cProfile", "-o", str(output), str(MKDOCS), "build", "--site-dir", str(site)]
    print("\n$ " + " ".join(command))
    result = subprocess.run(command, cwd=project, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"profiled build failed:\n{result.stdout}{result.stderr}")
    stats = pstats.Stats(str(output))
    total = max(entry[3] for entry in stats.stats.values())
    print(f"\nWhere the time of one data-driven build goes (under cProfile, which slows Python down; {total:.1f} s in all):")
    for title, file_part, function in PROFILE_BUCKETS:
        seconds = sum(entry[3] for (filename, _, name), entry in stats.stats.items()
                      if name == function and filename.replace(os.sep, "/").endswith(file_part))
        print(f"  {seconds:7.2f} s  {100 * seconds / total:5.1f} %  {title}")
    print("\nTop 25 by cumulative time:")
    stats.sort_stats("cumulative").print_stats(25)


# ----------------------------------------------------------------------------------------------------- serve

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait(url: str, condition, timeout: float = 180) -> float:
    """Seconds until the page at url satisfies condition (polled every 20 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        text = _fetch(url)
        if text is not None and condition(text):
            return time.perf_counter() - start
        time.sleep(0.02)
    raise SystemExit(f"{url} did not change within {timeout} s")


def serve_rebuild(scratch: Path, cycles: int, only_language: str | None = None) -> list[float]:
    """In a copy of the project (the real data is never edited): start `mkdocs serve`, change the Japanese
    description of a competency of the chief rank, and time until /ranks/chief/ serves the new text; then
    change it back and time until the old text is served again. With only_language, the copy builds that
    language alone (mkdocs-static-i18n's build_only_locale), as an editor checking one language could."""
    project = copy_repository(scratch / f"serve-project-{only_language or 'all'}")
    if only_language:
        config_file = project / "mkdocs.yml"
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)
        for plugin in config["plugins"]:
            if isinstance(plugin, dict) and "i18n" in plugin:
                plugin["i18n"]["build_only_locale"] = only_language
        config_file.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    policy = load_policy()
    rank = policy.rank("chief")
    item = rank.table.items[0]
    data_file = project / "policy_data" / "competencies.yml"
    original = data_file.read_text(encoding="utf-8")
    table_at = original.index(f"- id: {rank.table.id}\n")
    at = original.index(item.description.ja, table_at) + len(item.description.ja)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/ranks/chief/"
    command = [str(MKDOCS), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    print(f"\n$ (in a copy of the project{', ' + only_language + ' only' if only_language else ''}) {' '.join(command)}")
    # A shell's background job ignores SIGINT, and so would the server: restore it, so that SIGINT below
    # stops the server the way Ctrl+C does (it then removes its temporary site).
    server = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    times = []
    try:
        first = _wait(url, lambda text: item.description.ja in text, timeout=300)
        print(f"  first build served after {first:.1f} s")
        time.sleep(1)
        for cycle in range(cycles):
            marker = f"（計測{cycle}）"
            data_file.write_text(original[:at] + marker + original[at:], encoding="utf-8")
            changed = _wait(url, lambda text: marker in text)
            time.sleep(0.5)
            data_file.write_text(original, encoding="utf-8")
            restored = _wait(url, lambda text: marker not in text and item.description.ja in text)
            print(f"  change {cycle + 1}: served after {changed:.2f} s; change back: served after {restored:.2f} s")
            times += [changed, restored]
            time.sleep(0.5)
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    return times


# ------------------------------------------------------------------------------------------------------ main

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each site (default 5)")
    parser.add_argument("--project", type=Path, default=REPOSITORY,
                        help="the handbook checkout to build (default: this one), e.g. an export of an older commit")
    parser.add_argument("--profile", action="store_true", help="also profile one data-driven build")
    parser.add_argument("--serve", action="store_true", help="also time `mkdocs serve` rebuilds after a data edit")
    parser.add_argument("--only-serve", action="store_true", help="only time `mkdocs serve` rebuilds")
    parser.add_argument("--cycles", type=int, default=3, help="edits (each changed and changed back) for --serve")
    parser.add_argument("--serve-language", choices=["ja", "en"],
                        help="with --serve: also time a server that builds this language only")
    arguments = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="handbook-bench-") as scratch_name:
        scratch = Path(scratch_name)
        if not arguments.only_serve:
            print(f"Building the handbook in {arguments.project} once to generate the baseline from it ...")
            reference = scratch / "reference-site"
            build(arguments.project, reference)
            plain = scratch / "plain-project"
            pages = make_baseline(reference, plain)
            build(plain, scratch / "plain-site")        # warm-up, and a check that the baseline builds
            print(f"Baseline: {pages} Markdown pages (both languages) in {plain}")

            data_times, plain_times = [], []
            for run in range(arguments.runs):
                data_times.append(build(arguments.project, scratch / "data-site"))
                plain_times.append(build(plain, scratch / "plain-site"))
                print(f"  run {run + 1}/{arguments.runs}: data-driven {data_times[-1]:6.2f} s   plain Material {plain_times[-1]:6.2f} s")
            data, baseline = statistics.median(data_times), statistics.median(plain_times)
            ratio = data / baseline
            print(f"\nmedian of {arguments.runs} builds, both languages:")
            print(f"  data-driven handbook (macros, hooks, validation, Pagefind): {data:6.2f} s")
            print(f"  plain Material site, same pages (Material's search plugin): {baseline:6.2f} s")
            print(f"  ratio: {ratio:.2f} (goal ≤ {GOAL}) {'OK' if ratio <= GOAL else 'OVER THE GOAL'}")
            if arguments.profile:
                profile(arguments.project, scratch)
        if arguments.serve or arguments.only_serve:
            for only in [None] + ([arguments.serve_language] if arguments.serve_language else []):
                times = serve_rebuild(scratch, arguments.cycles, only)
                print(f"\nmkdocs serve ({only + ' only' if only else 'both languages'}), data edit → rebuilt page"
                      f" served: median {statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f},"
                      f" {len(times)} edits; goal < 2 s)")


if __name__ == "__main__":
    main()
