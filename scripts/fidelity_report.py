"""List the Japanese texts and the figures of the data that do not stand at their place in the source text
(policy_data/source/policy.txt): a typing mistake, wording the policy does not have, or wording the policy has
elsewhere but no longer here (a revision that changed one rank's table only). Compared after NFKC, whitespace
removed; each text at its place: a competency table's item in the table of every rank that prints it, an
initiative's text in that initiative's block, a section's text in that section (handbook/source_map.py).

Usage:
  .venv/bin/python scripts/fidelity_report.py           the list (exit status 0: it is only a report)
  .venv/bin/python scripts/fidelity_report.py --check   the same, exit status 1 when anything is listed

When the city publishes a revised policy, compare it first with scripts/revision_report.py, then replace
policy_data/source/policy.txt with the revised text: the list then compares the data with it.
"""

import argparse
import sys
from pathlib import Path

from handbook.data import DATA_DIR, read_documents
from handbook.fidelity import check_places, source_path
from handbook.source_map import Source


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit with status 1 when anything is listed")
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)
    parser.add_argument("--source", type=Path, help="another source text (default: policy_data/source/policy.txt)")
    arguments = parser.parse_args()
    documents, _ = read_documents(arguments.data_dir)
    source = Source.read(arguments.source or source_path(arguments.data_dir)).locate(documents)
    findings = check_places(documents, source)
    for place in source.missing:
        print(
            f"注意：原典に{place.ja}が見つからないため、そこにあるはずの文は原典全体と照合しました。"
            f" / Note: {place.en} was not found in the source, so its texts were looked for in the whole source."
        )
    if not findings:
        print("原典との照合：日本語の文と数値は、すべて原典のその場所にあります。")
        print("Against the source: every Japanese text and figure stands at its place in the source.")
        return 0
    count = len(findings)
    print(
        f"原典との照合：{count} 件の日本語の文・数値が、原典のその場所にありません。 / "
        f"Against the source: {count} Japanese text{'s' if count != 1 else ''} or figures not at their place "
        "in the source."
    )
    for finding in findings:
        print(f"- {finding.file} {finding.line}行目 / line {finding.line}, {finding.field}")
        print(f"    {finding.said_in('ja')} / {finding.said_in('en')}")
        print(f"    {finding.text}")
    return 1 if arguments.check else 0


if __name__ == "__main__":
    sys.exit(main())
