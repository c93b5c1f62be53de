import express from 'express';
import Router from 'express-promise-router';
import {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { EventsService } from '@backstage/plugin-events-node';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  computeEndpointHealth,
  DEFAULT_SHARED_TOKEN_HEADER,
  isWebhookEntity,
  maskWebhookSecret,
  verifyWebhook,
  WEBHOOK_HEADERS,
  webhookDeliveriesReadPermission,
  WebhookEntityV1alpha1,
  webhookRedeliverPermission,
  webhookSendPermission,
} from '@interchange/plugin-interchange-common';
import { InterchangeRouter } from '../schema/InterchangeRouter';
import { checkPathParameters } from '../service/pathParameters';
import { DeliveryStore } from './DeliveryStore';
import { nodeHmacSha256 } from './nodeHmacSha256';
import { readPlainBody } from './readPlainBody';
import { ReceiverEntityCache } from './ReceiverEntityCache';
import { WebhookDeliverer } from './WebhookDeliverer';
import { WebhookSettings } from './webhookSettings';

/** The signature-related headers of a request, for the delivery log. */
function receivedSignatureHeaders(
  headerValue: (name: string) => string | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.values(WEBHOOK_HEADERS)) {
    const value = headerValue(name);
    if (value) {
      out[name] = value;
    }
  }
  return out;
}

/** Topic on Backstage's events service for verified inbound deliveries. */
export const WEBHOOK_RECEIVED_TOPIC = 'interchange.webhook.received';

export interface WebhooksRouterOptions {
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  events: EventsService;
  logger: LoggerService;
  store: DeliveryStore;
  settings: WebhookSettings;
}

async function webhookEntity(
  catalog: CatalogService,
  params: { namespace: string; name: string },
  credentials: BackstageCredentials,
): Promise<WebhookEntityV1alpha1> {
  const ref = stringifyEntityRef({
    kind: 'Webhook',
    namespace: params.namespace,
    name: params.name,
  });
  const entity = await catalog.getEntityByRef(ref, { credentials });
  if (!entity || !isWebhookEntity(entity)) {
    throw new NotFoundError(`No Webhook entity ${ref} in the catalog`);
  }
  return entity;
}

const RECEIVE_PATH = /\/webhooks\/[^/]+\/[^/]+\/receive\/?$/;

/** Whether a request path is the inbound receiver's. */
export function isWebhookReceivePath(path: string): boolean {
  return RECEIVE_PATH.test(path);
}

/** Backstage's error body, for answers the receiver writes itself. */
function sendError(
  req: express.Request,
  res: express.Response,
  statusCode: number,
  error: { name: string; message: string },
) {
  res.status(statusCode).json({
    error,
    request: { method: req.method, url: req.originalUrl },
    response: { statusCode },
  });
}

/**
 * Reads the inbound receiver's body as raw bytes (signatures cover the
 * bytes, so they must reach verification untouched); other requests pass
 * through to the JSON parser. Too big a body is a 413. The common delivery
 * (a Content-Length, no Content-Encoding) is read by `readPlainBody`,
 * everything else by body-parser.
 */
export function rawWebhookBody(settings: WebhookSettings): express.Handler {
  const raw = express.raw({
    type: () => true,
    limit: settings.maxInboundBodyBytes,
  });
  return (req, res, next) => {
    if (req.method !== 'POST' || !isWebhookReceivePath(req.path)) {
      next();
      return;
    }
    if (readPlainBody(req, settings.maxInboundBodyBytes, next)) {
      return;
    }
    raw(req, res, err => {
      if (err?.type === 'entity.too.large') {
        sendError(req, res, 413, {
          name: 'PayloadTooLargeError',
          message: `body is larger than ${settings.maxInboundBodyBytes} bytes (interchange.webhooks.inbound.maxBodyBytes)`,
        });
        return;
      }
      next(err);
    });
  };
}

/**
 * The receiving endpoint, `POST /webhooks/:namespace/:name/receive`; the
 * body must have been read by `rawWebhookBody`.
 */
