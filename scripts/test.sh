#!/usr/bin/env bash
# Run every check: ruff (lint and format), data validation, then every test: tests/unit (fast: no build, no
# browser), tests/site (the real site build) and tests/browser (Chromium), in parallel processes
# (pytest-xdist). Arguments go to pytest, e.g. `bash scripts/test.sh tests/unit` or `bash scripts/test.sh -n 0`.
# Installs what it needs: the virtual environment with pinned packages and, when missing and allowed
# (root or sudo), Debian's chromium, fonts-noto-cjk (Japanese glyphs), poppler-utils (pdftotext and pdfinfo, with
# which the print tests read their printouts back), and a Java runtime and npm for the Nu Html Checker and ESLint,
# which npm installs into node_modules/ as package-lock.json pins them (tests/site/test_valid_html.py).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/setup_zensical.sh  # the second generator, for tests/site/test_generators.py

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || missing+=(npm)
# WeasyPrint, which makes the whole handbook's PDFs (tests/site/test_book.py), loads Pango when imported
.venv/bin/python -c "import weasyprint" >/dev/null 2>&1 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
bash scripts/install_debian.sh "the browser, PDF and markup checks" ${missing[@]+"${missing[@]}"}

# ESLint and the Nu Html Checker, again only when package-lock.json changed (npm ci starts node_modules/ afresh);
# the Checker's install script, which fetches a Java runtime, is not run: Debian's is used.
if command -v npm >/dev/null 2>&1 && [ "$(cat package-lock.json)" != "$(cat node_modules/.installed-lock 2>/dev/null)" ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.installed-lock
fi

.venv/bin/ruff check .
.venv/bin/ruff format --check .
node_modules/.bin/eslint --max-warnings 0 overrides/assets  # the site's scripts (eslint.config.js)
.venv/bin/python scripts/validate.py
.venv/bin/python scripts/translation_report.py  # a report: exits 0 whatever it lists, not 0 only when it fails
.venv/bin/python scripts/fidelity_report.py
# One process more than the cores, a test file at a time: the site builds, the PDFs and the browser checks each
# wait on another process for part of their time, and the third worker fills those gaps (on this 2-core machine:
# 2 min 38 s with three, 3 min 1 s with two, 2 min 59 s with four). `-n 0` runs everything in one process.
exec .venv/bin/python -m pytest -n "$(($(nproc) + 1))" --dist loadfile "$@"
