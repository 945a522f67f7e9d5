#!/usr/bin/env bash
# Dubbing benchmark: a 60 s two-speaker English video (flite + espeak-ng voices) dubbed into Spanish in process
# (recogniser, Apertium, espeak-ng): wall time, stage breakdown, speakers found, segments fitted without overrun,
# source-side WER. Needs espeak-ng, flite, ffmpeg, apertium-eng-spa (+ pocketsphinx for the better recogniser).
# Usage: bench/dubbing.sh. Prints Markdown rows (docs/benchmarks.md, "Dubbing").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec "$JAVA" --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" \
  -cp "$CP" "$ROOT/bench/DubbingBench.java" "$ROOT" 2>/dev/null
