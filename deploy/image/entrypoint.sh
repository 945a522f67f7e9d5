#!/usr/bin/env bash
# The image's entry point: the server from the jar beside this script, as ./timbre serve runs it (ZGC, offline DJL),
# data in $TIMBRE_DATA (default /var/lib/timbre), port $TIMBRE_PORT (default 8080). Extra arguments go to the server.
set -euo pipefail
APP="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export OPT_OUT_TRACKING=true
exec java -XX:+UseZGC ${JAVA_OPTS:-} -Dai.djl.offline=true --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED \
  -cp "$APP/timbre-server.jar:$APP/lib/*" dev.timbre.Main serve \
  --port "${TIMBRE_PORT:-8080}" --data "${TIMBRE_DATA:-/var/lib/timbre}" "$@"
