#!/usr/bin/env bash
# Regenerates the page images of the demo plan's documents under docs/, so anyone can see
# the documents without running anything. Needs poppler-utils (pdftoppm).
#   scripts/render-doc-images.sh [PLAN.json]
# To add a document: one `pages KIND FOLDER` line at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
plan="${1:-examples/adminduk-keliling-lansia.json}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# pages KIND FOLDER: renders KIND as PDF and writes FOLDER/page-N.png at 60 dpi.
pages() {
  local kind="$1" folder="$2"
  npx tsx src/cli/main.ts render "$kind" "$plan" -o "$tmp/$kind.pdf" >/dev/null
  mkdir -p "$folder"
  rm -f "$folder"/page-*.png
  pdftoppm -r 60 -png "$tmp/$kind.pdf" "$folder/page"
  echo "$folder: $(ls "$folder"/page-*.png | wc -l) page(s)"
}

pages sk docs/sk
pages aksi-perubahan docs/aksi-perubahan

# The plan book is long: its first six pages and the Gantt chart page(s), at 50 dpi.
plan_book_pages() {
  local folder=docs/plan-book
  npx tsx src/cli/main.ts render plan "$plan" -o "$tmp/plan.pdf" >/dev/null
  mkdir -p "$folder"
  rm -f "$folder"/page-*.png
  pdftoppm -r 50 -png -f 1 -l 6 "$tmp/plan.pdf" "$folder/page"
  local count i
  count="$(pdfinfo "$tmp/plan.pdf" | awk '/^Pages:/ {print $2}')"
  for ((i = 7; i <= count; i++)); do
    if pdftotext -f "$i" -l "$i" "$tmp/plan.pdf" - | grep -q "Bagan Gantt"; then
      pdftoppm -r 50 -png -f "$i" -l "$i" "$tmp/plan.pdf" "$folder/page"
    fi
  done
  echo "$folder: $(ls "$folder"/page-*.png | wc -l) page(s)"
}
plan_book_pages
