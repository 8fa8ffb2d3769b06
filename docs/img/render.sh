#!/usr/bin/env bash
# Regenerates the README's chart images: runs the trade_talks and
# lunar_new_year examples with the `plot` feature (they write SVG charts to
# target/charts/) and converts three of them to PNG with rsvg-convert (Debian's librsvg2-bin, installed if missing).
# The text is set in the machine's sans-serif font (DejaVu Sans on Debian).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v rsvg-convert > /dev/null; then
  apt-get update -qq && apt-get install -y -qq librsvg2-bin
fi
cargo run --quiet --features plot --example trade_talks > /dev/null
cargo run --quiet --features plot --example lunar_new_year > /dev/null
for name in imports_yoy gdp_recessions imports_lunar_new_year; do
  rsvg-convert -o "docs/img/$name.png" "target/charts/$name.svg"
done
