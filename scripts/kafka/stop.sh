#!/usr/bin/env bash
# Stops the broker start.sh started (TERM, then KILL after 30 s).
# --clean also deletes its data, so the next start is a fresh cluster.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/../lib/process.sh"

stop_service broker_pid "the broker" kafka_log "stopping broker" \
  "$KAFKA_PID_FILE" "$KAFKA_DIR" "${1:-}"
