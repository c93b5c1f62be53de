#!/usr/bin/env bash
# Stops the server start.sh started (TERM, then KILL after 30 s). --clean
# also deletes its data folder, so the next start is fresh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../lib/process.sh"

if pid="$(prometheus_pid)"; then
  prometheus_log "stopping Prometheus on $PROMETHEUS_URL"
  kill -TERM "$pid" 2>/dev/null || true
  wait_then_kill "$pid" "Prometheus" prometheus_log
fi
forget_service "$PROMETHEUS_DIR/prometheus.pid" "$PROMETHEUS_DIR" "${1:-}"
