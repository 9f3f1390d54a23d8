#!/usr/bin/env bash
# Writes what lets the store agent start quickly, from one training run: the packaged agent starts once on an
# empty database, answers its readiness check and stops cleanly, at which the JVM writes down what it loaded.
#   - On Java 25 or later: an ahead-of-time cache, app.aot (-XX:AOTCacheOutput): classes loaded and linked,
#     with their objects and profiles. Start the agent with -XX:AOTCache=app.aot.
#   - On older JVMs (Java 17, the oldest the agent runs on): a class-data sharing archive, app-cds.jsa (AppCDS,
#     -XX:ArchiveClassesAtExit): classes parsed and verified. Start the agent with -XX:SharedArchiveFile=app-cds.jsa.
# The agent is packaged with all its classes on the JVM's class path (quarkus.package.jar.type=aot-jar), so either
# holds the application's and its libraries' classes as well as the JDK's. At 100,000 products the archive takes
# a third off the agent's restart; the cache takes it under 2 s (docs/benchmarks.md, "Start-up"). Either fits
# only the JVM build, the jars at their place and the JVM options it was made with; with any other the JVM says so
# and starts without it.
#
#   train-start-cache.sh [quarkus-app folder] [JVM options the agent runs with...]
#   JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java train-start-cache.sh /opt/retail/store-agent/quarkus-app \
#       -XX:TieredStopAtLevel=1
set -euo pipefail
# The packaged agent's folder: target/quarkus-app when Maven builds it, or where an installation put it.
# Absolute: the archive keeps the class path it was made with, and a start from any directory must find it.
app=$(cd "${1:-target/quarkus-app}" && pwd)
shift || true
java=${JAVA:-java}
version=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${version%%.*}" -ge 25 ]; then
  what="AOT cache"
  out=$app/app.aot
  record=-XX:AOTCacheOutput=$out
  use=-XX:AOTCache=$out
else
  what="AppCDS archive"
  out=$app/app-cds.jsa
  record=-XX:ArchiveClassesAtExit=$out
  use=-XX:SharedArchiveFile=$out
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$out"

"$java" "$@" "$record" -Dagent.data-dir="$work/data" -Dquarkus.http.port=0 \
  -Dagent.mqtt.url=tcp://127.0.0.1:1 -jar "$app/quarkus-run.jar" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  if grep -q "started in" "$work/log"; then
    # Answering the readiness check loads what the first requests need: keep that too.
    port=$(grep -o 'Listening on: http://[^ ]*' "$work/log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && curl -s -o /dev/null "http://127.0.0.1:$port/q/health/ready" || true
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    cat "$work/log" >&2
    echo "The training run of the store agent ended before it had started." >&2
    exit 1
  fi
  sleep 0.1
done
kill -TERM "$pid"
wait "$pid" || true
if [ ! -s "$out" ]; then
  cat "$work/log" >&2
  echo "The training run of the store agent wrote no $what." >&2
  exit 1
fi
echo "$what: $out ($(du -h "$out" | cut -f1)); start the agent with: $java $* $use -jar $app/quarkus-run.jar"