function receiveWebhook(
  options: WebhooksRouterOptions,
): (req: express.Request, res: express.Response) => Promise<void> {
  const { auth, catalog, events, logger, store, settings } = options;
  // Senders deliver in bursts; the receiver asks the catalog about a
  // webhook at most every few seconds, not once per delivery.
  const entities = new ReceiverEntityCache<WebhookEntityV1alpha1>({
    load: async ref => {
      const entity = await catalog.getEntityByRef(ref, {
        credentials: await auth.getOwnServiceCredentials(),
      });
      return entity && isWebhookEntity(entity) ? entity : undefined;
    },
  });
  return async (req, res) => {
    const started = Date.now();
    // The validator skips this route (it cannot read a raw body), so the
    // path is checked here against the same spec.
    const params = checkPathParameters(req.params, ['namespace', 'name']);
    const ref = stringifyEntityRef({
      kind: 'Webhook',
      namespace: params.namespace,
      name: params.name,
    });
    const webhook = await entities.get(ref);
    if (!webhook) {
      throw new NotFoundError(`No Webhook entity ${ref} in the catalog`);
    }
    const entityRef = stringifyEntityRef(webhook);
    if (!webhook.spec.receiver) {
      throw new NotFoundError(
        `${entityRef} has no spec.receiver: it is not received by this portal`,
      );
    }
    const body: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const headers = req.headers as Record<string, string | string[]>;
    const headerValue = (name: string) => {
      const v = headers[name];
      return Array.isArray(v) ? v[0] : v;
    };
    const reject = async (status: number, reason: string) => {
      await store.add({
        entityRef,
        direction: 'inbound',
        eventId:
          headerValue(WEBHOOK_HEADERS.id) ??
          headerValue(WEBHOOK_HEADERS.githubDelivery) ??
          '-',
        eventType: headerValue(WEBHOOK_HEADERS.githubEvent) ?? 'unknown',
        attemptedAt: started,
        durationMs: Date.now() - started,
        statusCode: status,
        outcome: 'rejected',
        error: reason,
      });
      logger.warn(`Rejected delivery to ${entityRef}: ${reason}`);
      sendError(req, res, status, { name: 'WebhookRejected', message: reason });
    };

    const { scheme, secretRef, header: tokenHeader } = webhook.spec.signing;
    if (
      scheme === 'none' &&
      !settings.allowUnsigned.has(entityRef.toLocaleLowerCase('en-US'))
    ) {
      await reject(
        403,
        `${entityRef} declares signing.scheme none; unsigned receivers must be allowed in interchange.webhooks.inbound.allowUnsigned`,
      );
      return;
    }
    const secret = secretRef ? settings.secrets.get(secretRef) : undefined;
    if (scheme !== 'none' && !secret) {
      logger.error(
        `Webhook ${entityRef} cannot verify deliveries: secret '${secretRef}' is not configured under interchange.webhooks.secrets`,
      );
      sendError(req, res, 503, {
        name: 'ServiceUnavailableError',
        message: 'this receiver is not configured to verify signatures',
      });
      return;
    }
    const verified = await verifyWebhook(
      scheme,
      secret ?? [],
      { headers, body },
      { header: tokenHeader, hmac: nodeHmacSha256 },
    );
    if (!verified.valid) {
      await reject(401, verified.reason);
      return;
    }
    if (!verified.id) {
      await reject(
        400,
        `missing event id: send a ${WEBHOOK_HEADERS.id} header (or ${WEBHOOK_HEADERS.githubDelivery}) so deliveries can be deduplicated`,
      );
      return;
    }
    // Decoded once: parsed here, stored as the payload below.
    const text = body.toString('utf8');
    let event: unknown;
    try {
      event = JSON.parse(text);
    } catch (e) {
      await reject(400, `body is not valid JSON: ${(e as Error).message}`);
      return;
    }
    const eventType =
      (typeof (event as { type?: unknown })?.type === 'string'
        ? (event as { type: string }).type
        : undefined) ??
      headerValue(WEBHOOK_HEADERS.githubEvent) ??
      'unknown';
    const recorded = await store.addInbound({
      entityRef,
      direction: 'inbound',
      eventId: verified.id,
      eventType,
      attemptedAt: started,
      durationMs: Date.now() - started,
      statusCode: 202,
      outcome: 'received',
      requestHeaders: {
        ...receivedSignatureHeaders(headerValue),
        // The token is the credential: only its masked form is logged.
        ...(scheme === 'shared-token' && secret
          ? {
              [(tokenHeader ?? DEFAULT_SHARED_TOKEN_HEADER).toLowerCase()]:
                maskWebhookSecret(secret),
            }
          : {}),
      },
      payload: text,
    });
    if (recorded.duplicate) {
      res.status(200).json({ status: 'duplicate', eventId: verified.id });
      return;
    }
    await events.publish({
      topic: WEBHOOK_RECEIVED_TOPIC,
      eventPayload: {
        webhook: entityRef,
        eventId: verified.id,
        eventType,
        event,
      },
      metadata: { 'interchange-webhook': entityRef },
    });
    res.status(202).json({ status: 'received', eventId: verified.id });
  };
}

