#!/usr/bin/env bash
# Runs the whole chain on embedded defaults: HQ with its MQTT broker and a 5,000-product demo
# catalog, two store agents, and one till (pos-client) per store. Ctrl-C stops everything.
#
#   ./demo.sh                 # data under ./.demo, ports 8080-8092 and 1884
#   DEMO_DIR=/tmp/d DEMO_PORT_BASE=18080 DEMO_BROKER_PORT=11884 ./demo.sh
set -euo pipefail
cd "$(dirname "$0")"

DEMO_DIR="$(mkdir -p "${DEMO_DIR:-.demo}" && cd "${DEMO_DIR:-.demo}" && pwd)"
BASE="${DEMO_PORT_BASE:-8080}"
BROKER_PORT="${DEMO_BROKER_PORT:-1884}"
PRODUCTS="${DEMO_PRODUCTS:-5000}"
# The first HQ admin (user admin) of a demo chain; a real HQ generates one (docs/operator-guide.md).
ADMIN_PASSWORD="${DEMO_ADMIN_PASSWORD:-demo-admin-password}"
STORES=(0001 0002)

HQ_JAR=hq-server/target/quarkus-app/quarkus-run.jar
AGENT_JAR=store-agent/target/quarkus-app/quarkus-run.jar
POS_JAR=pos-client/target/quarkus-app/quarkus-run.jar

if [[ ! -f $HQ_JAR || ! -f $AGENT_JAR || ! -f $POS_JAR ]]; then
  echo "Building the applications (first run only)..."
  ./mvnw -B -q package -DskipTests
fi
# The store agent's build writes its class-data sharing archive beside its jar: it starts faster with it.
AGENT_CDS=""
if [[ -f store-agent/target/quarkus-app/app-cds.jsa ]]; then
  AGENT_CDS="-XX:SharedArchiveFile=store-agent/target/quarkus-app/app-cds.jsa"
fi

# Each run keeps its own logs (logs/latest points at this run's), so a restart never overwrites the last.
LOGS="$DEMO_DIR/logs/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$LOGS"
ln -sfn "$LOGS" "$DEMO_DIR/logs/latest"
pids=()

stop_all() {
  trap - INT TERM EXIT
  # Whoever reads our output may be gone already (a closed terminal, `| tee` stopped by the same Ctrl-C, a
  # test that closed the pipe): a write must then fail quietly, not end this script with SIGPIPE before
  # it has stopped the applications. So they are stopped first, and nothing printed can stop us.
  trap '' PIPE
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill "${pids[i]}" 2>/dev/null || true
  done
  { echo; echo "Stopping..."; } 2>/dev/null || true
  wait 2>/dev/null || true
  echo "Stopped. Data stays in $DEMO_DIR (delete it to start afresh)." 2>/dev/null || true
}
trap stop_all INT TERM EXIT

# Every process runs the demo profile (its demo till users are refused in production). Secrets go in the
# environment of the one process that needs them (readable by its owner only), not on a command line that
# every user of the machine sees in ps.
start() {
  local name=$1
  shift
  java -Xmx512m -Dquarkus.profile=demo "$@" >"$LOGS/$name.log" 2>&1 &
  pids+=($!)
}

wait_live() {
  local name=$1 url=$2
  for _ in $(seq 1 240); do
    if curl -sf "$url/q/health/live" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  echo "$name did not start; see $LOGS/$name.log" >&2
  exit 1
}

echo "Starting HQ with its embedded MQTT broker (loading $PRODUCTS demo products)..."
HQ_AUTH_ADMIN_PASSWORD="$ADMIN_PASSWORD" start hq -Dquarkus.http.port="$BASE" -Dhq.data-dir="$DEMO_DIR/hq" \
  -Dhq.broker.port="$BROKER_PORT" -Dhq.demo.products="$PRODUCTS" -Dhq.demo.stores="$(IFS=,; echo "${STORES[*]}")" -jar "$HQ_JAR"
wait_live hq "http://127.0.0.1:$BASE"

# The broker lets in only accounts HQ issued: sign in as the admin and issue each store its own
# (as an operator does once per store; docs/operator-guide.md). The values are JSON strings without quotes
# or escapes (a token and a URL-safe password), so sed can take them out.
json_field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p"; }
TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$BASE/api/auth/signin" \
  --data @- <<<"{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | json_field token)

for i in "${!STORES[@]}"; do
  store=${STORES[i]}
  agent_port=$((BASE + 1 + i))
  credentials=$(curl -sf -X POST -H "Authorization: Bearer $TOKEN" \
    "http://127.0.0.1:$BASE/api/broker/credentials/$store")
  AGENT_MQTT_PASSWORD="$(json_field password <<<"$credentials")" start "agent-$store" \
    -Dquarkus.http.port="$agent_port" -Dagent.store="$store" \
    -Dagent.data-dir="$DEMO_DIR/store-$store" -Dagent.mqtt.url="tcp://127.0.0.1:$BROKER_PORT" \
    -Dagent.mqtt.username="$(json_field username <<<"$credentials")" \
    '-Dagent.lanes."01".printer=simulated' -Dagent.shelves.A1.sensor=simulated \
    -Dagent.shelves.A1.slots=D00001:120:580:3,D00002:150:1060:2 $AGENT_CDS -jar "$AGENT_JAR"
