#!/usr/bin/env bash
# Agent conversation per-turn overhead: a mock OpenAI-compatible LLM (fixed first-token delay) in the bench JVM, a
# Timbre server in its own JVM using it, N concurrent text conversations over /v1/convai/conversation sending
# user_message turns; Timbre's own overhead per turn (p50/p95) and live heap per open conversation.
# Usage: bench/agent-turns.sh [turns=10 [levels=1,10,50 [first-token-delay-ms=300 [idle-conversations=50]]]]
# Prints a Markdown report (paste it into docs/benchmarks.md). Needs Java 22+ (multi-file source launch).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
"$JAVA" -version 2>&1 | grep -qE 'version "(2[2-9]|[3-9][0-9])' || { echo "agent-turns.sh needs a JDK 22+ under /usr/lib/jvm" >&2; exit 1; }
exec "$JAVA" -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" -cp "$CP" \
  "$ROOT/bench/agent-turns/AgentTurns.java" "$@"