/**
 * The receiver alone on a plain router, with its raw body parser; for
 * measuring it (scripts/bench/webhooks.ts). The plugin mounts it through
 * `createRouter`.
 */
export function createWebhookReceiveRouter(
  options: WebhooksRouterOptions,
): express.Router {
  const router = Router();
  router.use(rawWebhookBody(options.settings));
  router.post('/webhooks/:namespace/:name/receive', receiveWebhook(options));
  return router;
}

/**
 * Delivery log, health, test events and redelivery, for the portal's pages,
 * and the inbound receiver.
 */
export function addWebhookRoutes(
  router: InterchangeRouter,
  options: WebhooksRouterOptions,
): void {
  const { httpAuth, permissions, catalog, store, settings, logger } = options;
  const deliverer = new WebhookDeliverer({ settings, store, logger });

  async function authorize(
    req: Parameters<HttpAuthService['credentials']>[0],
    permission: ResourcePermission<'catalog-entity'>,
    entityRef: string,
  ): Promise<BackstageCredentials> {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `${permission.name} is not allowed on ${entityRef}${
          permission === webhookDeliveriesReadPermission
            ? ''
            : " (by default only the webhook's owners may send and redeliver)"
        }`,
      );
    }
    return credentials;
  }

  const refOf = (p: { namespace: string; name: string }) =>
    stringifyEntityRef({
      kind: 'Webhook',
      namespace: p.namespace,
      name: p.name,
    });

  router.get('/webhooks/health', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['user', 'service'] });
    const recent = await store.recentByEntity();
    res.json({
      items: [...recent.entries()].map(([entityRef, attempts]) => ({
        entityRef,
        health: computeEndpointHealth(attempts),
      })),
    });
  });

  router.get('/webhooks/:namespace/:name/deliveries', async (req, res) => {
    const ref = refOf(req.params);
    const credentials = await authorize(
      req,
      webhookDeliveriesReadPermission,
      ref,
    );
    await webhookEntity(catalog, req.params, credentials);
    // 1 to 500, checked by the validator against the spec.
    const limit = req.query.limit ?? 50;
    const items = await store.list(ref, limit);
    res.json({ items, health: computeEndpointHealth(items) });
  });

  router.post('/webhooks/:namespace/:name/test', async (req, res) => {
    const ref = refOf(req.params);
    const credentials = await authorize(req, webhookSendPermission, ref);
    const webhook = await webhookEntity(catalog, req.params, credentials);
    // A string when given: the validator checks the body against the spec.
    const eventType = req.body?.eventType;
    let schemaApi: Entity | undefined;
    if (webhook.spec.schema) {
      schemaApi =
        (await catalog.getEntityByRef(
          stringifyEntityRef(
            parseEntityRef(webhook.spec.schema, {
              defaultKind: 'API',
              defaultNamespace: getCompoundEntityRef(webhook).namespace,
            }),
          ),
          { credentials },
        )) ?? undefined;
    }
    res.json(await deliverer.sendTestEvent(webhook, { eventType, schemaApi }));
  });

  router.post(
    '/webhooks/:namespace/:name/deliveries/:id/redeliver',
    async (req, res) => {
      const ref = refOf(req.params);
      // Permission first: whether a delivery id exists is only told to
      // those who may redeliver this webhook's attempts.
      const credentials = await authorize(req, webhookRedeliverPermission, ref);
      const found = await store.get(req.params.id);
      if (!found || found.delivery.entityRef !== ref) {
        throw new NotFoundError(`No delivery ${req.params.id} of ${ref}`);
      }
      const webhook = await webhookEntity(catalog, req.params, credentials);
      res.json(
        await deliverer.redeliver(webhook, found.delivery, found.payload),
      );
    },
  );

  router.post('/webhooks/:namespace/:name/receive', receiveWebhook(options));
}
