#!/usr/bin/env bash
# The whole handbook as one PDF per language: writes OUT_DIR/handbook-ja.pdf and OUT_DIR/handbook-en.pdf
# (A4, tagged, with contents and bookmarks) from the current checkout (handbook/book.py).
#
#   bash scripts/build_pdf.sh OUT_DIR [SITE_DIR]
#
# SITE_DIR: a site already built from this checkout (`mkdocs build`) to take the pages from; without it the
# site is built first into a temporary folder. To publish the PDFs with the site, build the site after them
# with HANDBOOK_PDF_DIR=OUT_DIR: it copies them into site/downloads/ and links them, with their size, where
# pages offer printing and downloads (.github/workflows/deploy.yml does so).
# Installs what it needs the first time: the virtual environment with the pinned packages (WeasyPrint) and,
# when missing and allowed (root or sudo), Debian's fonts-noto-cjk (Japanese glyphs) and Pango (WeasyPrint
# sets text with it).
set -euo pipefail
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: bash scripts/build_pdf.sh OUT_DIR [SITE_DIR]" >&2
  exit 2
fi
out="$(mkdir -p "$1" && cd "$1" && pwd)"
site="${2:+$(cd "$2" && pwd)}"
cd "$(dirname "$0")/.."
bash scripts/setup.sh

missing=()
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
# WeasyPrint loads Pango when imported
.venv/bin/python -c "import weasyprint" >/dev/null 2>&1 || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
bash scripts/install_debian.sh "the PDFs" ${missing[@]+"${missing[@]}"}

if [ -z "$site" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  site="$work/site"
  echo "Building the site into $site ..."
  # the PDFs are made from the site's pages; a site built for them links no PDF
  HANDBOOK_PDF_DIR="" NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet --site-dir "$site"
fi
.venv/bin/python -m handbook.book "$site" "$out" --data policy_data
