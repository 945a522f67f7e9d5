#!/usr/bin/env bash
# Studio (bench/StudioBench.java): a generated 20-page document converted as a Studio project on MaryTTS (or
# TIMBRE_TTS_ENGINE), in process: wall time, audio length, real-time factor. Usage: bench/studio.sh [pages=20 [words/page=300]]
# Prints a Markdown table (paste it into docs/benchmarks.md). Takes a few minutes on two cores.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec "$JAVA" -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$CP" "$ROOT/bench/StudioBench.java" "$@"
