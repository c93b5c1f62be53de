#!/usr/bin/env bash
# Stops the broker start.sh started (TERM, then KILL after 30 s).
# --clean also deletes its data, so the next start is a fresh cluster.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if pid="$(broker_pid)"; then
  kafka_log "stopping broker (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kafka_log "broker did not stop within 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
fi
rm -f "$KAFKA_PID_FILE"
if [ "${1:-}" = "--clean" ]; then
  rm -rf "$KAFKA_DIR"
fi
