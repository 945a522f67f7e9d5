#!/usr/bin/env bash
# Text-to-speech latency benchmark: bare MaryTTS time to first chunk, server time to first byte on /stream
# (pcm_16000, mp3_44100_128) at 1/4/16/32 concurrent streams, real-time factor. Usage: bench/tts-latency.sh [rounds=8 [formats [levels]]]
# Prints a Markdown report (paste it into docs/benchmarks.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/timbre" build >/dev/null
JAVA=java
for d in /usr/lib/jvm/*/; do [ -x "$d/bin/java" ] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && JAVA="$d/bin/java"; done
JAR=$(ls "$ROOT"/timbre-server/target/timbre-server-*.jar | grep -v tests | head -1)
export OPT_OUT_TRACKING=true
exec "$JAVA" -Dai.djl.offline=true -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$JAR:$ROOT/timbre-server/target/lib/*" \
  "$ROOT/bench/TtsLatency.java" "$@" 2>/dev/null
