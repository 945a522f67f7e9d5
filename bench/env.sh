# Sourced by the bench scripts: builds if needed, then sets JAVA (the newest JDK 21+ under /usr/lib/jvm, else java)
# and CP (the server jar and its libraries), as ./timbre serve runs them.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/timbre" build >/dev/null
JAVA=java
for d in /usr/lib/jvm/*/; do [ -x "$d/bin/java" ] && "$d/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && JAVA="$d/bin/java"; done
JAR=$(ls "$ROOT"/timbre-server/target/timbre-server-*.jar | grep -v tests | head -1)
CP="$JAR:$ROOT/timbre-server/target/lib/*"
export OPT_OUT_TRACKING=true
