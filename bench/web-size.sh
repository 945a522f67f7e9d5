#!/usr/bin/env bash
# The JavaScript the web app and the widget ship: each built file's size, raw and gzipped (gzip -9, what a server or
# proxy compressing the response sends), and the total the first page loads (index.html's script and CSS).
#   bench/web-size.sh     builds web/ if needed (web/build.sh) and prints a table
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(mktemp -d)"; trap 'rm -rf "$OUT"' EXIT
"$ROOT/web/build.sh" "$OUT/dist" >/dev/null 2>&1
cd "$OUT/dist"
gz() { gzip -9 -c "$1" | wc -c; }
printf '%-44s %10s %10s\n' file "KB" "KB gzip"
for f in $(ls assets/*.js assets/*.css convai-widget-embed.js 2>/dev/null); do
  printf '%-44s %10.1f %10.1f\n' "$f" "$(echo "$(wc -c < "$f")/1024" | bc -l)" "$(echo "$(gz "$f")/1024" | bc -l)"
done
first=0
for f in $(grep -oE '(src|href)="/assets/[^"]+\.(js|css)"' index.html | sed -E 's/.*"\/(assets\/[^"]+)"/\1/'); do first=$((first + $(gz "$f"))); done
all=0; for f in assets/*.js; do all=$((all + $(gz "$f"))); done
printf 'first page (index.html script + css), gzip: %.1f KB\n' "$(echo "$first/1024" | bc -l)"
printf 'all app JavaScript, gzip: %.1f KB\n' "$(echo "$all/1024" | bc -l)"
printf 'widget script, gzip: %.1f KB\n' "$(echo "$(gz convai-widget-embed.js)/1024" | bc -l)"
