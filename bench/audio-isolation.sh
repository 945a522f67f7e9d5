#!/usr/bin/env bash
# Audio isolation benchmark: the embedded noise suppressor on flite and MaryTTS speech in white noise, babble and
# music at 0/5/10 dB SNR: SNR improvement, pocketsphinx WER noisy vs denoised, real-time factor. Needs flite and
# libpocketsphinx3 + pocketsphinx-en-us. Usage: bench/audio-isolation.sh. Prints Markdown (docs/benchmarks.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
exec "$JAVA" --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" \
  -cp "$CP" "$ROOT/bench/AudioIsolationBench.java" "$ROOT" 2>/dev/null
