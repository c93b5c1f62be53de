export interface Config {
  /**
   * Interchange: Kafka topics, gateway routes and webhooks in the catalog.
   * This package declares what it reads (the Kafka clusters and the
   * gateways); the backend plugin declares `interchange.kafka.lagSampling`
   * and `interchange.webhooks`.
   */
  interchange?: {
    /**
     * Bounds every configuration file is read within (gateway files and
     * bundles, mesh policies, RabbitMQ definitions, URL bodies), so a
     * hostile or broken file gets a clear error in bounded time. Raise them
     * only for real files that outgrow the defaults; see docs/security.md.
     */
    inputLimits?: {
      /** Largest file or URL body, in bytes. Default 8388608 (8 MB). */
      maxFileBytes?: number;
      /** Deepest nesting of maps and lists (or XML elements). Default 64. */
      maxDepth?: number;
      /** Longest line of YAML, XML or HCL (JSON is exempt). Default 262144. */
      maxLineLength?: number;
      /** Most values a file may expand to through YAML aliases. Default 4000000. */
      maxExpandedValues?: number;
    };
    kafka?: {
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
        /**
         * TLS: `true` for the system CAs, or PEM material. A client
         * certificate (mutual TLS) needs both `cert` and `key`.
         */
        ssl?:
          | boolean
          | {
              /** CA certificate(s), PEM. */
              ca?: string;
              /** Client certificate, PEM (with `key`). */
              cert?: string;
              /**
               * Client private key, PEM (with `cert`).
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
        /**
         * SASL authentication, by mechanism: a username and password for
         * `plain` and `scram-*`, a client-credentials token endpoint for
         * `oauthbearer`.
         */
        sasl?:
          | {
              mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512';
              username: string;
              /** @visibility secret */
              password: string;
            }
          | {
              mechanism: 'oauthbearer';
              /** The client-credentials token endpoint. */
              oauthbearer: {
                tokenUrl: string;
                clientId: string;
                /** @visibility secret */
                clientSecret: string;
                scope?: string;
              };
            };
      }>;
    };
    rabbitmq?: {
      /**
       * RabbitMQ brokers the portal reads live state from, through the
       * management plugin's HTTP API. RabbitMQExchange and RabbitMQQueue
       * entities refer to them by `id` in `spec.broker`. See docs/rabbitmq.md.
       */
      brokers?: Array<{
        /** Id used by RabbitMQ entities, e.g. `prod-eu`. */
        id: string;
        /** Human-readable name shown in the portal. */
        title?: string;
        /** Base URL of the management HTTP API, e.g. `https://rabbit.internal:15671`. */
        managementUrl: string;
        /**
         * Base URL of the broker's `rabbitmq_prometheus` plugin (RabbitMQ
         * 3.10 or later), e.g. `http://rabbit.internal:15692`; for a
         * cluster, a list with the URL of every node (each node reports
         * only the queues it hosts). Optional. When set, the queue list and
         * depth sampling read queue counts and consumers from its per-queue
         * metrics (`/metrics/detailed`), which costs the broker a fraction
         * of the management API's queue totals on large brokers; the counts
         * are then those the queues last reported, at most the broker's
         * statistics interval old (default 5 s). When the metrics cannot be
         * read or lack queues, the counts come from the management API as
         * without it. No credentials are sent to it. See docs/rabbitmq.md.
         */
        prometheusUrl?: string | string[];
        /**
         * A user with the `monitoring` tag (read) or `management` (the
         * scaffolder action declares queues). Take both from the
         * environment, e.g. `${RABBITMQ_PROD_PASSWORD}`; they are never
         * returned by the API or logged.
         */
        credentials: {
          /** @visibility secret */
          username: string;
          /** @visibility secret */
          password: string;
        };
        /**
         * TLS for an https managementUrl: `true` for the system CAs, or PEM
         * material. A client certificate needs both `cert` and `key`.
         */
        tls?:
          | boolean
          | {
              /** CA certificate(s), PEM. */
              ca?: string;
              /** Client certificate, PEM. */
              cert?: string;
              /** @visibility secret */
              key?: string;
              /** Default true. */
              rejectUnauthorized?: boolean;
            };
        /** Timeout for each management API request, in milliseconds. Default 10000. */
        requestTimeoutMs?: number;
        /**
         * Page the list endpoints, this many queues per page (1-500). Default:
         * one request for all queues, which is cheaper in total (the
         * management plugin builds the whole list for every page); set it
         * when a broker's list is too large for one answer.
         */
        pageSize?: number;
        /** Link to the management UI, shown next to live state. Default managementUrl. */
        dashboardUrl?: string;
        /** What the "New RabbitMQ queue" template may declare here. */
        policy?: {
          /** Queue names must match this regular expression. */
          namePattern?: string;
          /** The rule in words, shown in forms and errors. */
          nameDescription?: string;
          /** Queues with lifecycle `production` must be quorum queues. */
          requireQuorumInProduction?: boolean;
          /** Every queue must name a dead-letter exchange. */
          requireDeadLetterExchange?: boolean;
        };
        /** Queue status thresholds. */
        queueStatus?: {
          /** A queue holding more messages than this is ERROR. Default 10000. */
          errorDepth?: number;
        };
      }>;
    };
    /** API gateways routes are read from. GatewayRoute entities use `id` in `spec.gateway`. */
    gateways?: Array<{
      /** Id used by GatewayRoute entities, e.g. `kong-public`. */
      id: string;
      /** What kind of gateway it is. */
      type: 'kong' | 'gateway-api' | 'istio' | 'aws-api-gateway' | 'apigee';
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

    /** Service meshes whose authorization policy and traffic Interchange reads (docs/mesh.md). */
    meshes?: Array<{
      /** Id of the mesh, e.g. `shop-mesh`. */
      id: string;
      /** Which mesh it is. */
      type: 'istio' | 'linkerd' | 'consul';
      /** Human-readable name shown in the portal. */
      title?: string;
      /** Globs of policy files (AuthorizationPolicy, Linkerd policy, Consul service-intentions), relative to the backend's working directory. */
      files?: string[];
      /** Consul only: HTTP API base URL, read at `/v1/connect/intentions`. */
      consulUrl?: string;
      /**
       * Consul ACL token, sent as `X-Consul-Token`.
       * @visibility secret
       */
      consulToken?: string;
      /** Consul's `acl.default_policy` when no intention matches. Default `allow`. */
      defaultPolicy?: 'allow' | 'deny';
      /** Prometheus with the mesh's request metrics, e.g. `http://prometheus.istio-system:9090`. */
      prometheusUrl?: string;
      /** How far back observed calls count: a number and s, m, h or d. Default `7d`. */
      window?: string;
      /** Per HTTP request, in milliseconds. Default 10000. */
      requestTimeoutMs?: number;
    }>;

    // --- Integration checks (docs/checks.md) ---------------------------------
    /**
     * Integration checks, keyed by rule id, e.g.
     * `coupling/chatty-systems: { threshold: 8 }` or
     * `hygiene/topic-without-schema: { enabled: false }`. The rule ids are
     * listed in docs/checks.md; an unknown id, or a setting a rule does not
     * take, fails at start-up naming the key. Read by
     * `resolveCheckConfig` in `@interchange/plugin-interchange-common`.
     */
    checks?: {
      [ruleId: string]: {
        /** Run the rule. Default true. */
        enabled?: boolean;
        /** Severity of its findings. Default: the rule's own. */
        severity?: 'error' | 'warning' | 'info';
        /**
         * For coupling/chatty-systems (default 6), coupling/hub (12) and
         * coupling/deep-sync-chain (4).
         */
        threshold?: number;
        /** For overengineering/idle-integration (default 30). */
        days?: number;
      };
    };
  };
}
