#!/usr/bin/env bash
# Voice changer benchmark: 10 sentences of bench/stt-sentences.txt spoken by flite's rms, slt and awb voices (voices
# Timbre did not make), converted to a MaryTTS voice through POST /v1/speech-to-speech on an in-process server
# (marytts + pocketsphinx). Reports the round-trip WER of the converted audio against the source's own WER, the mean
# absolute word-start difference, the output's median pitch against the target voice's (its TTS of the same text),
# and the real-time factor. Needs flite and pocketsphinx. Usage: bench/speech-to-speech.sh (about 1 min).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec "$JAVA" --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" \
  -cp "$CP" "$ROOT/bench/SpeechToSpeechBench.java" "$ROOT" 2>/dev/null
