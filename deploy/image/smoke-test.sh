#!/usr/bin/env bash
# The container image's steps, tested without Docker (./timbre test runs this; the Docker daemon is not available on
# the build machines): lay the built server out as the Dockerfile does (install-runtime.sh layout), start it through the
# image's entry point on a free port, wait for /health/live and /health/ready, then stop it with SIGTERM as an
# orchestrator does and check that it drains and exits cleanly within the grace period.
# Needs the packaged server (mvn package). Exit status 0 when every check passed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work=$(mktemp -d)
trap 'kill -9 ${pid:-} 2>/dev/null || true; rm -rf "$work"' EXIT
"$ROOT/deploy/image/install-runtime.sh" layout "$work/app" "$ROOT/timbre-server/target"
[ -x "$work/app/entrypoint.sh" ] && [ -f "$work/app/timbre-server.jar" ] && ls "$work/app/lib/"*.jar >/dev/null

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
TIMBRE_PORT=$port TIMBRE_DATA="$work/data" TIMBRE_SIP_PORT=off TIMBRE_DRAIN_SECONDS=5 TIMBRE_API_KEY=image-smoke-key \
  "$work/app/entrypoint.sh" > "$work/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "image smoke test: the server exited"; tail -20 "$work/server.log"; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/health/live" | grep -q '"alive"' || { echo "image smoke test: /health/live failed"; exit 1; }
curl -fsS "http://127.0.0.1:$port/health/ready" | grep -q '"ok"' || { echo "image smoke test: not ready in 120 s"; tail -20 "$work/server.log"; exit 1; }
curl -fsS -H "xi-api-key: image-smoke-key" "http://127.0.0.1:$port/v1/models" | grep -q model_id || { echo "image smoke test: the API key did not work"; exit 1; }
kill -TERM $pid
for _ in $(seq 1 60); do kill -0 $pid 2>/dev/null || break; sleep 0.5; done
if kill -0 $pid 2>/dev/null; then echo "image smoke test: still running 30 s after SIGTERM"; exit 1; fi
wait $pid || rc=$?
# the JVM exits 143 on SIGTERM after its shutdown hooks ran; tini passes that on
[ "${rc:-0}" -eq 0 ] || [ "${rc:-0}" -eq 143 ] || { echo "image smoke test: exit status ${rc}"; tail -20 "$work/server.log"; exit 1; }
echo "image smoke test: layout, entry point, probes, API key and SIGTERM all good (port $port)"
