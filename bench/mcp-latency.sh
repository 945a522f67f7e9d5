#!/usr/bin/env bash
# MCP tool-call round trip (connect excluded): p50/p95 over 50 `echo` calls through RemoteMcpTools (the official MCP
# Java SDK client) against the in-process SDK server (streamable HTTP and SSE) and against
# @modelcontextprotocol/server-everything (e2e devDependency, streamable HTTP) on a free local port.
# Usage: bench/mcp-latency.sh   (needs e2e/node_modules: cd e2e && npm ci). Prints the figures.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close()})')"
PORT="$PORT" node "$ROOT/e2e/node_modules/@modelcontextprotocol/server-everything/dist/index.js" streamableHttp >/dev/null 2>&1 &
EVERYTHING=$!
trap 'kill $EVERYTHING 2>/dev/null' EXIT
for _ in $(seq 1 50); do (echo >"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break; sleep 0.2; done
cd "$ROOT"
TIMBRE_BENCH_MCP_URL="http://127.0.0.1:$PORT/mcp" mvn -o -q -pl timbre-server -am test -Dtest='RemoteMcpToolsTest#round_trip_latency' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dtimbre.excludedTestGroups=none 2>&1 | grep "MCP round trip"
