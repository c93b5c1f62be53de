#!/usr/bin/env bash
# Stops the node start.sh started (rabbitmqctl shutdown, then TERM/KILL), and
# its private epmd. --clean also deletes its data, so the next start is fresh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../lib/process.sh"

if rabbitmq_installed; then
  rabbitmq_env
  if pid="$(node_pid)"; then
    rabbitmq_log "stopping node $RABBITMQ_NODE"
    rabbitmqctl -n "$RABBITMQ_NODE" shutdown >/dev/null 2>&1 || kill -TERM "$pid" 2>/dev/null || true
    wait_then_kill "$pid" "the node" rabbitmq_log
  fi
  # epmd outlives the node; ours listens on our own port only.
  epmd -port "$RABBITMQ_EPMD_PORT" -kill >/dev/null 2>&1 || true
fi
forget_service "$RABBITMQ_DIR/wrapper.pid" "$RABBITMQ_DIR" "${1:-}"
