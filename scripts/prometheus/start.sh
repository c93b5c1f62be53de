#!/usr/bin/env bash
# Starts a real Prometheus (Debian's prometheus package) on 127.0.0.1 with
# its own port, data folder and configuration, for the mesh metrics tests and
# the demo. Installs the package with apt-get when it is missing (without its
# recommended node exporter). Idempotent: when our server already runs, it
# only prints where.
# Prints the URL (e.g. http://127.0.0.1:19090) as its last line.
#   INTERCHANGE_PROMETHEUS_PORT    HTTP port (default 19090)
#   INTERCHANGE_PROMETHEUS_DIR     data, configuration and log (default .cache/prometheus/run)
#   INTERCHANGE_PROMETHEUS_CONFIG  a prometheus.yml to run with instead of the
#                                  generated one, which scrapes every target
#                                  listed in <dir>/targets/*.json|*.yaml
#                                  (file_sd) each second, as job
#                                  interchange-targets
#   INTERCHANGE_PROMETHEUS_BIN     the binary (default /usr/bin/prometheus)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../lib/system-deps.sh"
log() { prometheus_log "$@"; }

timeout_s="${INTERCHANGE_PROMETHEUS_START_TIMEOUT:-60}"

if ! prometheus_installed; then
  # Without its recommended node exporter; the package's own service is not
  # started by us and stays unused.
  apt_install --no-install-recommends prometheus
fi

if prometheus_pid >/dev/null && prometheus_ready; then
  echo "$PROMETHEUS_URL"
  exit 0
fi

mkdir -p "$PROMETHEUS_DIR/data" "$PROMETHEUS_TARGETS_DIR"
config="${INTERCHANGE_PROMETHEUS_CONFIG:-$PROMETHEUS_DIR/prometheus.yml}"
if [ -z "${INTERCHANGE_PROMETHEUS_CONFIG:-}" ]; then
  cat > "$config" <<YAML
# Written by scripts/prometheus/start.sh; rewritten on every start.
global:
  scrape_interval: 15s
  evaluation_interval: 15s
scrape_configs:
  - job_name: interchange-targets
    scrape_interval: 1s
    scrape_timeout: 1s
    file_sd_configs:
      - files:
          - $PROMETHEUS_TARGETS_DIR/*.json
          - $PROMETHEUS_TARGETS_DIR/*.yaml
YAML
elif [ ! -f "$config" ]; then
  prometheus_log "INTERCHANGE_PROMETHEUS_CONFIG: $config does not exist"
  exit 1
fi

if ! prometheus_pid >/dev/null; then
  prometheus_log "starting Prometheus on $PROMETHEUS_URL (config: $config, log: $PROMETHEUS_DIR/prometheus.log)"
  nohup "$PROMETHEUS_BIN" \
    --config.file="$config" \
    --storage.tsdb.path="$PROMETHEUS_DIR/data" \
    --storage.tsdb.retention.time=2d \
    --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" \
    --web.enable-lifecycle \
    > "$PROMETHEUS_DIR/prometheus.log" 2>&1 &
  echo $! > "$PROMETHEUS_DIR/prometheus.pid"
fi

deadline=$((SECONDS + timeout_s))
until prometheus_ready; do
  if ! prometheus_pid >/dev/null; then
    prometheus_log "Prometheus exited; last lines of its log:"
    tail -n 20 "$PROMETHEUS_DIR/prometheus.log" >&2 || true
    exit 1
  fi
  if [ $SECONDS -ge $deadline ]; then
    prometheus_log "Prometheus did not answer within ${timeout_s}s; last lines of its log:"
    tail -n 20 "$PROMETHEUS_DIR/prometheus.log" >&2 || true
    exit 1
  fi
  sleep 0.5
done
prometheus_log "ready"
echo "$PROMETHEUS_URL"
