#!/usr/bin/env bash
# Build and serve the handbook at http://127.0.0.1:8000/ (Japanese) and /en/ (English), and keep it up to
# date while policy_data/ is edited (scripts/preview.py: an edited page is served again in about a second;
# a fault in the data is shown in the browser until it is fixed). HANDBOOK_ADDR=host:port to change the address.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python scripts/preview.py "$@"
