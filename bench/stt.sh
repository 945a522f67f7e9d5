#!/usr/bin/env bash
# Speech-to-text benchmark: WER on bench/stt-sentences.txt in 3 voices, batch RTF of pocketsphinx and sphinx4,
# 4 concurrent transcriptions, streaming partial latency. Needs libpocketsphinx3 + pocketsphinx-en-us (and flite for
# the third voice). Usage: bench/stt.sh. Prints a Markdown report (paste it into docs/benchmarks.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec "$JAVA" --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" \
  -cp "$CP" "$ROOT/bench/SttBench.java" "$ROOT" 2>/dev/null
