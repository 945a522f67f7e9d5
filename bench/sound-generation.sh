#!/usr/bin/env bash
# Sound generation benchmark: real-time factor per effect of the embedded procedural generator, loop seam continuity
# against a plain cut, length exactness. Usage: bench/sound-generation.sh. Prints Markdown (docs/benchmarks.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec "$JAVA" --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$CP" "$ROOT/bench/SoundGenerationBench.java" "$ROOT" 2>/dev/null
