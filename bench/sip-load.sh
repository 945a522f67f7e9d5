#!/usr/bin/env bash
# Concurrent phone calls held (issue 17): N SIP calls at once (SIPp signalling, RTP by the bench) to an agent whose
# first message lasts ~6 s; per level: calls answered, calls with clean audio (the greeting arrived, no gap over 60 ms
# between RTP packets), the longest gap. Prints a Markdown table (paste into docs/benchmarks.md).
# The bench JVM runs on ZGC like the server, so that its own GC pauses do not read as gaps in the server's stream.
# Usage: bench/sip-load.sh [levels=10,20,30]. Needs sipp (Debian sip-tester) and a JDK 22+.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
command -v sipp >/dev/null || { echo "sip-load.sh needs sipp (apt-get install sip-tester)" >&2; exit 1; }
"$JAVA" -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])' || { echo "sip-load.sh needs a JDK 22+ under /usr/lib/jvm" >&2; exit 1; }
exec "$JAVA" -XX:+UseZGC -Dbench.root="$ROOT" -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$CP" \
  "$ROOT/bench/agent-turns/PhoneLoad.java" "$@"
