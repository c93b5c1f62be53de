#!/usr/bin/env bash
# Starts a real single-node Apache Kafka broker (KRaft mode) on 127.0.0.1 from
# the official jars on Maven Central, for integration tests, benchmarks and
# the demo. Idempotent: when our broker already runs, it only prints where.
# Prints the bootstrap address (e.g. 127.0.0.1:19092) as its last line.
#   INTERCHANGE_KAFKA_PORT   broker port (default 19092; the controller uses port+1)
#   INTERCHANGE_KAFKA_DIR    data and logs (default .cache/kafka/run)
#   KAFKA_HEAP_OPTS          JVM heap (default -Xmx256m on the broker: 2-core CI)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

timeout_s="${INTERCHANGE_KAFKA_START_TIMEOUT:-90}"

if broker_pid >/dev/null; then
  echo "$KAFKA_BOOTSTRAP"
  exit 0
fi

ensure_kafka_libs
write_log_config

cat > "$KAFKA_DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
delete.topic.enable=true
PROPS

if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
  kafka_log "formatting storage in $KAFKA_DIR/data"
  # A cluster id is 16 random bytes in URL-safe base64 without padding (what
  # StorageTool random-uuid prints); made here to spare a JVM start. Like
  # Kafka's own, never one that starts with '-' (1 in 64): the tool would
  # read it as an option and fail with "--cluster-id: expected one argument".
  cluster_id=-
  while [ "${cluster_id#-}" != "$cluster_id" ]; do
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  done
  run_kafka_class "$KAFKA_DIR/tools-log4j2.yaml" kafka.tools.StorageTool format \
    -t "$cluster_id" -c "$KAFKA_DIR/server.properties" --standalone >/dev/null
fi

# The log is appended to across restarts: only lines after this count are new.
log_lines_before=0
[ -f "$KAFKA_DIR/server.log" ] && log_lines_before="$(wc -l < "$KAFKA_DIR/server.log")"
kafka_log "starting Kafka $KAFKA_VERSION on $KAFKA_BOOTSTRAP (log: $KAFKA_DIR/server.log)"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx512m}" \
  nohup bash -c "source '$REPO_ROOT/scripts/kafka/lib.sh'; exec java \${KAFKA_HEAP_OPTS} -XX:+UseSerialGC -Djava.awt.headless=true -Dlog4j2.configurationFile='$KAFKA_DIR/broker-log4j2.yaml' -cp '$KAFKA_LIBS/*' kafka.Kafka '$KAFKA_DIR/server.properties'" \
  > "$KAFKA_DIR/stdout.log" 2>&1 &
echo $! > "$KAFKA_PID_FILE"

deadline=$((SECONDS + timeout_s))
while [ $SECONDS -lt $deadline ]; do
  if ! broker_pid >/dev/null; then
    kafka_log "the broker exited during start-up; last lines of its logs:"
    tail -n 30 "$KAFKA_DIR/server.log" "$KAFKA_DIR/stdout.log" >&2 2>/dev/null || true
    exit 1
  fi
  # Ready means a metadata request answers, not just an open port. Each check
  # starts a JVM (seconds on a loaded 2-core machine), so it only runs once the
  # broker has logged that it started. No `grep -q`: it stops reading at the
  # first match, tail then dies of SIGPIPE on a large log, and under pipefail
  # the check fails for ever.
  if tail -n "+$((log_lines_before + 1))" "$KAFKA_DIR/server.log" 2>/dev/null | grep "Kafka Server started" >/dev/null &&
    run_kafka_class "$KAFKA_DIR/tools-log4j2.yaml" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "$KAFKA_BOOTSTRAP" --list >/dev/null 2>&1; then
    kafka_log "ready"
    echo "$KAFKA_BOOTSTRAP"
    exit 0
  fi
  sleep 1
done
kafka_log "the broker did not become ready within ${timeout_s}s; last lines of its log:"
tail -n 30 "$KAFKA_DIR/server.log" >&2 || true
exit 1
