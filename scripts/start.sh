#!/usr/bin/env bash
# Installs what is missing (Node 22, dependencies) and starts the demo portal:
# frontend on http://localhost:3000, backend on http://localhost:7007, with
# the demo company from examples/ on in-memory SQLite.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/bootstrap.sh"
bootstrap
cd "$REPO_ROOT"

# --no-traffic: no demo traffic generator (the portal's own options pass on).
traffic=1
args=()
for arg in "$@"; do
  if [ "$arg" = "--no-traffic" ]; then traffic=0; else args+=("$arg"); fi
done
kafka_up=0

# Live Kafka state for the demo: a local broker from Maven Central jars with
# the demo company's topics. Optional: without Java and Maven the portal still
# starts, and the live-state cards say the cluster is unreachable.
if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
  if scripts/kafka/start.sh >/dev/null; then
    node scripts/kafka/seed-demo.cjs && kafka_up=1 || log "seeding demo Kafka data failed; continuing without it"
  else
    log "the local Kafka broker did not start; continuing without live Kafka state"
  fi
else
  log "Java or Maven not found: starting without the local Kafka broker (live-state cards will show it as unreachable)"
fi

# Live RabbitMQ state for the demo: Debian's rabbitmq-server when installed
# (scripts/rabbitmq/start.sh installs it when run on its own), with the demo
# company's exchanges, queues and messages.
if [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  if scripts/rabbitmq/start.sh >/dev/null; then
    node scripts/rabbitmq/seed-demo.cjs || log "seeding demo RabbitMQ data failed; continuing without it"
  else
    log "the local RabbitMQ node did not start; continuing without live RabbitMQ state"
  fi
else
  log "rabbitmq-server not installed: starting without the local RabbitMQ broker (scripts/rabbitmq/start.sh installs it)"
fi

# Live demo traffic (scripts/demo/traffic.cjs): producers and consumers on
# the local broker, webhook test deliveries every minute. It watches this
# process (yarn start replaces it below) and stops with the portal.
if [ "$traffic" = 1 ] && [ "$kafka_up" = 1 ]; then
  mkdir -p .cache
  node scripts/demo/traffic.cjs --parent-pid $$ >.cache/demo-traffic.log 2>&1 &
  log "demo traffic running (log: .cache/demo-traffic.log; --no-traffic turns it off)"
fi

exec yarn start "${args[@]}"
