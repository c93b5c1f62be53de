/**
 * The apiVersion of every Interchange kind.
 *
 * @public
 */
export const INTERCHANGE_API_VERSION = 'interchange.dev/v1alpha1';

/** @public */
export const KAFKA_TOPIC_KIND = 'KafkaTopic';
/** @public */
export const GATEWAY_ROUTE_KIND = 'GatewayRoute';
/** @public */
export const WEBHOOK_KIND = 'Webhook';
/** @public */
export const RABBITMQ_EXCHANGE_KIND = 'RabbitMQExchange';
/** @public */
export const RABBITMQ_QUEUE_KIND = 'RabbitMQQueue';

/**
 * The kinds Interchange adds to the catalog.
 *
 * @public
 */
export const INTERCHANGE_KINDS = [
  KAFKA_TOPIC_KIND,
  GATEWAY_ROUTE_KIND,
  WEBHOOK_KIND,
  RABBITMQ_EXCHANGE_KIND,
  RABBITMQ_QUEUE_KIND,
] as const;

/** @public */
export type InterchangeKind = (typeof INTERCHANGE_KINDS)[number];

/**
 * Component annotation listing the consumer groups a component runs, as
 * comma-separated `<cluster>/<group>` pairs.
 *
 * @public
 */
export const ANNOTATION_KAFKA_CONSUMER_GROUPS =
  'interchange.dev/kafka-consumer-groups';

/**
 * The community Kafka plugin's annotation, honoured so that portals can
 * migrate without editing their catalog files. Same format as
 * {@link ANNOTATION_KAFKA_CONSUMER_GROUPS}.
 *
 * @public
 */
export const ANNOTATION_COMMUNITY_KAFKA_CONSUMER_GROUPS =
  'kafka.apache.org/consumer-groups';

/**
 * Component annotation listing the upstream hosts (comma-separated) that
 * gateway routes use to reach the component; used to map ingested routes to
 * the component that serves them.
 *
 * @public
 */
export const ANNOTATION_UPSTREAM_HOSTS = 'interchange.dev/upstream-hosts';

/**
 * Set on entities that an entity provider discovered in a live system rather
 * than read from a file someone wrote.
 *
 * @public
 */
export const ANNOTATION_DISCOVERED = 'interchange.dev/discovered';
