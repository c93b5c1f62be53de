import { randomUUID } from 'node:crypto';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  buildTestEvent,
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
    if (original.direction !== 'outbound' || payload === undefined) {
      throw new InputError(
        'only outbound attempts can be redelivered; inbound deliveries are retried by their sender',
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
    // A fresh timestamp even on redelivery: receivers reject old ones.
    const timestamp = Math.floor(Date.now() / 1000);
    const signatureHeaders = await signWebhook(signing.scheme, secret, {
      id: event.eventId,
      timestamp,
      body: event.payload,
    });
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'Backstage-Interchange-Webhooks/1.0',
      ...signatureHeaders,
    };
    const result = await sendWebhookRequest(
      url,
      { headers, body: event.payload },
      settings.outbound,
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
      error: result.error,
      response: result.response,
      url,
      requestHeaders: signatureHeaders,
      payload: event.payload,
      redeliveryOf: event.redeliveryOf,
    });
    this.options.logger.info(
      `Webhook ${delivery.entityRef} ${
        event.redeliveryOf ? 'redelivery' : 'test event'
      } ${event.eventId}: ${result.outcome}${
        result.statusCode ? ` ${result.statusCode}` : ''
      }${result.error ? ` (${result.error})` : ''}`,
    );
    return {
      delivery,
      signature: {
        scheme: signing.scheme,
        secretRef: signing.secretRef,
        // Enough to tell which secret signed (e.g. during a rotation),
        // never enough to sign.
        secret: secret ? maskWebhookSecret(secret) : undefined,
        headers: signatureHeaders,
      },
    };
  }
}
