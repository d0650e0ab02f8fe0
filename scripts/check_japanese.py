"""List the Japanese strings of YAML files that do not stand verbatim in the source text.

Usage: python scripts/check_japanese.py policy_data/ranks.yml [more files]
"""
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from handbook.fidelity import japanese_strings, normalise, source_text  # noqa: E402


def main(paths: list[str]) -> int:
    source = source_text()
    bad = 0
    total = 0
    for name in paths:
        data = yaml.safe_load(Path(name).read_text(encoding="utf-8"))
        for path, text in japanese_strings(data):
            total += 1
            if normalise(text) not in source:
                bad += 1
                print(f"{name}: {'.'.join(map(str, path))}: not in source: {text}")
    print(f"{total - bad}/{total} Japanese strings stand in the source")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