done
# Each till is paired with its store's agent, as a manager does once per lane: the demo manager (9001)
# issues a one-time code, which the till trades for a key of its own on its first start.
for i in "${!STORES[@]}"; do
  store=${STORES[i]}
  agent_port=$((BASE + 1 + i))
  wait_live "agent-$store" "http://127.0.0.1:$agent_port"
  MANAGER=$(curl -sf -X POST -H 'Content-Type: application/json' "http://127.0.0.1:$agent_port/api/manager/signin" \
    --data '{"id":"9001","pin":"9999"}' | json_field token)
  code=$(curl -sf -X POST -H "Authorization: Bearer $MANAGER" \
    "http://127.0.0.1:$agent_port/api/manager/lanes/01/pairing-code" | json_field code)
  POS_PAIRING_CODE="$code" start "pos-$store-01" -Dquarkus.http.port="$((BASE + 11 + i))" \
    -Dpos.agent-url="http://127.0.0.1:$agent_port" -Dpos.lane=01 -Dpos.data-dir="$DEMO_DIR/pos-$store-01" \
    -jar "$POS_JAR"
done
for i in "${!STORES[@]}"; do
  wait_live "pos-${STORES[i]}-01" "http://127.0.0.1:$((BASE + 11 + i))"
done

# Online orders need stock and, for delivery, a place and a radius: each store books in 30 of D00003-D00022 as
# its manager would (once the catalog has reached it; the shelf's D00001 and D00002 keep the shelf's counts), and
# delivers within 5 km of central Shanghai. In the background, so the tills are usable at once.
book_demo_stock() {
  local agent_url=$1 manager sku tries
  manager=$(curl -sf -X POST -H 'Content-Type: application/json' "$agent_url/api/manager/signin" \
    --data '{"id":"9001","pin":"9999"}' | json_field token)
  for n in $(seq 3 22); do
    sku=$(printf 'D%05d' "$n")
    for tries in $(seq 1 60); do
      curl -sf -o /dev/null -X POST -H "Authorization: Bearer $manager" -H 'Content-Type: application/json' \
        "$agent_url/api/stock/$sku/adjustments" --data '{"kind":"RECEIVED","quantity":30,"note":"demo"}' && break
      sleep 1
    done
  done
}
LONGITUDES=(121.4737 121.4998)
for i in "${!STORES[@]}"; do
  curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$BASE/api/stores/${STORES[i]}/delivery-area" \
    --data "{\"latitude\":31.2304,\"longitude\":${LONGITUDES[i]},\"radiusMetres\":5000}" || true
  book_demo_stock "http://127.0.0.1:$((BASE + 1 + i))" &
  pids+=($!) # stopped with the rest: on Ctrl-C it would otherwise keep retrying against stopped agents
done

cat <<MSG

The chain is running (data and logs in $DEMO_DIR):
  HQ console         http://127.0.0.1:$BASE/reconciliation.html   (user admin, password $ADMIN_PASSWORD)
  HQ API             http://127.0.0.1:$BASE/q/swagger-ui   (POST /api/auth/signin for a bearer token)
  Customers' shop    http://127.0.0.1:$BASE/shop/   (online orders; the stores' online orders page is
                     /manager/orders.html on each store agent, manager 9001, PIN 9999)
  MQTT broker        tcp://127.0.0.1:$BROKER_PORT
MSG
for i in "${!STORES[@]}"; do
  printf '  Store %s agent   http://127.0.0.1:%s/api/sync\n' "${STORES[i]}" $((BASE + 1 + i))
  printf '  Store %s till    http://127.0.0.1:%s/\n' "${STORES[i]}" $((BASE + 11 + i))
done
cat <<MSG

Sign in at a till as cashier 1001 with PIN 1234, count a float, and scan 6900000000014 (or any
demo barcode 690 + 9 digits + check digit). The stores take a few seconds to receive the catalog.
Each lane 01 prints on a simulated receipt printer: see $DEMO_DIR/store-0001/printed/01/ (text and PNG).
Each store has a simulated weighing shelf A1 (Modbus TCP) with ten of D00001 and D00002: its counts
against the books are at /api/shelves on the store agent, its alerts at /api/shelves/alerts.
Each store books in 30 of D00003-D00022 for the shop's online orders: order in the shop, pick it on the
store's orders page, and hand it over at the till with Ins and the pickup code.
Press Ctrl-C to stop.
MSG
wait
