#!/usr/bin/env bash
# Runs one of Kafka's command-line tools from the same jars as the broker,
# with its logging on stderr so stdout carries only the tool's output:
#   scripts/kafka/tool.sh kafka-consumer-groups --bootstrap-server 127.0.0.1:19092 --describe --group g1
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

name="${1:-}"
shift || true
case "$name" in
  kafka-topics) class=org.apache.kafka.tools.TopicCommand ;;
  kafka-consumer-groups) class=org.apache.kafka.tools.consumer.group.ConsumerGroupCommand ;;
  kafka-configs) class=kafka.admin.ConfigCommand ;;
  kafka-delete-records) class=org.apache.kafka.tools.DeleteRecordsCommand ;;
  kafka-console-producer) class=org.apache.kafka.tools.ConsoleProducer ;;
  kafka-console-consumer) class=org.apache.kafka.tools.consumer.ConsoleConsumer ;;
  kafka-get-offsets) class=org.apache.kafka.tools.GetOffsetShell ;;
  *)
    echo "usage: $0 <kafka-topics|kafka-consumer-groups|kafka-configs|kafka-delete-records|kafka-console-producer|kafka-console-consumer|kafka-get-offsets> [args...]" >&2
    exit 2
    ;;
esac
ensure_kafka_libs
write_log_config
exec java -Xmx256m -XX:+UseSerialGC -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.yaml" -cp "$KAFKA_LIBS/*" "$class" "$@"
