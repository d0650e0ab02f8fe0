"""Check the policy data: every file against its schema, then the references between files, then the
translation rules (every term of terminology.yml translated as it lists, English punctuation, era years).

Usage: .venv/bin/python scripts/validate.py
Exit status 0 when the data can be published; 1 with one message per fault (file, line, field, how to fix).
A fault of the translation rules does not stop a build or the preview, only this check (and so the pull
request's check).
"""

import argparse
import sys
from pathlib import Path

from handbook.data import DATA_DIR, build_policy, validate
from handbook.errors import PolicyDataError, Words, fault_list
from handbook.terminology import terminology_faults


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)
    args = parser.parse_args()
    try:
        documents = validate(args.data_dir)
    except PolicyDataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    policy = build_policy(documents)
    terminology = terminology_faults(documents)
    if terminology:
        count = len(terminology)
        head = Words(
            f"英語の訳し方に {count} 件の問題があります（サイトは作れますが、プルリクエストのチェックは通りません）。",
            f"The English breaks the translation rules in {count} place{'s' if count != 1 else ''} "
            "(the site builds, but the pull request's check fails).",
        )
        print(fault_list(head, terminology), file=sys.stderr)
        return 1
    items = sum(len(rank.table.items) for rank in policy.ranks)
    print(
        f"データに問題はありません：職位 {len(policy.ranks)}（標準職務遂行能力 計 {items} 項目）、"
        f"志向 {len(policy.orientations)}、鍵となる人材 {len(policy.talents)}、取組 {len(policy.initiatives)}、"
        f"用語 {len(policy.glossary)}。"
    )
    print(
        f"The policy data is valid: {len(policy.ranks)} ranks ({items} competency items in all), "
        f"{len(policy.orientations)} orientations, {len(policy.talents)} key talents, "
        f"{len(policy.initiatives)} initiatives, {len(policy.glossary)} glossary terms."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
