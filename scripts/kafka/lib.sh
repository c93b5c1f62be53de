# shellcheck shell=bash
# Shared by the Kafka scripts: where things live and how to run a Kafka class.

KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$(dirname "${BASH_SOURCE[0]}")/pom.xml")"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
KAFKA_LIBS="$REPO_ROOT/.cache/kafka/$KAFKA_VERSION/libs"
KAFKA_DIR="${INTERCHANGE_KAFKA_DIR:-$REPO_ROOT/.cache/kafka/run}"
KAFKA_PORT="${INTERCHANGE_KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="$((KAFKA_PORT + 1))"
KAFKA_BOOTSTRAP="127.0.0.1:$KAFKA_PORT"
KAFKA_PID_FILE="$KAFKA_DIR/broker.pid"

kafka_log() { printf '[kafka] %s\n' "$*" >&2; }

ensure_kafka_libs() {
  if [ -f "$KAFKA_LIBS/.complete" ]; then
    return 0
  fi
  command -v mvn >/dev/null || { kafka_log "Maven (mvn) is needed to fetch Kafka $KAFKA_VERSION from Maven Central"; return 1; }
  command -v java >/dev/null || { kafka_log "Java 17+ is needed to run Kafka $KAFKA_VERSION"; return 1; }
  kafka_log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $KAFKA_LIBS"
  rm -rf "$KAFKA_LIBS"
  mkdir -p "$KAFKA_LIBS"
  mvn -q -B -f "$REPO_ROOT/scripts/kafka/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS" >&2
  # Written last, so an interrupted download is redone rather than half-used.
  touch "$KAFKA_LIBS/.complete"
}

write_log_config() {
  mkdir -p "$KAFKA_DIR"
  # Tools print their results on stdout; keep their logging on stderr and
  # quiet so callers can parse the output.
  cat > "$KAFKA_DIR/tools-log4j2.yaml" <<YAML
Configuration:
  Appenders:
    Console:
      name: STDERR
      target: SYSTEM_ERR
      PatternLayout:
        Pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: ERROR
      AppenderRef:
        - ref: STDERR
YAML
  cat > "$KAFKA_DIR/broker-log4j2.yaml" <<YAML
Configuration:
  Appenders:
    File:
      name: FILE
      fileName: "$KAFKA_DIR/server.log"
      PatternLayout:
        Pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: INFO
      AppenderRef:
        - ref: FILE
    Logger:
      - name: kafka.request.logger
        level: WARN
      - name: org.apache.kafka.coordinator
        level: WARN
YAML
}

# run_kafka_class <log4j2 config> <main class> [args...]
run_kafka_class() {
  local log_config="$1"
  shift
  java ${KAFKA_HEAP_OPTS:--Xmx256m} -XX:+UseSerialGC -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$log_config" \
    -cp "$KAFKA_LIBS/*" "$@"
}

broker_pid() {
  [ -f "$KAFKA_PID_FILE" ] || return 1
  local pid
  pid="$(cat "$KAFKA_PID_FILE")"
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}
