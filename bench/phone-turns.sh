#!/usr/bin/env bash
# Phone turn latency (issue 17): the same voice agent and utterances over the conversation WebSocket, over SIP (SIPp
# signalling with bench/sip/uac-bench.xml, RTP PCMU 8 kHz sent and stamped by the bench) and over Twilio (the signed
# voice webhook, then a Media Stream played as Twilio would), turn by turn in rotation on one Timbre server with its
# real engines and a mock LLM. Prints Markdown tables (paste into docs/benchmarks.md).
# Usage: bench/phone-turns.sh [turns per path=20]. Needs sipp (Debian sip-tester) and a JDK 22+.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
command -v sipp >/dev/null || { echo "phone-turns.sh needs sipp (apt-get install sip-tester)" >&2; exit 1; }
"$JAVA" -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])' || { echo "phone-turns.sh needs a JDK 22+ under /usr/lib/jvm" >&2; exit 1; }
exec "$JAVA" -XX:+UseZGC -Dbench.root="$ROOT" -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$CP" \
  "$ROOT/bench/agent-turns/PhoneTurns.java" "$@"
