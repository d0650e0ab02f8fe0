"""List the Japanese texts of the data that do not stand in the source text (policy_data/source/policy.txt):
a typing mistake, or wording the policy does not have. Compared after NFKC, whitespace removed.

Usage:
  python scripts/fidelity_report.py           the list (exit status 0: it is only a report)
  python scripts/fidelity_report.py --check   the same, exit status 1 when any text is listed

When the city publishes a revised policy, replace policy_data/source/policy.txt with the revised text: the
list then compares the data with it.
"""

import argparse
import sys
from pathlib import Path

from handbook.data import DATA_DIR, read_documents
from handbook.errors import field_name
from handbook.fidelity import EDITORIAL_KEYS, normalise, source_text
from handbook.yaml_source import text_mappings

# The data leaves out the bullet that starts a line of the source (○ ● □ ・ ▶ ※ 〇); source_text drops footnote marks.
_LEADING_MARKS = "○●□・▶※〇"


def not_in_source(data_dir: Path) -> list[tuple[str, int | None, str, str]]:
    """(file, line, field, text) of every Japanese text that does not stand in the source."""
    source = source_text()
    documents, _ = read_documents(data_dir)
    missing = []
    for name, document in sorted(documents.items()):
        if name == "terminology.yml":
            continue
        for path, mapping in text_mappings(document.data):
            if EDITORIAL_KEYS.intersection(str(part) for part in path):
                continue
            text = mapping["ja"]
            if normalise(text).lstrip(_LEADING_MARKS) not in source:
                missing.append((f"policy_data/{name}", document.line(path + ("ja",)), field_name(path + ("ja",)), text))
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit with status 1 when a text is listed")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    missing = not_in_source(arguments.data_dir)
    if not missing:
        print("原典との照合：日本語の文はすべて原典にあります。")
        print("Against the source: every Japanese text stands in the source.")
        return 0
    print(
        f"原典との照合：{len(missing)} 件の日本語の文が原典に見つかりません。 / "
        f"Against the source: {len(missing)} Japanese text{'s' if len(missing) != 1 else ''} not found in the source."
    )
    for file, line, field, text in missing:
        print(f"- {file} {line}行目 / line {line}, {field}\n    {text}")
    return 1 if arguments.check else 0


if __name__ == "__main__":
    sys.exit(main())
