#!/usr/bin/env bash
# Starts a real single-node RabbitMQ (Debian's rabbitmq-server with the
# rabbitmq_management and rabbitmq_prometheus plugins) on 127.0.0.1, with its own ports, data folder,
# node name and epmd, for integration tests, benchmarks and the demo.
# Installs rabbitmq-server with apt-get when it is missing. Idempotent: when
# our node already runs, it only prints where.
# Prints the management URL (e.g. http://127.0.0.1:15673) as its last line.
#   INTERCHANGE_RABBITMQ_PORT             AMQP port (default 5673; distribution uses port+20000)
#   INTERCHANGE_RABBITMQ_MANAGEMENT_PORT  management HTTP port (default 15673)
#   INTERCHANGE_RABBITMQ_PROMETHEUS_PORT  Prometheus endpoint port (default the management port + 20)
#   INTERCHANGE_RABBITMQ_EPMD_PORT        private epmd port (default 4370)
#   INTERCHANGE_RABBITMQ_DIR              data and logs (default .cache/rabbitmq/run)
#   INTERCHANGE_RABBITMQ_NODE             node name (default interchange@localhost)
# The default guest/guest user works on 127.0.0.1 only (RabbitMQ's loopback rule).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../lib/system-deps.sh"
log() { rabbitmq_log "$@"; }

timeout_s="${INTERCHANGE_RABBITMQ_START_TIMEOUT:-90}"

if ! rabbitmq_installed; then
  apt_install rabbitmq-server
fi

rabbitmq_env

management_ready() {
  curl -fsS -m 5 -u guest:guest "$RABBITMQ_MANAGEMENT_URL/api/overview" >/dev/null 2>&1
}

# Any HTTP answer: the listener is up (RabbitMQ before 3.10 has the plugin
# but not /metrics/detailed, which Interchange then does without).
prometheus_ready() {
  curl -sS -m 5 -o /dev/null "$RABBITMQ_PROMETHEUS_URL/metrics" 2>/dev/null
}

if node_pid >/dev/null && management_ready; then
  if ! prometheus_ready; then
    # A node started before this script enabled the plugin.
    rabbitmq_log "no Prometheus endpoint at $RABBITMQ_PROMETHEUS_URL: restart the node (scripts/rabbitmq/stop.sh, then this script) to serve it"
  fi
  echo "$RABBITMQ_MANAGEMENT_URL"
  exit 0
fi

printf 'listeners.tcp.default = 127.0.0.1:%s\nmanagement.tcp.ip = 127.0.0.1\nmanagement.tcp.port = %s\nprometheus.tcp.ip = 127.0.0.1\nprometheus.tcp.port = %s\nloopback_users.guest = true\n' \
  "$RABBITMQ_AMQP_PORT" "$RABBITMQ_MANAGEMENT_PORT" "$RABBITMQ_PROMETHEUS_PORT" > "$RABBITMQ_CONFIG_FILE"
# Added to what the data folder has enabled (data folders made before the
# Prometheus plugin was added get it too; other plugins stay).
if ! grep -qs 'rabbitmq_prometheus' "$RABBITMQ_ENABLED_PLUGINS_FILE" ||
  ! grep -qs 'rabbitmq_management' "$RABBITMQ_ENABLED_PLUGINS_FILE"; then
  rabbitmq-plugins --offline enable rabbitmq_management rabbitmq_prometheus >/dev/null
fi

if ! node_pid >/dev/null; then
  rabbitmq_log "starting RabbitMQ node $RABBITMQ_NODE on 127.0.0.1:$RABBITMQ_AMQP_PORT (log: $RABBITMQ_DIR/log)"
  nohup rabbitmq-server > "$RABBITMQ_DIR/server.out" 2>&1 &
  echo $! > "$RABBITMQ_DIR/wrapper.pid"
fi

if ! rabbitmqctl -n "$RABBITMQ_NODE" wait "$RABBITMQ_PID_FILE" --timeout "$timeout_s" >/dev/null 2>&1; then
  rabbitmq_log "the node did not boot within ${timeout_s}s; last lines of its output:"
  tail -n 30 "$RABBITMQ_DIR/server.out" >&2 || true
  exit 1
fi

# The management listener starts a moment after boot; ready means it answers.
deadline=$((SECONDS + timeout_s))
until management_ready && prometheus_ready; do
  if [ $SECONDS -ge $deadline ]; then
    rabbitmq_log "the management API ($RABBITMQ_MANAGEMENT_URL) or the Prometheus endpoint ($RABBITMQ_PROMETHEUS_URL) did not answer within ${timeout_s}s"
    exit 1
  fi
  sleep 0.5
done
rabbitmq_log "ready; Prometheus endpoint: $RABBITMQ_PROMETHEUS_URL"
echo "$RABBITMQ_MANAGEMENT_URL"
