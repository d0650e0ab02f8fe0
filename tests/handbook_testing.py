"""Helpers shared by the tests (imported by name; conftest.py holds only fixtures)."""

from __future__ import annotations

import contextlib
import functools
import html
import http.server
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar
from urllib.parse import urlsplit

from filelock import FileLock

T = TypeVar("T")
REPOSITORY = Path(__file__).resolve().parent.parent
# the second generator, in its own environment (scripts/setup_zensical.sh; tests/site/test_generators.py)
ZENSICAL = REPOSITORY / ".venv-zensical" / "bin" / "zensical"


def run_python(*args: str, cwd: Path = REPOSITORY) -> subprocess.CompletedProcess:
    """Run a script with this environment's Python, as a maintainer would (`.venv/bin/python scripts/…`)."""
    return subprocess.run([sys.executable, *args], cwd=cwd, capture_output=True, text=True)


MKDOCS = [str(Path(sys.executable).with_name("mkdocs"))]
SITE_ADDRESS = "HANDBOOK_SITE_URL"  # the environment variable mkdocs.yml's site_url is read from
# The address the tests' builds give the site: a folder below a host's root, as on a GitHub Pages project site or
# an intranet share, so that an address that works only at the root of a host shows up. The test server serves the
# site in the same folder (served()); the host is never asked for.
SITE_URL = "https://intranet.example.jp/handbook/"
SITE_PATH = urlsplit(SITE_URL).path  # "/handbook/"
MKDOCS_ENV = {**{k: v for k, v in os.environ.items() if k != SITE_ADDRESS}, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_env(site_url: str | None) -> dict[str, str]:
    """The environment of a build: the site's address, or none (a plain build)."""
    return {**MKDOCS_ENV, SITE_ADDRESS: site_url} if site_url else MKDOCS_ENV


def mkdocs(*args: str, cwd: Path = REPOSITORY, site_url: str | None = None) -> subprocess.CompletedProcess:
    """Run `mkdocs` from this environment, as a maintainer would."""
    return subprocess.run([*MKDOCS, *args], cwd=cwd, capture_output=True, text=True, env=mkdocs_env(site_url))


def build_at_once(projects: dict[Path, str | None]) -> list[subprocess.CompletedProcess]:
    """`mkdocs build --strict` in each project (given with the site's address to build it with, or None), all at
    once: a build keeps one core busy, and the machine has more."""
    outputs = [tempfile.TemporaryFile("w+", encoding="utf-8") for _ in projects]
    processes = [
        subprocess.Popen(
            [*MKDOCS, "build", "--strict"],
            cwd=project,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=mkdocs_env(site_url),
        )
        for (project, site_url), out in zip(projects.items(), outputs, strict=True)
    ]
    results = []
    for process, out in zip(processes, outputs, strict=True):
        process.wait()
        out.seek(0)
        results.append(subprocess.CompletedProcess(process.args, process.returncode, out.read(), ""))
        out.close()
    return results


def made_once(tmp_path_factory, name: str, make: Callable[[Path], T]) -> T:
    """`make(folder)` once per test run, even when pytest-xdist spreads the tests over several processes: the
    first to ask makes it (a site build, say) while the others wait, then all share the folder and the result."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's own folder, shared by its workers
    folder, made = root / name, root / f"{name}.made"
    with FileLock(root / f"{name}.lock"):
        if not made.exists():
            folder.mkdir(exist_ok=True)
            made.write_bytes(pickle.dumps(make(folder)))
    return pickle.loads(made.read_bytes())


def copy_project(destination: Path) -> Path:
    """A copy of the project (without caches and built output) that a test may build and change."""

    def ignore(directory: str, names: list[str]) -> set[str]:
        skipped = {".venv", ".git", "__pycache__", ".pytest_cache"}
        if Path(directory) == REPOSITORY:
            skipped |= {"site", "site.building", "site.previous", "tests"}
        return skipped & set(names)

    shutil.copytree(REPOSITORY, destination, ignore=ignore)
    return destination


def git(repository: Path, *args: str, date: str | None = None) -> str:
    """Run git in a test repository as the HR maintainers would commit (fixed name; `date` for both dates)."""
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "HR",
        "GIT_AUTHOR_EMAIL": "hr@example.org",
        "GIT_COMMITTER_NAME": "HR",
        "GIT_COMMITTER_EMAIL": "hr@example.org",
    }
    if date:
        env |= {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    return subprocess.run(
        ["git", "-C", str(repository), *args], check=True, capture_output=True, text=True, env=env
    ).stdout


def published(data: Path, day: str) -> None:
    """Set the day of the first publication in a copy's policy_data/meta.yml (YYYY-MM-DD): the changes up to that
    day are the initial publication (handbook.history)."""
    meta = data / "meta.yml"
    text, count = re.subn(r'^published: "[^"]*"$', f'published: "{day}"', meta.read_text(encoding="utf-8"), flags=re.M)
    assert count == 1, "meta.yml gives no day of first publication"
    meta.write_text(text, encoding="utf-8")


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """A quiet static server that answers a missing address with the site's 404 page, as GitHub Pages and an
    intranet server set up for the handbook do (the server's `not_found`: the 404.html to send, or None)."""

    def log_message(self, format, *args):  # noqa: A002 - the name is http.server's
        pass

    def send_error(self, code, message=None, explain=None):
        page = getattr(self.server, "not_found", None)
        if code != 404 or page is None:
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def served(site: Path, handler: type[SiteHandler] = SiteHandler) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (a free port) at SITE_PATH, the folder its address names: the server's root
    is the folder that holds the site, which must be called as that path says. Yields the site's address there,
    e.g. http://127.0.0.1:40123/handbook/."""
    assert site.name == SITE_PATH.strip("/"), f"the site is served as {SITE_PATH}: its folder must have that name"
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site.parent)))
    server.not_found = site / "404.html" if (site / "404.html").is_file() else None
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


_MARKUP = re.compile(r"(<[^>]*>)")


def kinsoku_breaks(cell: str) -> list[str]:
    """Where a line may break, in the HTML of a table cell, before a character no Japanese line may start with
    (「。」「、」, small kana …) or after one no line may end with (「（」): each as 'before/after'. In a cell the
    browser's last resort (overflow-wrap: anywhere) breaks between any two characters that no element with
    white-space: nowrap holds together (handbook.typography holds them in <span class="keep">), and Chromium
    breaks at a <wbr> even there. Code (a test's name) is left out: a long name wraps anywhere, by design."""
    from handbook.typography import NO_END, NO_START

    characters: list[tuple[str, int, bool]] = []  # (character, its outermost .keep span (0: none), <wbr> before it)
    keeping: list[bool] = []  # for each open <span>: is it a .keep
    depth = spans = code = 0
    wbr = False
    for part in _MARKUP.split(cell):
        if part.startswith("<"):
            if part.startswith("<span"):
                keeping.append('class="keep"' in part)
                spans += keeping[-1] and not depth
                depth += keeping[-1]
            elif part.startswith("</span") and keeping:
                depth -= keeping.pop()
            code += part.startswith("<code") - part.startswith("</code")
            wbr = wbr or part == "<wbr>"
            continue
        for character in html.unescape(part):
            characters.append(("" if code else character, spans if depth else 0, wbr))
            wbr = False
    faults = []
    for (before, held, _), (after, held_after, wbr) in zip(characters, characters[1:], strict=False):
        if not before or not after or before.isspace() or after.isspace():
            continue
        if not (after in NO_START or before in NO_END):
            continue
        if wbr or not held or held != held_after:
            faults.append(f"{before}/{after}")
    return faults
