#!/usr/bin/env bash
# End-to-end suite: starts a Timbre server and drives it with the official ElevenLabs npm clients (pinned versions).
#   e2e/run.sh                 from anywhere; exits with node's exit code
#   E2E_ENGINE=fake e2e/run.sh use the fast deterministic test engine (TIMBRE_TTS_ENGINE=fake) instead of the default
# Optional: E2E_HEALTH_TIMEOUT (s, default 120, counted once the JVM runs), E2E_BUILD_TIMEOUT (s, default 1200,
# for the launcher's Maven build when the jar is stale), E2E_KEEP=1 keeps the temp dir (data + server.log).
set -uo pipefail

E2E_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$E2E_DIR/.." && pwd)"
HEALTH_TIMEOUT="${E2E_HEALTH_TIMEOUT:-120}"
BUILD_TIMEOUT="${E2E_BUILD_TIMEOUT:-1200}"

command -v node >/dev/null || { echo "e2e: node is required" >&2; exit 1; }

# (a) npm ci when node_modules is missing or older than the lockfile.
stamp="$E2E_DIR/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$E2E_DIR/package-lock.json" -nt "$stamp" ] || [ ! -x "$E2E_DIR/node_modules/.bin/elevenlabs" ]; then
  echo "e2e: npm ci"
  # --include=optional: the CLI's native binary is an optional dependency (@elevenlabs/cli-linux-x64).
  (cd "$E2E_DIR" && npm ci --no-audit --no-fund --include=optional) || { echo "e2e: npm ci failed" >&2; exit 1; }
fi
"$E2E_DIR/node_modules/.bin/elevenlabs" --version >/dev/null 2>&1 \
  || echo "e2e: warning: the elevenlabs CLI binary does not run (platform package missing?); the CLI tests will fail" >&2

# (b) start the server: random key, free port, fresh data dir, log to a file.
TMP="$(mktemp -d "${TMPDIR:-/tmp}/timbre-e2e.XXXXXX")"
DATA="$TMP/data"; LOG="$TMP/server.log"; HOME_DIR="$TMP/home"
mkdir -p "$DATA" "$HOME_DIR"
KEY="sk_e2e_$(node -e 'process.stdout.write(require("crypto").randomBytes(16).toString("hex"))')"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})')"
BASE_URL="http://127.0.0.1:$PORT"
# A port for the MCP server the convai-mcp test starts (server-everything); the server may reach 127.0.0.1 on it only.
MCP_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})')"
# A port for the fake Twilio REST API the convai-twilio test starts; the server's TIMBRE_TWILIO_API_URL points at it.
TWILIO_PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})')"

SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    # The server runs in its own process group (setsid), so a Maven build still running under the launcher goes too.
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || kill -TERM "$SERVER_PID" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || kill -KILL "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  if [ "${E2E_KEEP:-}" = "1" ]; then echo "e2e: kept $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The default engine unless E2E_ENGINE=fake (a TIMBRE_TTS_ENGINE inherited from the caller is dropped).
engine_env=()
if [ "${E2E_ENGINE:-}" = "fake" ]; then engine_env=(TIMBRE_TTS_ENGINE=fake); fi
SETSID=(); command -v setsid >/dev/null && SETSID=(setsid)

echo "e2e: starting ./timbre serve --port $PORT --data $DATA${engine_env:+ (${engine_env[*]})}"
cd "$ROOT"
# User-supplied URLs may reach 127.0.0.1: tests run their own webhook / token / initiation / MCP servers there.
env -u TIMBRE_TTS_ENGINE TIMBRE_API_KEY="$KEY" TIMBRE_TWILIO_API_URL="http://127.0.0.1:$TWILIO_PORT" TIMBRE_OUTBOUND_ALLOW="127.0.0.1${TIMBRE_OUTBOUND_ALLOW:+,$TIMBRE_OUTBOUND_ALLOW}" "${engine_env[@]}" "${SETSID[@]}" ./timbre serve --port "$PORT" --data "$DATA" >"$LOG" 2>&1 </dev/null &
SERVER_PID=$!

# (c) wait for GET /health == 200. Time spent while the launcher is still building (before it execs java) is
# bounded separately by BUILD_TIMEOUT; HEALTH_TIMEOUT counts from when the JVM runs.
health() {
  node -e 'fetch(process.argv[1]).then(r=>process.exit(r.status===200?0:1),()=>process.exit(1))' "$BASE_URL/health"
}
fail_start() {
  echo "e2e: $1; last lines of the server log:" >&2
  tail -n 60 "$LOG" >&2
  exit 1
}
start=$SECONDS; jvm_start=""
while :; do
  kill -0 "$SERVER_PID" 2>/dev/null || { wait "$SERVER_PID"; fail_start "the server exited (status $?) before it was healthy"; }
  comm="$(ps -o comm= -p "$SERVER_PID" 2>/dev/null || true)"
  if [ -z "$jvm_start" ] && [ "$comm" = "java" ]; then jvm_start=$SECONDS; fi
  if [ -n "$jvm_start" ]; then
    health && break
    [ $((SECONDS - jvm_start)) -ge "$HEALTH_TIMEOUT" ] && fail_start "no healthy /health within ${HEALTH_TIMEOUT}s"
  else
    [ $((SECONDS - start)) -ge "$BUILD_TIMEOUT" ] && fail_start "the launcher did not start the JVM within ${BUILD_TIMEOUT}s"
  fi
  sleep 1
done
echo "e2e: server healthy at $BASE_URL after $((SECONDS - start))s"

# (d) run the tests.
cd "$E2E_DIR"
env BASE_URL="$BASE_URL" ELEVENLABS_API_KEY="$KEY" TIMBRE_DATA="$DATA" E2E_HOME="$HOME_DIR" E2E_MCP_PORT="$MCP_PORT" E2E_TWILIO_PORT="$TWILIO_PORT" \
  node --test --test-reporter=spec "$E2E_DIR"/tests/${E2E_ONLY:-*}.test.mjs
rc=$?
if [ $rc -ne 0 ]; then
  echo "e2e: node exited $rc; last lines of the server log:"
  tail -n 40 "$LOG"
fi
exit $rc
