#!/usr/bin/env bash
# Scale-out figures (docs/benchmarks.md, "Scale-out"): TTS and text-conversation throughput on one node vs two nodes on
# one PostgreSQL and one S3-compatible store (S3Proxy), and history-audio time to first byte, file store vs S3.
# Needs PostgreSQL at 127.0.0.1:5432 (trust) and the S3Proxy jar (mvn -pl timbre-server test-compile puts it in target/).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
[ -f "$ROOT/timbre-server/target/s3proxy/s3proxy.jar" ] || (cd "$ROOT" && mvn -q -B -pl timbre-server -am process-test-resources -Dtimbre.web.skip=true >/dev/null)
exec "$JAVA" -cp "$CP" "$ROOT/bench/ClusterBench.java" "$ROOT"
