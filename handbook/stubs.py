"""One small Markdown file per generated page, so that the site generator sees a real page source.

Each stub only names the page; its content is rendered from the data in each language. Stubs are
written only when their text changes (so `mkdocs serve` does not rebuild forever) and stale ones are
removed when their entity leaves the data.
"""

from __future__ import annotations

from pathlib import Path

from .model import Policy
from .site import page_specs

MARKER = "<!-- generated from policy_data by the handbook: do not edit, it is rewritten at every build -->"


def stub_text(path: str) -> str:
    return f'{MARKER}\n{{{{ handbook_page("{path}") }}}}\n'


def write_stubs(policy: Policy, docs_dir: Path) -> list[Path]:
    wanted = {spec.path for spec in page_specs(policy)}
    for existing in docs_dir.rglob("*.md"):
        relative = existing.relative_to(docs_dir).as_posix()
        if relative not in wanted and existing.read_text(encoding="utf-8").startswith(MARKER):
            existing.unlink()
    written = []
    for path in sorted(wanted):
        target = docs_dir / path
        text = stub_text(path)
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue
        if target.exists() and not target.read_text(encoding="utf-8").startswith(MARKER):
            raise FileExistsError(
                f"docs/{path} is written by hand, but the handbook generates that page from the data; "
                "remove the hand-written file."
            )
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    return written
