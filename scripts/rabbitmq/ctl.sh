#!/usr/bin/env bash
# Runs rabbitmqctl against the node start.sh started, e.g.
#   scripts/rabbitmq/ctl.sh list_queues name messages_ready messages_unacknowledged consumers
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rabbitmq_installed || { rabbitmq_log "rabbitmq-server is not installed; run scripts/rabbitmq/start.sh"; exit 1; }
rabbitmq_env
exec rabbitmqctl -n "$RABBITMQ_NODE" "$@"
