"""List the texts whose English is missing, new, or older than their Japanese, and the English edits not yet
recorded as reviewed.

Usage:
  .venv/bin/python scripts/translation_report.py           the report (exit status 0: it is only a report)
  .venv/bin/python scripts/translation_report.py --check   the same, exit status 1 when any text is listed
  .venv/bin/python scripts/translation_report.py --update  after reviewing: record every current English as
                                                           reviewed (rewrites policy_data/translations.lock.yml)
  .venv/bin/python scripts/translation_report.py --update policy_data/initiatives/036.yml
                                                           record only the texts of these files as reviewed
"""

import argparse
import sys
from pathlib import Path

from handbook.data import DATA_DIR
from handbook.translations import LOCK_NAME, data_file_names, findings, mark_reviewed, read_lock, read_texts


def _selected(names: list[str], data_dir: Path) -> set[str] | None:
    """File arguments as names relative to policy_data ('initiatives/036.yml'); None for all files."""
    if not names:
        return None
    known = set(data_file_names(data_dir))
    chosen = set()
    for name in names:
        relative = Path(name).as_posix()
        for prefix in (data_dir.as_posix() + "/", "policy_data/", "./policy_data/"):
            if relative.startswith(prefix):
                relative = relative[len(prefix) :]
        if relative not in known:
            raise SystemExit(
                f"'{name}' is not a data file. Give paths such as policy_data/meta.yml or "
                f"policy_data/initiatives/036.yml."
            )
        chosen.add(relative)
    return chosen


def report(data_dir: Path, files: set[str] | None) -> int:
    texts, unreadable = read_texts(data_dir)
    if files is not None:
        texts = [text for text in texts if text.file in files]
    listed = findings(texts, read_lock(data_dir))
    for message in unreadable:
        print(
            "Cannot read a data file, so its texts are not in this report "
            f"(run .venv/bin/python scripts/validate.py):\n  {message}\n"
        )
    if not listed:
        print(
            f"Translation report: every English text has been reviewed against its current Japanese "
            f"({len(texts)} texts)."
        )
        return len(unreadable)
    counts = {s: sum(1 for f in listed if f.status == s) for s in ("changed", "new", "missing", "edited")}
    print(
        f"Translation report: {len(listed)} of {len(texts)} texts "
        f"need{'s' if len(listed) == 1 else ''} an English review "
        f"({counts['changed']} with changed Japanese, {counts['new']} new, {counts['missing']} without English, "
        f"{counts['edited']} with edited English)."
    )
    current_file = None
    for finding in listed:
        text = finding.text
        if text.file != current_file:
            current_file = text.file
            print(f"\npolicy_data/{text.file}")
        print(f"  line {text.line}, field '{text.field}': {finding.explain()}")
        print(f"      ja: {text.ja}")
        print(f"      en: {text.en if text.has_english else '(missing)'}")
    files = " ".join(sorted({f"policy_data/{f.text.file}" for f in listed}))
    print(
        "\nWhen the English of every listed text is right, record the review with:\n"
        f"  .venv/bin/python scripts/translation_report.py --update {files}"
    )
    return len(listed) + len(unreadable)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", help="only these data files (default: all)")
    parser.add_argument("--check", action="store_true", help="exit with status 1 when any text is listed")
    parser.add_argument(
        "--update",
        "--mark-reviewed",
        action="store_true",
        help=f"record the current texts as reviewed in policy_data/{LOCK_NAME}",
    )
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args()
    files = _selected(args.files, args.data_dir)
    if args.update:
        try:
            count = mark_reviewed(args.data_dir, files)
        except ValueError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"Recorded the review: policy_data/{LOCK_NAME} now holds {count} texts.")
        return 0
    problems = report(args.data_dir, files)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the output was piped into `head` or `less` and closed early
        sys.exit(0)
