#!/usr/bin/env bash
# Remote TTS provider overhead: time to first byte of a fake OpenAI-style speech server directly vs through Timbre's
# openai provider. Usage: bench/remote-tts-latency.sh [rounds=200 [fake first-byte delay ms=0]]
# Prints a Markdown report (paste it into docs/benchmarks.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec "$JAVA" -Dai.djl.offline=true -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$CP" \
  "$ROOT/bench/RemoteTtsLatency.java" "$@" 2>/dev/null
