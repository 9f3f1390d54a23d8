#!/usr/bin/env bash
# Writes the store agent's class-data sharing archive (AppCDS), target/quarkus-app/app-cds.jsa: starts the
# packaged agent once on an empty database, waits until it has started and answered its readiness check, and
# stops it cleanly, at which the JVM archives every class it loaded. The agent is packaged with all its classes
# on the JVM's class path (quarkus.package.jar.type=aot-jar), so the archive holds the application's and its
# libraries' classes as well as the JDK's. A start with -XX:SharedArchiveFile=app-cds.jsa maps those classes
# instead of loading and verifying them again: at 100,000 products it takes a third off the agent's restart and
# 30 MB off its resident memory (docs/benchmarks.md, "Start-up"). The archive fits only the JVM build and the
# jars, at the place, it was made with; with any other the JVM says so and starts without it.
set -euo pipefail
# The packaged agent's folder: target/quarkus-app when Maven builds it, or where an installation put it
# (train-app-cds.sh /opt/retail/store-agent/quarkus-app). Absolute: the archive keeps the class path it was
# made with, and a start from any directory must find it.
app=$(cd "${1:-target/quarkus-app}" && pwd)
archive=$app/app-cds.jsa
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -f "$archive"

java -XX:ArchiveClassesAtExit="$archive" -Dagent.data-dir="$work/data" -Dquarkus.http.port=0 \
  -Dagent.mqtt.url=tcp://127.0.0.1:1 -jar "$app/quarkus-run.jar" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 1 1200); do
  if grep -q "started in" "$work/log"; then
    # Answering the readiness check loads what the first requests need: archive that too.
    port=$(grep -o 'Listening on: http://[^ ]*' "$work/log" | grep -o '[0-9]*$' || true)
    [ -n "$port" ] && curl -s -o /dev/null "http://127.0.0.1:$port/q/health/ready" || true
    break
  fi
  if ! kill -0 "$pid" 2>/dev/null; then
    cat "$work/log" >&2
    echo "The AppCDS training run of the store agent ended before it had started." >&2
    exit 1
  fi
  sleep 0.1
done
kill -TERM "$pid"
wait "$pid" || true
if [ ! -s "$archive" ]; then
  cat "$work/log" >&2
  echo "The AppCDS training run of the store agent wrote no archive." >&2
  exit 1
fi
echo "AppCDS archive: $archive ($(du -h "$archive" | cut -f1)); start the agent with -XX:SharedArchiveFile=$archive"
