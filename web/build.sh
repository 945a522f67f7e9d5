#!/usr/bin/env bash
# Builds the web app and widget (npm ci when node_modules is missing or older than the lockfile, then vite build
# when a source is newer than the last build) and copies dist/ to $1 (the server's class path, target/classes/webapp).
#   web/build.sh OUT_DIR        run by Maven (timbre-server, generate-resources); -Dtimbre.web.skip=true skips it
# Needs node ≥ 20.19 and npm; the npm registry only when node_modules must be (re)installed.
set -euo pipefail
WEB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="${1:?usage: web/build.sh OUT_DIR}"
cd "$WEB"
command -v node >/dev/null || { echo "web/build.sh: node is required to build the web app (apt-get install nodejs npm)" >&2; exit 1; }
stamp="node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ ! -x node_modules/.bin/vite ]; then
  echo "web: npm ci" >&2
  npm ci --no-audit --no-fund >&2
fi
built="dist/index.html"
if [ ! -f "$built" ] || [ -n "$(find src index.html vite.config.js vite.widget.config.js package-lock.json -newer "$built" -print -quit 2>/dev/null)" ]; then
  echo "web: vite build" >&2
  npm run --silent build >&2
  touch "$built"
fi
rm -rf "$OUT"
mkdir -p "$OUT"
cp -R dist/. "$OUT/"
