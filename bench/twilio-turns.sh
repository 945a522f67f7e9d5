#!/usr/bin/env bash
# Phone turn latency over Twilio Media Streams (issue 17): the same voice agent and utterances over the conversation
# WebSocket and over a Twilio call (signed voice webhook, then the Media Stream, μ-law 8 kHz, played by the bench as
# Twilio would), alternating turn by turn on one Timbre server with its real engines and a mock LLM. Prints a
# Markdown table (paste into docs/benchmarks.md). Usage: bench/twilio-turns.sh [turns per path=20]. Needs a JDK 22+.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$JAVA" -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])' || { echo "twilio-turns.sh needs a JDK 22+ under /usr/lib/jvm" >&2; exit 1; }
exec "$JAVA" -Dbench.root="$ROOT" -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$CP" \
  "$ROOT/bench/agent-turns/TwilioTurns.java" "$@"
