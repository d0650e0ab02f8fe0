"""Preview the handbook while editing its data: `bash scripts/serve.sh` runs this.

An edit of a YAML file reaches the browser in well under a second: the data is read and checked again; the page
open in the browser is rendered again and, if it changed, rebuilt by MkDocs alone (`--dirty`: its stub is
touched) and served; once the edits pause for a second, every page's content is rendered again and the other
pages whose content changed are rebuilt. A change of the navigation (a title), of a template or of the theme
rebuilds everything. The search index follows a moment later, written by another process. Open pages reload by
themselves.

When the data has a fault, every page shows the fault (in Japanese, then English, with file, line and field)
instead of hanging; fixing the file brings the site back. Starting with broken data shows the same page. Until
the first build is done, every page says the preview is being prepared and reloads itself when it is.

A new commit (a merge, a pull) is followed too: the "What changed" page and each page's last-changed date come
from the history, and the pages whose content it changes are rebuilt.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import html
import http.server
import json
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from mkdocs.commands.build import build  # noqa: E402 - after the environment is set
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import Abort  # noqa: E402

from handbook.build import Build, abandon, prepare  # noqa: E402
from handbook.data import load_policy  # noqa: E402
from handbook.errors import PolicyDataError  # noqa: E402
from handbook.model import LANGUAGES  # noqa: E402
from handbook.site import mkdocs_nav  # noqa: E402

REPOSITORY = Path(__file__).resolve().parent.parent
DATA = REPOSITORY / "policy_data"
WATCHED = ["policy_data", "handbook", "overrides", "mkdocs.yml", "mkdocs_hooks.py", "macros.py"]
log = logging.getLogger("preview")

# Polls the preview's state and reloads the page when a build finished or the data's fault changed since the
# page was served: the page carries the version it shows, so a build that ends before the first poll still counts.
RELOAD_SCRIPT = """<script>(function () {
  var shown = %d;
  setInterval(function () {
    fetch("/__preview__/state", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (s) {
      if (s.version !== shown) { location.reload(); }
    }).catch(function () {});
  }, 700);
})();</script>"""


def reload_script(version: int) -> str:
    return RELOAD_SCRIPT % version


class Indexer:
    """The preview's search index, written again after each rebuild by another process (in this one, its work would
    hold up the next rebuild): one at a time; asked again while one runs, it runs once more when that one ends."""

    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.again = self.stopped = False

    def run(self) -> None:
        with self.lock:
            if self.process is not None:
                self.again = True
            elif not self.stopped:
                self._start()

    def _start(self) -> None:
        command = [sys.executable, "-m", "handbook.search_index", str(self.site_dir), "--data", str(DATA)]
        self.process = subprocess.Popen(command, cwd=REPOSITORY)
        threading.Thread(target=self._wait, args=(self.process,), name="preview-search", daemon=True).start()

    def _wait(self, process: subprocess.Popen) -> None:
        process.wait()
        with self.lock:
            self.process = None
            if self.again and not self.stopped:
                self.again = False
                self._start()

    def stop(self) -> None:
        with self.lock:
            self.stopped = True
            process = self.process
        if process is not None:
            process.terminate()
            process.wait(timeout=30)


class Preview:
    def __init__(self, site_dir: Path):
        self.site_dir = site_dir
        self.version = 0  # 0 until the first build (or the first fault)
        self.fault: str | None = None
        self.building = False
        self.rest_left = False  # pages other than the one in view wait for the edits to pause (see watch)
        self.fingerprints: dict[tuple[str, str], str] = {}
        self.nav: list | None = None
        self.lock = threading.Lock()
        self.indexer = Indexer(site_dir)
        self.viewed: list[tuple[str, str]] = []  # (language, address) of pages recently requested, newest first

    # Building

    def _mkdocs(self, dirty: bool, language: str | None = None) -> None:
        """Build the site (dirty: only the pages whose stubs are newer than their output), in every language or
        in one."""
        os.environ["HANDBOOK_PREVIEW"] = "quick" if dirty else "full"
        # mkdocs-static-i18n builds the other languages dirty only when the command line says so
        sys.argv[1:] = ["--dirty"] if dirty else []
        # not strict: MkDocs warns about every dirty build, which strict mode turns into a failure
        config = load_config(str(REPOSITORY / "mkdocs.yml"), site_dir=str(self.site_dir), strict=False)
        if language is not None:
            i18n = config.plugins["i18n"]
            for option in i18n.config.languages:
                option.build = option.locale == language
            # the plugin builds the default language first, then the others: start with the one asked for
            i18n.current_language = language
        config.plugins.on_startup(command="build", dirty=dirty)
        try:
            build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()

    @staticmethod
    def _fingerprint(build: Build, language: str, path: str) -> str:
        """What a reader would see of a page's own content, rendered by the build's own step (the generator then
        draws it without rendering it again)."""
        page = build.page(path, language)
        return hashlib.sha1((page.meta["title"] + "\n" + page.content).encode("utf-8")).hexdigest()

    def _changed_in_view(self, build: Build) -> tuple[str, str] | None:
        """The page open in a browser most recently whose content this build changes: (language, source path)."""
        url_to_path = {spec.url: spec.path for spec in build.specs.values()}
        with self.lock:
            viewed = [(language, url_to_path.get(url)) for language, url in self.viewed]
        for language, path in viewed:
            if path and self._fingerprint(build, language, path) != self.fingerprints.get((language, path)):
                return language, path
        return None

    def rebuild(self, full: bool, rest_later: bool = False) -> bool:
        """Check the data, then rebuild what changed (or everything); on a fault, show it instead. rest_later:
        when the page in view changed, only it is rebuilt now; returns whether the other pages were left."""
        self.building = True
        try:
            return self._rebuild(full, rest_later)
        finally:
            self.building = False

    def _rebuild(self, full: bool, rest_later: bool) -> bool:
        started = time.perf_counter()
        began = False  # whether the site was being written: a build stopped half way rebuilds everything next
        try:
            build = Build(REPOSITORY, site_url=os.environ.get("HANDBOOK_SITE_URL"))
            nav = [mkdocs_nav(build.policy, language) for language in LANGUAGES]
            # after a fault the site still holds the last good build: only what changed since then is rebuilt
            full = full or nav != self.nav or not self.fingerprints
            shown = {} if full else dict(self.fingerprints)  # the content of each page the site holds
            first = None if full else self._changed_in_view(build)
            if first:
                # The changed page someone is looking at, in its language, alone: it is served at once.
                language, path = first
                began = True
                self._touch({path})
                prepare(build)
                self._mkdocs(dirty=True, language=language)
                shown[first] = self._fingerprint(build, language, path)
                with self.lock:
                    self.fault, self.fingerprints, self.version = None, shown, self.version + 1
                log.info("Rebuilt %s in '%s' in %.1f s", path, language, time.perf_counter() - started)
                if rest_later:
                    return True  # the next rebuild compares every page with what the site holds
            fingerprints = {
                (language, path): self._fingerprint(build, language, path)
                for language in LANGUAGES
                for path in build.specs
            }
            changed = {path for key, path in fingerprints if fingerprints[key, path] != shown.get((key, path))}
            if full:
                began = True
                prepare(build)
                self._mkdocs(dirty=False)
            elif changed:
                began = True
                self._touch(changed)
                prepare(build)
                self._mkdocs(dirty=True)
            elif self.fault is None and not first:
                return False  # nothing a reader would see has changed
        except (Exception, SystemExit) as stopped:  # noqa: BLE001 - whatever stops a build is shown; the preview goes on
            # A file saved broken while MkDocs was building fails inside the build (mkdocs-macros even exits on a
            # macro's error): what the reader needs is the data's fault, said as validate.py says it.
            abandon()  # what the stopped build started (its search documents' process) stops too
            fault = f"{type(stopped).__name__}: {stopped}"
            if isinstance(stopped, (PolicyDataError, Abort)):
                fault = str(stopped)
            try:
                load_policy(DATA)
            except PolicyDataError as data_fault:
                fault = str(data_fault)
            with self.lock:
                self.fault, self.version = fault, self.version + 1
                if began:  # the site may be half rebuilt, so all is built again
                    self.fingerprints = {}
            log.error("%s", fault)
            return False
        with self.lock:
            if full or changed or self.fault is not None:  # else the page in view was all that changed: shown already
                self.version += 1
            self.fault, self.fingerprints, self.nav = None, fingerprints, nav
        log.info("Rebuilt %s in %.1f s", "every page" if full else _pages(changed), time.perf_counter() - started)
        if not full:  # the search index catches up after the pages are served, without holding up the next edit
            self.indexer.run()
        return False

    @staticmethod
    def _touch(paths: set[str]) -> None:
        """A touched stub is newer than its built page, so a dirty build rebuilds that page."""
        for path in paths:
            os.utime(REPOSITORY / "docs" / path)

    def saw(self, url_path: str) -> None:
        """Remember the pages open in browsers: their language and address without the language prefix."""
        language = next((lang for lang in LANGUAGES[1:] if url_path.startswith(f"/{lang}/")), LANGUAGES[0])
        page = (language, url_path.removeprefix(f"/{language}/").lstrip("/"))
        with self.lock:
            self.viewed = ([page] + [seen for seen in self.viewed if seen != page])[:10]

    def watch(self, interval: float = 0.2, pause: float = 1.0) -> None:
        """Rebuild after each change of the watched files. A data edit that changes the page in view rebuilds that
        page at once and the other pages it changes once the edits pause (for `pause` seconds): a maintainer
        saving one edit after another sees each one without waiting for the pages they are not looking at."""

        def snapshot() -> dict[Path, int]:
            files = {}
            for name in WATCHED:
                path = REPOSITORY / name
                for file in [path] if path.is_file() else path.rglob("*"):
                    if file.is_file() and "__pycache__" not in file.parts:
                        files[file] = file.stat().st_mtime_ns
            return files

        before, head = snapshot(), _head()  # taken first, so an edit saved during the first build is built next
        self.rebuild(full=True)
        polls, last_edit = 0, time.monotonic()
        while True:
            time.sleep(interval)
            now = snapshot()
            polls += 1
            new_head = _head() if polls % 5 == 0 else head  # about once a second: a commit is rarer than an edit
            if now != before or new_head != head:
                touched = {f for f in set(now) | set(before) if now.get(f) != before.get(f)}
                data_only = all((REPOSITORY / "policy_data") in f.parents for f in touched)
                before, head = now, new_head
                self.rest_left, last_edit = self.rebuild(full=not data_only, rest_later=data_only), time.monotonic()
            elif self.rest_left and time.monotonic() - last_edit >= pause:
                self.rest_left = self.rebuild(full=False)

    # Serving

    def state(self) -> dict:
        with self.lock:
            return {"version": self.version, "fault": self.fault, "building": self.building or self.rest_left}


def _head() -> str:
    """The commit checked out ("" without git or history): a new one changes the "What changed" page."""
    try:
        result = subprocess.run(
            ["git", "-C", str(REPOSITORY), "rev-parse", "-q", "--verify", "HEAD"], capture_output=True, text=True
        )
    except OSError:
        return ""
    return result.stdout.strip()


def _pages(paths: set[str]) -> str:
    shown = ", ".join(sorted(paths)[:4]) + (", …" if len(paths) > 4 else "")
    return f"{len(paths)} page(s) ({shown})"


class Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, format, *args):  # noqa: A002 - the name is http.server's
        pass

    def do_GET(self):  # noqa: N802 - http.server's name
        state = self.preview.state()
        if self.path.startswith("/__preview__/state"):
            return self._send(200, "application/json", json.dumps(state).encode("utf-8"))
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        is_page = path.endswith("/") or path.endswith(".html")
        if state["version"] == 0:  # the first build is not done: nothing to serve yet, not even a listing
            return self._send(503, "text/html; charset=utf-8", preparing_page().encode("utf-8"))
        if is_page and state["fault"]:
            page = fault_page(state["fault"], state["version"])
            return self._send(500, "text/html; charset=utf-8", page.encode("utf-8"))
        if is_page:
            self.preview.saw(path.removesuffix("index.html"))
            file = Path(self.translate_path(path))
            file = file / "index.html" if file.is_dir() else file
            if file.is_file():
                script = reload_script(state["version"])
                page = file.read_text(encoding="utf-8").replace("</body>", script + "</body>", 1)
                return self._send(200, "text/html; charset=utf-8", page.encode("utf-8"))
        return super().do_GET()

    def list_directory(self, path):  # noqa: ANN001 - http.server's signature
        """A folder without index.html is not a page of the handbook: no listing of the build folder."""
        self.send_error(404)
        return None

    def _send(self, status: int, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


_PAGE_STYLE = """<style>body{font-family:"BIZ UDPGothic","Yu Gothic",Meiryo,"Noto Sans CJK JP",sans-serif;margin:2rem;
max-width:60rem;line-height:1.6;color:#1d2733}h1.fault{color:#a3231b}pre{white-space:pre-wrap;background:#fdf3f2;
border:1px solid #a3231b;padding:1rem;font-size:.95rem}</style>"""


def fault_page(fault: str, version: int) -> str:
    return f"""<!doctype html><html lang="ja"><head><meta charset="utf-8">
<title>データに問題があります / The data has a problem</title>
{_PAGE_STYLE}</head><body>
<h1 class="fault">データに問題があるため、プレビューを更新できません</h1>
<p>下の内容を直して保存すると、このページは自動で元に戻ります。</p>
<p lang="en">The preview cannot be updated because of the problem below. Fix it and save the file: this page
comes back by itself.</p>
<pre>{html.escape(fault)}</pre>
{reload_script(version)}</body></html>"""


def preparing_page() -> str:
    return f"""<!doctype html><html lang="ja"><head><meta charset="utf-8">
<title>プレビューを準備しています / Preparing the preview</title>
{_PAGE_STYLE}</head><body>
<h1>プレビューを準備しています</h1>
<p>ハンドブックを作っています（10秒ほど）。できあがると、このページは自動で開き直します。</p>
<p lang="en">The handbook is being built (about ten seconds). This page opens again by itself when it is ready.</p>
{reload_script(0)}</body></html>"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--addr", default=os.environ.get("HANDBOOK_ADDR", "127.0.0.1:8000"), help="host:port")
    arguments = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for noisy in ("mkdocs", "mkdocs_static_i18n", "mkdocs_macros", "mkdocs.plugins"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    host, _, port = arguments.addr.rpartition(":")
    # The site's address is the preview's, as `mkdocs serve` makes it: the changes page offers its feed there.
    os.environ["HANDBOOK_SITE_URL"] = f"http://{host or '127.0.0.1'}:{port}/"
    site_dir = Path(tempfile.mkdtemp(prefix="handbook-preview-"))  # removed when the preview stops
    # stopped by a process manager (or a test) rather than Ctrl+C: stop the same way, removing the folder
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    preview = Preview(site_dir)
    handler = functools.partial(type("PreviewHandler", (Handler,), {"preview": preview}), directory=str(site_dir))
    server = http.server.ThreadingHTTPServer((host or "127.0.0.1", int(port)), handler)
    threading.Thread(target=server.serve_forever, name="preview-server", daemon=True).start()
    log.info(
        "Preview at http://%s/ (日本語) and http://%s/en/ (English); Ctrl+C to stop.", arguments.addr, arguments.addr
    )
    try:
        preview.watch()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second stop must not cut the clean-up short
        server.shutdown()
        preview.indexer.stop()  # a search index being written would refill the folder
        shutil.rmtree(site_dir, ignore_errors=True)


if __name__ == "__main__":
    main()
