#!/usr/bin/env bash
# Speech-to-text benchmark: WER on bench/stt-sentences.txt in 3 voices, batch RTF of pocketsphinx and sphinx4,
# 4 concurrent transcriptions, streaming partial latency. Needs libpocketsphinx3 + pocketsphinx-en-us (and flite for
# the third voice). Usage: bench/stt.sh. Prints a Markdown report (paste it into docs/benchmarks.md).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/timbre" build >/dev/null
JAVA=java
for d in /usr/lib/jvm/*/; do [ -x "$d/bin/java" ] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && JAVA="$d/bin/java"; done
JAR=$(ls "$ROOT"/timbre-server/target/timbre-server-*.jar | grep -v tests | head -1)
export OPT_OUT_TRACKING=true
exec "$JAVA" --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" \
  -cp "$JAR:$ROOT/timbre-server/target/lib/*" "$ROOT/bench/SttBench.java" "$ROOT" 2>/dev/null
