#!/usr/bin/env bash
# Stops the server start.sh started (TERM, then KILL after 30 s). --clean
# also deletes its data folder, so the next start is fresh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../lib/process.sh"

stop_service prometheus_pid "Prometheus" prometheus_log \
  "stopping Prometheus on $PROMETHEUS_URL" \
  "$PROMETHEUS_DIR/prometheus.pid" "$PROMETHEUS_DIR" "${1:-}"
