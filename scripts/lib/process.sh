# Shared by the services' stop scripts (Kafka, RabbitMQ, Prometheus).

# wait_then_kill <pid> <what> <log function>: waits up to 30 s for the
# process to exit after the caller asked it to stop, then kills it (a stuck
# JVM or Erlang node must not keep its ports for the next start).
wait_then_kill() {
  local pid="$1" what="$2" log="$3"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 1
  done
  "$log" "$what did not stop within 30 s; killing it"
  kill -KILL "$pid" 2>/dev/null || true
}

# forget_service <pid file> <data dir> <the stop script's first argument>:
# after a stop, the pid file goes; with --clean the data folder too, so the
# next start is fresh.
forget_service() {
  rm -f "$1"
  if [ "${3:-}" = "--clean" ]; then
    rm -rf "$2"
  fi
}

# stop_service <pid function> <what> <log function> <message> <pid file>
#   <data dir> <the stop script's first argument>: when the pid function
# names a running process, logs "<message> (pid N)", asks it to stop (TERM)
# and kills it after 30 s (wait_then_kill); then forget_service.
stop_service() {
  local pid
  if pid="$("$1")"; then
    "$3" "$4 (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    wait_then_kill "$pid" "$2" "$3"
  fi
  forget_service "$5" "$6" "${7:-}"
}
