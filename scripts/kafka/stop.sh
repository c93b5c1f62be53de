#!/usr/bin/env bash
# Stops the broker start.sh started (TERM, then KILL after 30 s).
# --clean also deletes its data, so the next start is a fresh cluster.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../lib/process.sh"

if pid="$(broker_pid)"; then
  kafka_log "stopping broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  wait_then_kill "$pid" "the broker" kafka_log
fi
forget_service "$KAFKA_PID_FILE" "$KAFKA_DIR" "${1:-}"
