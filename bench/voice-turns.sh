#!/usr/bin/env bash
# Voice turn latency: a mock OpenAI-compatible LLM (configurable first-token delay) in the bench JVM, a Timbre server
# with its real engines (MaryTTS, pocketsphinx, Silero VAD) in its own JVM using it, N concurrent voice conversations
# over /v1/convai/conversation streaming pre-made TTS utterances (half of them with a 300–500 ms pause inside, in three
# voices: server TTS, espeak-ng, flite) in 20 ms user_audio_chunks at real-time pace; the time from the chunk holding
# the last voiced sample to the reply's first audio event (p50/p95), early replies (audio before the utterance ended)
# and turns ended mid-utterance, and the server's stage breakdown (timbre_agent_voice_latency_seconds{stage}).
# Usage: bench/voice-turns.sh [turns=10 [levels=1,8 [first-token-delays-ms=0,300 [turn-eagerness=normal|eager|patient [speculative_turn=false|true]]]]]
# Prints a Markdown report (paste it into docs/benchmarks.md). Needs Java 22+ (multi-file source launch).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$JAVA" -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])' || { echo "voice-turns.sh needs a JDK 22+ under /usr/lib/jvm" >&2; exit 1; }
exec "$JAVA" -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$CP" \
  "$ROOT/bench/agent-turns/VoiceTurns.java" "$@"
