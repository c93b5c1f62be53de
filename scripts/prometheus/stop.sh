#!/usr/bin/env bash
# Stops the server start.sh started (TERM, then KILL after 30 s). --clean
# also deletes its data folder, so the next start is fresh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if pid="$(prometheus_pid)"; then
  prometheus_log "stopping Prometheus on $PROMETHEUS_URL"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    prometheus_log "Prometheus did not stop within 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$PROMETHEUS_DIR/prometheus.pid"
if [ "${1:-}" = "--clean" ]; then
  rm -rf "$PROMETHEUS_DIR"
fi
