#!/usr/bin/env bash
# Create .venv-zensical with the pinned Zensical of requirements-zensical.txt (idempotent: it reinstalls only when
# that file changed). Zensical lives apart from .venv: it pins its own versions of shared packages, and the
# handbook's steps run in .venv, calling the `zensical` command of this one.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON="${PYTHON:-python3}"
if [ ! -x .venv-zensical/bin/python ]; then
  "$PYTHON" -m venv .venv-zensical
fi
if ! cmp -s requirements-zensical.txt .venv-zensical/.requirements.installed; then
  .venv-zensical/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
  cp requirements-zensical.txt .venv-zensical/.requirements.installed
fi
