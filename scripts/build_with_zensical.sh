#!/usr/bin/env bash
# Build the whole handbook of this checkout with Zensical instead of MkDocs, into OUT_DIR (replaced only once
# the new site is complete): the handbook's own steps (handbook/build/zensical.py) around one `zensical build`
# per language. Creates .venv and .venv-zensical the first time.
#   bash scripts/build_with_zensical.sh OUT_DIR
set -euo pipefail
if [ $# -ne 1 ]; then
  echo "usage: bash scripts/build_with_zensical.sh OUT_DIR" >&2
  exit 2
fi
out="$(realpath -m "$1")"
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup_zensical.sh
exec .venv/bin/python -m handbook.build.zensical "$out" --zensical "$PWD/.venv-zensical/bin/zensical"
