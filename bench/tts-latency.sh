#!/usr/bin/env bash
# Text-to-speech latency benchmark: bare MaryTTS time to first chunk, server time to first byte on /stream
# (pcm_16000, mp3_44100_128) at 1/4/16/32 concurrent streams, real-time factor. Usage: bench/tts-latency.sh [rounds=8 [formats [levels]]]
# Prints a Markdown report (paste it into docs/benchmarks.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec "$JAVA" -Dai.djl.offline=true -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$CP" \
  "$ROOT/bench/TtsLatency.java" "$@" 2>/dev/null
