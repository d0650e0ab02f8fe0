#!/usr/bin/env bash
# Create .venv with the pinned packages and the handbook package installed editable (idempotent: it
# reinstalls only when requirements.txt or pyproject.toml changed). Run by serve.sh and test.sh.
# Works offline against the package index pip is configured with: the editable install builds with the
# pinned setuptools already in .venv (no build isolation, nothing else to download).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
installed="$(cat requirements.txt pyproject.toml)"
if [ "$installed" != "$(cat .venv/.requirements.installed 2>/dev/null)" ]; then
  pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
  "${pip[@]}" -r requirements.txt
  "${pip[@]}" --no-deps --no-build-isolation --editable .
  printf '%s' "$installed" > .venv/.requirements.installed
fi
