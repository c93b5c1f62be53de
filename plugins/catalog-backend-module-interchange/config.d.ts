import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /**
       * Discovers topics on Kafka clusters that no catalog file declares and
       * adds them as KafkaTopic entities (tagged `discovered`). One entry per
       * cluster, keyed by a provider id.
       */
      interchangeKafka?: {
        [id: string]: {
          /** A cluster id from interchange.kafka.clusters. */
          cluster: string;
          /** Owner of discovered topics until a team declares them, e.g. `group:team-platform`. */
          defaultOwner: string;
          /** Namespace of the created entities. Default `default`. */
          namespace?: string;
          /** Only topics matching this regular expression. */
          include?: string;
          /**
           * Topics matching this regular expression are skipped. Default
           * skips Kafka's and common tools' internal topics
           * (`__consumer_offsets`, `_schemas`, `connect-*`, ...).
           */
          exclude?: string;
          /** Default every 30 minutes, first run after one minute. */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        };
      };
      /**
       * RabbitMQExchange and RabbitMQQueue entities for the exchanges and
       * queues of a broker that no catalog file declares; one provider per
       * entry (`interchange-rabbitmq:<id>`). See docs/rabbitmq.md.
       */
      interchangeRabbitMQ?: {
        [id: string]: {
          /** A broker id from interchange.rabbitmq.brokers. */
          broker: string;
          /** Owner of discovered exchanges and queues until a team declares them. */
          defaultOwner: string;
          /** Namespace of the created entities. Default `default`. */
          namespace?: string;
          /** Only vhosts matching this regular expression. */
          vhosts?: string;
          /** Exchanges and queues whose name matches this regular expression are skipped. */
          exclude?: string;
          /** Default every 30 minutes, first run after one minute. */
          schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        };
      };
      /**
       * GatewayRoute entities from the gateways of `interchange.gateways[]`
       * that have `files` and/or (Kong) an `adminUrl`; one provider per
       * gateway (`interchange-gateway:<id>`). The owner and system defaults
       * also apply to files listed by `interchange-gateway-config` Locations.
       */
      interchangeGateways?: {
        /** Owner of routes whose upstream matches no component (a gateway's own `defaultOwner` wins). Default `group:default/platform`. */
        defaultOwner?: string;
        /** System of routes whose upstream matches no component (a gateway's own `defaultSystem` wins). Default none. */
        defaultSystem?: string;
        /** Default every 30 minutes, first run after 15 seconds. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
}
