import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Interchange: Kafka topics, gateway routes and webhooks in the catalog. */
  interchange?: {
    kafka?: {
      /**
       * Consumer-lag sampling: the backend records every group's offsets on
       * this schedule, for lag trends and health (OK / WARNING / STALLED /
       * STOPPED / ERROR).
       */
      lagSampling?: {
        /** Default true (when clusters are configured). */
        enabled?: boolean;
        /** How often to sample. Default one minute. */
        frequency?: HumanDuration | string;
        /** How long to keep samples. Default 24 hours. */
        retention?: HumanDuration | string;
      };
      /**
       * Kafka clusters the portal can read live state from. KafkaTopic
       * entities refer to them by `id` in `spec.cluster`.
       */
      clusters?: Array<{
        /** Id used by KafkaTopic entities and consumer-group annotations, e.g. `prod-eu`. */
        id: string;
        /** Human-readable name shown in the portal. */
        title?: string;
        /** Bootstrap brokers as `host:port`. */
        brokers: string[];
        /** Client id sent to the brokers. Default `backstage-interchange`. */
        clientId?: string;
        /**
         * Kafka client library for this cluster: `platformatic`
         * (`@platformatic/kafka`) or `kafkajs`. See docs/configuration.md.
         */
        adapter?: 'platformatic' | 'kafkajs';
        /** Timeout for each admin request, in milliseconds. Default 10000. */
        requestTimeoutMs?: number;
        /** Link to a Kafka UI for this cluster, shown next to live state. */
        dashboardUrl?: string;
        /** TLS: `true` for system CAs, or PEM material. */
        ssl?:
          | boolean
          | {
              /** CA certificate(s), PEM. */
              ca?: string;
              /** Client certificate, PEM. */
              cert?: string;
              /**
               * Client private key, PEM.
               * @visibility secret
               */
              key?: string;
              /** Default true. */
              rejectUnauthorized?: boolean;
            };
        /**
         * Rules for topics created from the portal (the
         * `interchange:kafka:create-topic` scaffolder action and its form).
         */
        policy?: {
          /** Regular expression the whole topic name must match, e.g. `^[a-z]+\\.[a-z0-9-]+\\.v[0-9]+$`. */
          namePattern?: string;
          /** The naming rule in words, shown with errors, e.g. `<domain>.<event>.v<version>`. */
          nameDescription?: string;
          /** Allowed partition counts and the default. */
          partitions?: { min?: number; max?: number; default?: number };
          /** Allowed replication factors and the default. */
          replicationFactor?: { min?: number; max?: number; default?: number };
          /** Topic configs every new topic must set, e.g. `retention.ms`. */
          requiredConfigs?: string[];
          /** When set, only these topic configs may be set. */
          allowedConfigs?: string[];
          /** Topic configs applied when a request does not set them. */
          defaultConfigs?: { [name: string]: string };
        };
        /** SASL authentication. */
        sasl?: {
          mechanism:
            | 'plain'
            | 'scram-sha-256'
            | 'scram-sha-512'
            | 'oauthbearer';
          /** For plain and scram. */
          username?: string;
          /**
           * For plain and scram.
           * @visibility secret
           */
          password?: string;
          /** For oauthbearer: client-credentials token endpoint. */
          oauthbearer?: {
            tokenUrl: string;
            clientId: string;
            /** @visibility secret */
            clientSecret: string;
            scope?: string;
          };
        };
      }>;
    };
    /** Webhook signing secrets, outbound safety and the delivery log. */
    webhooks?: {
      /**
       * Signing secrets by name. Webhook entities refer to them with
       * `spec.signing.secretRef`; the values never leave the backend.
       * @visibility secret
       */
      secrets?: { [secretRef: string]: string };
      /** Requests the portal sends (test events, redeliveries). */
      outbound?: {
        /**
         * Non-public targets that may still be reached: CIDR ranges
         * (`10.20.0.0/16`, `127.0.0.1/32`) or exact host names. Everything
         * else must resolve to public addresses only.
         */
        allow?: string[];
        /** Per request, connect to last byte. Default 10 seconds. */
        timeout?: HumanDuration | string;
        /** Response bytes kept in the delivery log. Default 4096. */
        maxResponseBytes?: number;
      };
      /** POST /api/interchange/webhooks/:namespace/:name/receive */
      inbound?: {
        /** Larger bodies are refused with 413. Default 262144 (256 KiB). */
        maxBodyBytes?: number;
        /**
         * Refs of Webhook entities with `signing.scheme: none` that may
         * receive unsigned deliveries, e.g. `webhook:default/chat-alerts`.
         * Others are refused: an unsigned receiver accepts anyone's events.
         */
        allowUnsigned?: string[];
      };
      /** How long delivery log rows are kept. Default 30 days. */
      retention?: HumanDuration | string;
    };
    /** API gateways routes are read from. GatewayRoute entities use `id` in `spec.gateway`. */
    gateways?: Array<{
      /** Id used by GatewayRoute entities, e.g. `kong-public`. */
      id: string;
      /** What kind of gateway it is. */
      type: 'kong' | 'gateway-api' | 'istio' | 'aws-api-gateway';
      /** Human-readable name shown in the portal. */
      title?: string;
      /**
       * Kong only: the Admin API to read services, routes and plugins from,
       * e.g. `http://kong-admin.internal:8001`. Routes become GatewayRoute
       * entities (catalog module, `interchange-gateway:<id>` provider).
       */
      adminUrl?: string;
      /**
       * Kong Admin API token, sent as `Kong-Admin-Token`.
       * @visibility secret
       */
      token?: string;
      /** Kong Enterprise workspace. */
      workspace?: string;
      /**
       * Globs of gateway configuration files to ingest (kong.yml, HTTPRoute or
       * VirtualService manifests, AWS API Gateway exports), relative to the
       * backend's working directory.
       */
      files?: string[];
      /** Owner of routes whose upstream matches no component, e.g. `group:team-platform`. */
      defaultOwner?: string;
      /** System of routes whose upstream matches no component, e.g. `system:edge`. */
      defaultSystem?: string;
      /** Per Admin API request, in milliseconds. Default 10000. */
      requestTimeoutMs?: number;
    }>;
  };
}
