#!/usr/bin/env bash
# Writes the store agent's class-data sharing archive (AppCDS), target/quarkus-app/app-cds.jsa: starts the
# packaged agent once on an empty database, waits until it has started, and stops it cleanly, at which the
# JVM archives every class it loaded. A start with -XX:SharedArchiveFile=app-cds.jsa maps those classes
# instead of loading and verifying them again, which takes about a quarter off the agent's restart (see
# docs/benchmarks.md, "Start-up"). Quarkus's own AppCDS option archives only what static initialisation
# loads, too little to matter here. The archive fits only the JVM build and the jars, at the place, it was made
# with; with any other the JVM says so and starts without it.
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
