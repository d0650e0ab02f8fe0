"""Compare a revised policy with the current source text (policy_data/source/policy.txt), sentence by sentence:
every sentence changed, added or removed, where it stands (section, rank, initiative; line of each text) and the
data file, line and field that hold it, or "not in the data yet" for added text. Japanese first.

Usage:
  pdftotext -enc UTF-8 revised.pdf revised.txt     (the revised policy's text, from its PDF)
  .venv/bin/python scripts/revision_report.py revised.txt
  .venv/bin/python scripts/revision_report.py revised.txt --old current.txt
      (compare with the current PDF's text extracted the same way, when policy.txt was made another way)

Edit the data as listed, then replace policy_data/source/policy.txt with the revised text and run
scripts/fidelity_report.py: it lists whatever still does not stand at its place (CONTRIBUTING.md, 方針が改定されたとき).
Exit status 0: it is only a report.
"""

import argparse
import sys
from pathlib import Path

from handbook.data import DATA_DIR, read_documents
from handbook.fidelity import source_path
from handbook.revision import KIND_WORDS, compare
from handbook.source_map import Source


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("new_source", type=Path, help="the revised policy's text")
    parser.add_argument(
        "--old",
        type=Path,
        help="the current policy's text extracted the same way as the new one (default: policy_data/source/policy.txt)",
    )
    parser.add_argument("--data-dir", type=Path, default=DATA_DIR, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    documents, faults = read_documents(arguments.data_dir)
    if faults:
        print("データに誤りがあります。先に validate.py で直してください。 / Fix the data first (validate.py).")
        return 1
    current = arguments.old or source_path(arguments.data_dir)
    old = Source.read(current).locate(documents)
    new = Source.read(arguments.new_source).locate(documents)
    changes = compare(old, new, documents)
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in KIND_WORDS}
    print(
        f"改定の比較：{current.name} と {arguments.new_source.name} の違いは、変更 {counts['changed']} 件、"
        f"追加 {counts['added']} 件、削除 {counts['removed']} 件です。 / Revision: {counts['changed']} changed, "
        f"{counts['added']} added and {counts['removed']} removed sentences."
    )
    for place in new.missing:
        print(
            f"注意：新しい原典に{place.ja}が見つかりません（名前が変わった可能性）。そこの文の場所は大まかです。"
            f" / Note: {place.en} was not found in the new source (renamed?): places there are approximate."
        )
    for change in changes:
        kind = KIND_WORDS[change.kind]
        where = change.old or change.new
        lines_ja = " → ".join(
            filter(None, [change.old and f"原典 {change.old.line}行目", change.new and f"新 {change.new.line}行目"])
        )
        lines_en = " → ".join(
            filter(None, [change.old and f"line {change.old.line}", change.new and f"new line {change.new.line}"])
        )
        print(f"\n{kind.ja} / {kind.en}: {where.place.name.ja}（{lines_ja}） / {where.place.name.en} ({lines_en})")
        if change.old:
            print(f"  旧 / old: {change.old.text}")
        if change.new:
            print(f"  新 / new: {change.new.text}")
        if change.data:
            note = "（原典のほかの場所の文） / (at another place)" if change.elsewhere else ""
            said = "データにあります / already in the data" if change.kind == "added" else "直すデータ / data to edit"
            print(f"  {said}{note}:")
            for text in change.data:
                print(f"    {text.file} {text.line}行目 / line {text.line}, {text.field}")
        elif change.kind == "added":
            print("  データ / data: まだデータにありません / not in the data yet")
        else:
            print("  データ / data: この文を写したデータは見つかりません / no data text holds this sentence")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.exit(0)
