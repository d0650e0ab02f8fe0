#!/usr/bin/env bash
# Build and serve the handbook at http://127.0.0.1:8000/ (Japanese) and /en/ (English).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/mkdocs serve --dev-addr "${HANDBOOK_ADDR:-127.0.0.1:8000}" "$@"
