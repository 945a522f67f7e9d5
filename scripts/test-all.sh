#!/usr/bin/env bash
# ./timbre test: installs what the tests need, then runs every suite — unit, API and repository tests on H2 and
# PostgreSQL (Maven Surefire), then the official-client end-to-end suite (e2e/run.sh). Exits non-zero on failure.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export OPT_OUT_TRACKING=true
# Logs stay in this checkout (a second checkout has its own); progress lines start with "--", the verdict with
# "timbre test:".
LOG_DIR="$ROOT/target/test-logs"
mkdir -p "$LOG_DIR"
MVN_LOG="$LOG_DIR/maven.log"

# Debian packages the suites need (engines later issues add go here too).
APT_PACKAGES=(espeak-ng flite libpocketsphinx3 pocketsphinx-en-us timgm6mb-soundfont apertium apertium-eng-spa ffmpeg chromium sip-tester baresip)   # apertium(-eng-spa): offline translation (en-es, es-en); ffmpeg: dubbing of video (extract, mux); chromium: the browser tests (e2e/tests/browser-*); sip-tester, baresip: the SIP tests; timgm6mb-soundfont: music through a soundfont
missing=()
for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
command -v node >/dev/null || missing+=(nodejs npm)   # the end-to-end suite runs the official npm clients
if [ ${#missing[@]} -gt 0 ]; then
  echo "-- installing ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" || { echo "timbre test: FAILED (apt-get install ${missing[*]} failed)"; exit 1; }
fi

# PostgreSQL at 127.0.0.1:5432 (trust auth, database test): repository tests need it; under CI=true they fail without it.
if command -v pg_isready >/dev/null && ! pg_isready -q -h 127.0.0.1 -p 5432; then
  echo "-- PostgreSQL is not answering on 127.0.0.1:5432; trying to start it"
  (pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start) 2>/dev/null || true
fi

status=0
echo "== Java: unit, API and repository tests (H2 + PostgreSQL) =="
mvn -B -ntp -Pall-tests package 2>&1 | tee "$MVN_LOG" | grep -E "Tests run:|FAIL|ERROR|BUILD|Endpoint coverage|^\[INFO\] Reactor Summary|SUCCESS" 
[ "${PIPESTATUS[0]}" -eq 0 ] || { status=1; echo "-- Java tests failed (full log: $MVN_LOG)"; }

if [ $status -eq 0 ]; then
  # Jazzer fuzzes each upload decoder (WAV, MP3, Ogg Opus, FLAC) for 15 s; a finding fails the suite and is saved
  # under timbre-server/src/test/resources/dev/timbre/audio/*FuzzTestInputs, where every later `mvn test` replays it.
  echo "== Fuzzing: the upload decoders (Jazzer, about 2 minutes) =="
  FUZZ_LOG="$LOG_DIR/fuzz.log"
  mvn -B -ntp -Pfuzz -pl timbre-server -am test -Dtest='*FuzzTest' -Dsurefire.failIfNoSpecifiedTests=false > "$FUZZ_LOG" 2>&1
  fuzz_rc=$?
  grep -E "Running dev.timbre.audio.*FuzzTest|^Done [0-9]+ runs|FAIL" "$FUZZ_LOG"
  [ $fuzz_rc -eq 0 ] || { status=1; echo "-- fuzzing found a problem (full log: $FUZZ_LOG)"; }
fi

if [ $status -eq 0 ]; then
  echo "== Container image steps without Docker: layout, entry point, probes, SIGTERM drain =="
  deploy/image/smoke-test.sh || status=1
fi

if [ -f docs/endpoint-coverage.md ]; then grep -m1 "^Endpoint coverage" docs/endpoint-coverage.md; fi

if [ $status -eq 0 ]; then
  echo "== End-to-end: official ElevenLabs clients against a started server =="
  e2e/run.sh || status=1
else
  echo "-- skipping the end-to-end suite: the build or Java tests failed"
fi

[ $status -eq 0 ] && echo "timbre test: all suites passed" || echo "timbre test: FAILED"
exit $status
