"""Each commit's comparison, cached in .cache/history/<sha>.json: a build reads only the commits it has not seen."""

from __future__ import annotations

import json
import os
from pathlib import Path

from .records import CACHE_VERSION


def cached(cache_dir: Path, sha: str) -> dict | None:
    try:
        record = json.loads((cache_dir / f"{sha}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return record if record.get("version") == CACHE_VERSION else None


def store(cache_dir: Path, sha: str, record: dict) -> None:
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = cache_dir / f".{sha}.{os.getpid()}.tmp"
        temporary.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        temporary.replace(cache_dir / f"{sha}.json")
    except OSError:
        pass  # a read-only checkout: the history is computed again next time
