"""The new site is written beside the old one and replaces it only once complete: a failed build leaves the
previous site as it was, never half-written."""

from __future__ import annotations

import shutil
from pathlib import Path


class SiteSwap:
    def __init__(self, final: Path):
        self.final = Path(final).resolve()
        self.staging = self.final.with_name(self.final.name + ".building")
        shutil.rmtree(self.staging, ignore_errors=True)

    def commit(self) -> Path:
        """Put the finished staging folder in the final one's place (two renames: no moment without a site)."""
        old = self.final.with_name(self.final.name + ".previous")
        shutil.rmtree(old, ignore_errors=True)
        if self.final.exists():
            self.final.rename(old)
        self.staging.rename(self.final)
        shutil.rmtree(old, ignore_errors=True)
        return self.final

    def abandon(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
