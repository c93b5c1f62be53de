import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  buildTestEvent,
  fillWebhookUrl,
  sampleDataFromDefinition,
  signWebhook,
  WebhookEntityV1alpha1,
  WebhookSendResult,
  WebhookSignaturePreview,
  maskWebhookSecret,
} from '@interchange/plugin-interchange-common';
import { sendWebhookRequest } from '@interchange/plugin-interchange-node';
import { parse as parseYaml } from 'yaml';
import { Delivery, DeliveryStore } from './DeliveryStore';
import { WebhookSettings } from './webhookSettings';

export type SignaturePreview = WebhookSignaturePreview;
export type SendResult = WebhookSendResult;

/**
 * Signs and sends events to a Webhook entity's `spec.url` and records every
 * attempt: test events built from the schema, and redeliveries of recorded
 * attempts with the same event id (as GitHub and Svix redeliver).
 */
export class WebhookDeliverer {
  constructor(
    private readonly options: {
      settings: WebhookSettings;
      store: DeliveryStore;
      logger: LoggerService;
    },
  ) {}

  /** The sample `data` for an event type, from the schema API when there is one. */
  sampleData(schemaApi: Entity | undefined, eventType: string): unknown {
    const definition = (schemaApi?.spec as { definition?: unknown })
      ?.definition;
    if (typeof definition !== 'string') {
      return undefined;
    }
    try {
      return sampleDataFromDefinition(parseYaml(definition), eventType);
    } catch {
      // An unparsable definition is the API entity's problem; send a ping.
      return undefined;
    }
  }

  async sendTestEvent(
    webhook: WebhookEntityV1alpha1,
    options: { eventType?: string; schemaApi?: Entity },
  ): Promise<SendResult> {
    const eventType = options.eventType ?? webhook.spec.events[0];
    if (!webhook.spec.events.includes(eventType)) {
      throw new InputError(
        `eventType '${eventType}' is not one of this webhook's events (${webhook.spec.events.join(
          ', ',
        )})`,
      );
    }
    const ref = stringifyEntityRef(webhook);
    const now = new Date();
    const payload = JSON.stringify(
      buildTestEvent({
        eventType,
        webhookRef: ref,
        timestamp: now,
        data: this.sampleData(options.schemaApi, eventType),
      }),
    );
    return this.#send(webhook, {
      eventId: `msg_${randomUUID().replace(/-/g, '')}`,
      eventType,
      payload,
    });
  }

  async redeliver(
    webhook: WebhookEntityV1alpha1,
    original: Delivery,
    payload: string | undefined,
  ): Promise<SendResult> {
    if (original.direction !== 'outbound') {
      throw new InputError(
        'only outbound attempts can be redelivered; inbound deliveries are retried by their sender',
      );
    }
    if (payload === undefined) {
      throw new InputError(
        'this attempt can no longer be redelivered: its payload is past interchange.webhooks.payloadRetention; send a new test event instead',
      );
    }
    return this.#send(webhook, {
      eventId: original.eventId,
      eventType: original.eventType,
      payload,
      redeliveryOf: original.id,
    });
  }

  async #send(
    webhook: WebhookEntityV1alpha1,
    event: {
      eventId: string;
      eventType: string;
      payload: string;
      redeliveryOf?: string;
    },
  ): Promise<SendResult> {
    const { settings, store } = this.options;
    const { url, signing } = webhook.spec;
    if (!url) {
      throw new InputError(
        'this webhook has no spec.url: it is received by a component of this portal, so there is nothing to send to',
      );
    }
    let secret: string | undefined;
    if (signing.scheme !== 'none') {
      secret = signing.secretRef
        ? settings.secrets.get(signing.secretRef)
        : undefined;
      if (!secret) {
        throw new InputError(
          `no secret '${signing.secretRef}' is configured: add it under interchange.webhooks.secrets.${signing.secretRef} (from your secret store)`,
        );
      }
    }
    // A URL that is itself the credential (Zapier, Slack, IFTTT) is
    // completed here; everything recorded or answered keeps `{secret}`.
    let target = url;
    let urlSecret: string | undefined;
    if (webhook.spec.urlSecretRef) {
      const ref = webhook.spec.urlSecretRef;
      urlSecret = settings.secrets.get(ref);
      if (!urlSecret) {
        throw new InputError(
          `no secret '${ref}' is configured for spec.urlSecretRef: add it under interchange.webhooks.secrets.${ref} (from your secret store)`,
        );
      }
      try {
        target = fillWebhookUrl(url, urlSecret);
      } catch (e) {
        throw new InputError(
          `spec.url cannot be completed with secret '${ref}': ${
            (e as Error).message
          }`,
        );
      }
    }
    const redact = (text: string | undefined) =>
      redactSecrets(text, [secret, urlSecret]);
    // A fresh timestamp even on redelivery: receivers reject old ones.
    const timestamp = Math.floor(Date.now() / 1000);
    const signatureHeaders = await signWebhook(
      signing.scheme,
      secret,
      { id: event.eventId, timestamp, body: event.payload },
      { header: signing.header },
    );
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Backstage-Interchange-Webhooks/1.0',
      ...signatureHeaders,
    };
    const result = await sendWebhookRequest(
      target,
      { headers, body: event.payload },
      settings.outbound,
    );
    // A shared token is the credential itself: logged and shown masked.
    const shownHeaders = Object.fromEntries(
      Object.entries(signatureHeaders).map(([name, value]) => [
        name,
        secret !== undefined && value === secret
          ? maskWebhookSecret(value)
          : value,
      ]),
    );
    const delivery = await store.add({
      entityRef: stringifyEntityRef(webhook),
      direction: 'outbound',
      eventId: event.eventId,
      eventType: event.eventType,
      attemptedAt: Date.now(),
      durationMs: result.durationMs,
      statusCode: result.statusCode,
      outcome: result.outcome,
      // A receiver may echo its URL or the token back; an error may name it.
      error: redact(result.error),
      response: redact(result.response),
      url,
      requestHeaders: shownHeaders,
      payload: event.payload,
      redeliveryOf: event.redeliveryOf,
    });
    this.options.logger.info(
      `Webhook ${delivery.entityRef} ${
        event.redeliveryOf ? 'redelivery' : 'test event'
      } ${event.eventId}: ${result.outcome}${
        result.statusCode ? ` ${result.statusCode}` : ''
      }${delivery.error ? ` (${delivery.error})` : ''}`,
    );
    return {
      delivery,
      signature: {
        scheme: signing.scheme,
        secretRef: signing.secretRef,
        // Enough to tell which secret signed (e.g. during a rotation),
        // never enough to sign.
        secret: secret ? maskWebhookSecret(secret) : undefined,
        headers: shownHeaders,
      },
    };
  }
}

/** `text` with every secret value replaced by `[redacted]`. */
export function redactSecrets(
  text: string | undefined,
  secrets: Array<string | undefined>,
): string | undefined {
  if (text === undefined) {
    return undefined;
  }
  let out = text;
  for (const secret of secrets) {
    if (secret) {
      out = out.split(secret).join('[redacted]');
    }
  }
  return out;
}
