import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  checkAllowlist,
  OutboundRequestPolicy,
} from '@interchange/plugin-interchange-node';

export interface WebhookSettings {
  /** secretRef -> secret. Stays in the backend. */
  secrets: Map<string, string>;
  outbound: OutboundRequestPolicy;
  maxInboundBodyBytes: number;
  /** Lower-cased refs of Webhook entities that may receive unsigned. */
  allowUnsigned: Set<string>;
  retentionMs: number;
  /** Payloads are cleared after this (at most `retentionMs`). */
  payloadRetentionMs: number;
}

/** `interchange.webhooks`, with defaults, failing at start-up on bad values. */
export function readWebhookSettings(config: Config): WebhookSettings {
  const c = config.getOptionalConfig('interchange.webhooks');
  const key = 'interchange.webhooks';
  const secrets = new Map<string, string>();
  const secretsConfig = c?.getOptionalConfig('secrets');
  for (const name of secretsConfig?.keys() ?? []) {
    secrets.set(name, secretsConfig!.getString(name));
  }
  const allow = c?.getOptionalStringArray('outbound.allow') ?? [];
  checkAllowlist(allow, `${key}.outbound.allow`);
  const maxResponseBytes =
    c?.getOptionalNumber('outbound.maxResponseBytes') ?? 4096;
  const maxBodyBytes =
    c?.getOptionalNumber('inbound.maxBodyBytes') ?? 256 * 1024;
  for (const [name, value] of [
    ['outbound.maxResponseBytes', maxResponseBytes],
    ['inbound.maxBodyBytes', maxBodyBytes],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(
        `${key}.${name}: must be a whole number of bytes, at least 1`,
      );
    }
  }
  const retentionMs = c?.has('retention')
    ? durationToMilliseconds(readDurationFromConfig(c, { key: 'retention' }))
    : 30 * 24 * 3600 * 1000;
  // Payloads are most of the log's size; by default they go with the rows.
  const payloadRetentionMs = c?.has('payloadRetention')
    ? durationToMilliseconds(
        readDurationFromConfig(c, { key: 'payloadRetention' }),
      )
    : retentionMs;
  return {
    secrets,
    outbound: {
      allowlist: { entries: allow },
      timeoutMs: c?.has('outbound.timeout')
        ? durationToMilliseconds(
            readDurationFromConfig(c, { key: 'outbound.timeout' }),
          )
        : 10_000,
      maxResponseBytes,
    },
    maxInboundBodyBytes: maxBodyBytes,
    allowUnsigned: new Set(
      (c?.getOptionalStringArray('inbound.allowUnsigned') ?? []).map(r =>
        r.toLocaleLowerCase('en-US'),
      ),
    ),
    retentionMs,
    payloadRetentionMs: Math.min(payloadRetentionMs, retentionMs),
  };
}
