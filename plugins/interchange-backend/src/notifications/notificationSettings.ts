import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/**
 * The state changes Interchange notifies owners about; each is a key under
 * `interchange.notifications`.
 */
export const NOTIFICATION_EVENT_TYPES = [
  /** A consumer group turns ERROR or STOPPED. */
  'consumerGroup',
  /** A Kafka topic or a gateway route starts to differ from its entity. */
  'drift',
  /** A webhook endpoint's health turns failing. */
  'webhookEndpoint',
  /** A new error-severity integration-check finding. */
  'finding',
] as const;

export type NotificationEventType = (typeof NOTIFICATION_EVENT_TYPES)[number];

/** Backstage's notification severities. */
const SEVERITIES = ['critical', 'high', 'normal', 'low'] as const;
export type NotificationSeverityName = (typeof SEVERITIES)[number];

export interface NotificationEventSettings {
  enabled: boolean;
  severity: NotificationSeverityName;
}

export interface NotificationSettings {
  /** False turns every notification off. */
  enabled: boolean;
  /** How often states are compared with the last known ones. */
  frequency: HumanDuration;
  events: Record<NotificationEventType, NotificationEventSettings>;
}

const KEY = 'interchange.notifications';

const DEFAULT_SEVERITY: Record<NotificationEventType, NotificationSeverityName> =
  {
    consumerGroup: 'high',
    drift: 'normal',
    webhookEndpoint: 'high',
    finding: 'normal',
  };

/**
 * `interchange.notifications`, failing at start-up on an unknown key or a bad
 * value, naming the key and what it accepts.
 */
export function readNotificationSettings(config: Config): NotificationSettings {
  const c = config.getOptionalConfig(KEY);
  for (const key of c?.keys() ?? []) {
    if (
      !['enabled', 'frequency', ...NOTIFICATION_EVENT_TYPES].includes(key)
    ) {
      throw new Error(
        `${KEY}.${key}: unknown key; use enabled, frequency or one of the event types ${NOTIFICATION_EVENT_TYPES.join(
          ', ',
        )}`,
      );
    }
  }
  let frequency: HumanDuration = { minutes: 1 };
  if (c?.has('frequency')) {
    frequency = readDurationFromConfig(c, { key: 'frequency' });
    if (durationToMilliseconds(frequency) <= 0) {
      throw new Error(`${KEY}.frequency: must be longer than zero`);
    }
  }
  const events = {} as Record<NotificationEventType, NotificationEventSettings>;
  for (const type of NOTIFICATION_EVENT_TYPES) {
    const e = c?.getOptionalConfig(type);
    for (const key of e?.keys() ?? []) {
      if (key !== 'enabled' && key !== 'severity') {
        throw new Error(
          `${KEY}.${type}.${key}: unknown key; use enabled or severity`,
        );
      }
    }
    const severity = e?.getOptionalString('severity') ?? DEFAULT_SEVERITY[type];
    if (!(SEVERITIES as readonly string[]).includes(severity)) {
      throw new Error(
        `${KEY}.${type}.severity: '${severity}' is not a notification severity; use one of ${SEVERITIES.join(
          ', ',
        )}`,
      );
    }
    events[type] = {
      enabled: e?.getOptionalBoolean('enabled') ?? true,
      severity: severity as NotificationSeverityName,
    };
  }
  return {
    enabled: c?.getOptionalBoolean('enabled') ?? true,
    frequency,
    events,
  };
}
