#!/usr/bin/env bash
# RAG benchmark: embedding ingestion rate, retrieval p50/p95 at 10,000 chunks (embedding the question included) against
# a brute-force reference, recall@5 on bench/rag-bench/questions.txt and on the Jargon File set (jargon-entries.txt,
# jargon-questions.txt) for vectors, BM25 and the server's hybrid search.
# Prints a Markdown report (paste it into docs/benchmarks.md with the load average printed first).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
exec "$JAVA" -DOPT_OUT_TRACKING=true -Dai.djl.offline=true -Dlogback.configurationFile="$ROOT/bench/logback-quiet.xml" \
  -cp "$CP" "$ROOT/bench/rag-bench/RagBench.java" "$ROOT" 2>/dev/null
