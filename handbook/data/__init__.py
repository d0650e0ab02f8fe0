"""The policy data: list and read policy_data/ (read.py, schema_check.py), check what no schema can
(checks/), and build the typed model (build_model.py, with build_ranks.py and build_prose.py).

`load_policy` is the one way in: it either returns a complete Policy or raises PolicyDataError with every
fault found, each naming file, line and field. The rest of the handbook, the scripts and the adapters import
from `handbook.data`.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import PolicyDataError
from ..model import Policy
from ..yaml_source import YamlDocument
from .build_model import build_policy
from .checks import cross_check
from .read import DATA_DIR, REPOSITORY, SINGLE_FILES, data_files, read_documents

__all__ = [
    "DATA_DIR",
    "REPOSITORY",
    "SINGLE_FILES",
    "build_policy",
    "data_files",
    "load_policy",
    "read_documents",
    "validate",
]


def validate(data_dir: Path = DATA_DIR) -> dict[str, YamlDocument]:
    """Every data file, read and checked (schemas, then across the files); raises PolicyDataError."""
    documents, faults = read_documents(data_dir)
    if not faults:
        faults = cross_check(documents)
    if faults:
        raise PolicyDataError(faults)
    return documents


_cache: dict[Path, tuple[tuple, Policy]] = {}


def _fingerprint(data_dir: Path) -> tuple:
    return tuple(
        (p.as_posix(), p.stat().st_mtime_ns, p.stat().st_size)
        for p in sorted(data_dir.rglob("*"))
        if p.is_file() and "source" not in p.parts
    )


def load_policy(data_dir: Path = DATA_DIR) -> Policy:
    """The validated model; read again only when a file under data_dir changed (each language build and
    each `mkdocs serve` rebuild asks for it)."""
    data_dir = Path(os.path.abspath(data_dir))
    key = _fingerprint(data_dir)
    cached = _cache.get(data_dir)
    if cached and cached[0] == key:
        return cached[1]
    policy = build_policy(validate(data_dir))
    _cache[data_dir] = (key, policy)
    return policy
