import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

export interface Config {
  search?: {
    collators?: {
      /** Interchange's search collator (searchModuleInterchangeCollator). */
      interchange?: {
        /** When the index is rebuilt. Default every 10 minutes, first 3 s after start. */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      };
    };
  };
  /**
   * What the Interchange backend plugin reads. The Kafka clusters and
   * gateways are declared by `@interchange/plugin-interchange-node`.
   */
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
      /** How consumer-group health is judged (docs/kafka-live-state.md). */
      lagStatus?: {
        /**
         * A group that keeps falling behind (WARNING) is ERROR once its time
         * lag reaches this. Default 15 minutes.
         */
        errorTimeLag?: HumanDuration | string;
      };
    };
    /**
     * One-time secret links (docs/webhooks.md): a secret the scaffolder
     * generated is kept encrypted until its creator opens the link once.
     */
    secrets?: {
      /**
       * AES-256-GCM key: 32 random bytes in base64 (`openssl rand -base64
       * 32`), from your secret store. Required in production (without it
       * the links are off); elsewhere a random key is generated per start.
       * @visibility secret
       */
      encryptionKey?: string;
      /** How long a link can be opened. Default 24 hours; 1 minute to 7 days. */
      linkTtl?: HumanDuration | string;
    };
    /** Webhook signing secrets, outbound safety and the delivery log. */
    webhooks?: {
      /**
       * Signing secrets by name. Webhook entities refer to them with
       * `spec.signing.secretRef`; the values never leave the backend.
       */
      secrets?: {
        /**
         * On each value, so the backend redacts them from its logs.
         * @visibility secret
         */
        [secretRef: string]: string;
      };
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
      /**
       * How long the payloads of delivery log rows are kept, when shorter
       * than `retention`: payloads are most of the log's size, and an
       * attempt without one can no longer be redelivered. Default: as
       * long as the rows.
       */
      payloadRetention?: HumanDuration | string;
    };
    /**
     * When the integration checks run (docs/checks.md): the backend reads
     * the catalog, runs the rules configured under `interchange.checks` and
     * stores the findings, on one backend instance at a time.
     */
    checksSchedule?: {
      /** How often. Default 10 minutes. */
      frequency?: HumanDuration | string;
      /** The first run after start-up. Default 30 seconds. */
      initialDelay?: HumanDuration | string;
      /** A run taking longer is abandoned. Default 5 minutes. */
      timeout?: HumanDuration | string;
    };
    /**
     * Notifications to the owning group (through Backstage notifications,
     * `@backstage/plugin-notifications-backend`) when something turns bad,
     * once per state change; the last known states are kept in the
     * database, so restarts and replicas do not repeat them
     * (docs/notifications.md).
     */
    notifications?: {
      /** Default true. False sends none. */
      enabled?: boolean;
      /** How often states are compared with the last known ones. Default one minute. */
      frequency?: HumanDuration | string;
      /** A consumer group turns ERROR or STOPPED (owners of the components declaring it). */
      consumerGroup?: InterchangeNotificationEvent;
      /** A Kafka topic or gateway route starts to differ from its entity. */
      drift?: InterchangeNotificationEvent;
      /** A webhook endpoint's health turns failing. */
      webhookEndpoint?: InterchangeNotificationEvent;
      /** A new error-severity integration-check finding (not those present at the first run). */
      finding?: InterchangeNotificationEvent;
    };
    /**
     * The generated integration strategy (GET /api/interchange/strategy,
     * the Strategy page, `interchange strategy`; docs/map-and-strategy.md).
     */
    strategy?: {
      /**
       * The platform team's principles, shown near the top of the document
       * as headed paragraphs: the "why", written once; the numbers around
       * them come from the catalog.
       */
      principles?: Array<{
        /** The heading, one line, e.g. `Events first between systems`. */
        title: string;
        /** The paragraph, Markdown. */
        body: string;
      }>;
    };
  };
}

/** One event type of `interchange.notifications`. */
interface InterchangeNotificationEvent {
  /** Default true. */
  enabled?: boolean;
  /** The notification's severity. Default high for consumer groups and webhook endpoints, normal otherwise. */
  severity?: 'critical' | 'high' | 'normal' | 'low';
}
