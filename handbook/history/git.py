"""Reading the repository: git plumbing, whether there is a history to read, and the data files at a commit."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from ..addresses import INITIATIVE_DIR
from ..load import SINGLE_FILES
from ..yaml_source import read_yaml
from .records import DATA


class Git:
    def __init__(self, repository: Path):
        self.repository = repository
        self._batch: subprocess.Popen | None = None

    def run(self, *args: str) -> str:
        result = subprocess.run(
            ["git", "-C", str(self.repository), *args],
            capture_output=True,
            encoding="utf-8",
            errors="replace",
            check=True,
        )
        return result.stdout

    def blob(self, sha: str, path: str) -> bytes | None:
        """A file's content at a commit (git cat-file --batch: one process for every file read)."""
        if self._batch is None:
            self._batch = subprocess.Popen(
                ["git", "-C", str(self.repository), "cat-file", "--batch"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
            )
        self._batch.stdin.write(f"{sha}:{path}\n".encode())
        self._batch.stdin.flush()
        header = self._batch.stdout.readline().decode().split()
        if len(header) != 3:
            return None  # "<name> missing"
        content = self._batch.stdout.read(int(header[2]) + 1)[:-1]
        return content if header[1] == "blob" else None

    def close(self) -> None:
        if self._batch is not None:
            self._batch.stdin.close()
            self._batch.wait()
            self._batch = None


def unavailable(repository: Path) -> str | None:
    """Why the repository has no usable history, or None."""
    if shutil.which("git") is None:
        return "git is not installed"
    try:
        top = subprocess.run(
            ["git", "-C", str(repository), "rev-parse", "--show-toplevel"], capture_output=True, text=True
        )
        if top.returncode != 0 or Path(top.stdout.strip()).resolve() != repository.resolve():
            said = top.stderr.strip().splitlines()[:1]  # e.g. git's "detected dubious ownership"
            return "not a git work tree (e.g. a copy from an archive)" + (f": {said[0]}" if said else "")
        shallow = subprocess.run(
            ["git", "-C", str(repository), "rev-parse", "--is-shallow-repository"], capture_output=True, text=True
        )
        if shallow.stdout.strip() == "true":
            return "a shallow clone (fetch the full history, e.g. actions/checkout with fetch-depth: 0)"
        head = subprocess.run(
            ["git", "-C", str(repository), "rev-parse", "--verify", "-q", "HEAD"], capture_output=True, text=True
        )
        if head.returncode != 0:
            return "the repository has no commits"
    except OSError as error:
        return f"git could not be run ({error})"
    return None


def is_data_file(path: str) -> bool:
    """policy_data/<file>.yml of the data (not schemas, source texts, the README or the translation lock)."""
    relative = path[len(DATA) + 1 :]
    return relative in SINGLE_FILES or (
        relative.startswith(INITIATIVE_DIR + "/") and relative.endswith(".yml") and relative.count("/") == 1
    )


class Reader:
    """Data files of commits, parsed as the build parses them (handbook.yaml_source.read_yaml)."""

    MISSING, UNREADABLE = object(), object()

    def __init__(self, git: Git, scratch: Path):
        self.git, self.scratch = git, scratch
        self._parsed: dict[tuple[str, str], object] = {}

    def read(self, sha: str | None, name: str):
        """The file's data at a commit, MISSING when the file is not there, UNREADABLE when it does not parse."""
        if sha is None:
            return self.MISSING
        key = (sha, name)
        if key not in self._parsed:
            content = self.git.blob(sha, f"{DATA}/{name}")
            value = self.MISSING
            if content is not None:
                file = self.scratch / "file.yml"
                file.write_bytes(content)
                try:
                    document, _ = read_yaml(file, f"{DATA}/{name}")
                    value = document.data if document is not None else self.UNREADABLE
                except Exception:  # an old commit's file that no longer reads: skipped
                    value = self.UNREADABLE
            self._parsed[key] = value
        return self._parsed[key]

    def data(self, sha: str | None, name: str):
        """The file's data, or None when it is missing or does not parse."""
        value = self.read(sha, name)
        return None if value is self.MISSING or value is self.UNREADABLE else value
