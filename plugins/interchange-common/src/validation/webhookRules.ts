import { WebhookEntityV1alpha1 } from '../entities/types';
import {
  findSecretInWebhookUrl,
  WEBHOOK_URL_SECRET_PLACEHOLDER,
} from '../webhooks/urlSecret';
import { checkEntityRef } from './entityRefs';
import { describeValue, EntityProblem } from './EntityProblem';

// Headers the transport or the id/timestamp headers set: a token there
// would be overwritten or break the request.
const RESERVED_TOKEN_HEADERS = new Set([
  'host',
  'content-type',
  'content-length',
  'transfer-encoding',
  'connection',
  'user-agent',
  'webhook-id',
  'webhook-timestamp',
  'webhook-signature',
]);

/** Rules for a Webhook beyond its JSON schema. */
export function webhookProblems(
  entity: WebhookEntityV1alpha1,
): EntityProblem[] {
  const spec = entity.spec;
  const problems: EntityProblem[] = [];

  if (spec.receiver === undefined && spec.url === undefined) {
    problems.push({
      path: 'spec.receiver',
      message: 'is required when spec.url is not set',
      fix: "set spec.receiver to the receiving component (e.g. 'notification-service'), or spec.url to the endpoint URL",
    });
  }

  if (typeof spec.url === 'string') {
    let url: URL | undefined;
    try {
      url = new URL(spec.url);
    } catch {
      url = undefined;
    }
    if (!url || !['http:', 'https:'].includes(url.protocol)) {
      problems.push({
        path: 'spec.url',
        message: `must be an http or https URL (got ${describeValue(
          spec.url,
        )})`,
        fix: "write a full URL, e.g. 'https://hooks.partner.example/brightwave'",
      });
    } else if (url.username || url.password) {
      problems.push({
        path: 'spec.url',
        message:
          'contains credentials (user:password@); they would be visible to everyone who can read the catalog',
        fix: 'remove the credentials from the URL and sign deliveries with spec.signing instead',
      });
    } else {
      problems.push(...urlSecretProblems(spec.url, spec.urlSecretRef));
    }
  }
  if (spec.urlSecretRef !== undefined && spec.url === undefined) {
    problems.push({
      path: 'spec.urlSecretRef',
      message: 'completes spec.url, but this webhook has no spec.url',
      fix: `remove spec.urlSecretRef, or set spec.url with ${WEBHOOK_URL_SECRET_PLACEHOLDER} where the secret goes`,
    });
  }

  const signing = spec.signing;
  if (
    signing &&
    typeof signing === 'object' &&
    ['standard-webhooks', 'github', 'hmac-sha256', 'shared-token'].includes(
      signing.scheme,
    ) &&
    !signing.secretRef
  ) {
    problems.push({
      path: 'spec.signing.secretRef',
      message: `is required for signing scheme '${signing.scheme}'`,
      fix: 'name the secret under interchange.webhooks.secrets in app-config, e.g. secretRef: shipping-webhook',
    });
  }

  if (
    signing &&
    typeof signing === 'object' &&
    signing.header !== undefined &&
    signing.scheme !== 'shared-token'
  ) {
    problems.push({
      path: 'spec.signing.header',
      message: `only applies to signing scheme 'shared-token' (this webhook uses '${signing.scheme}')`,
      fix: 'remove spec.signing.header, or set spec.signing.scheme: shared-token',
    });
  }
  if (
    signing?.scheme === 'shared-token' &&
    typeof signing.header === 'string' &&
    RESERVED_TOKEN_HEADERS.has(signing.header.toLowerCase())
  ) {
    problems.push({
      path: 'spec.signing.header',
      message: `'${signing.header}' is a header HTTP or the webhook headers already use`,
      fix: "name a header of its own, e.g. 'x-webhook-token' (the default)",
    });
  }

  problems.push(
    ...checkEntityRef(spec.sender, 'spec.sender', {
      defaultKind: 'Component',
      example: 'shipping-service',
    }),
    ...checkEntityRef(spec.receiver, 'spec.receiver', {
      defaultKind: 'Component',
      example: 'notification-service',
    }),
    ...checkEntityRef(spec.schema, 'spec.schema', {
      defaultKind: 'API',
      allowedKinds: ['API'],
      example: 'api:shipment-events',
    }),
  );
  return problems;
}

/** `{secret}` and `urlSecretRef` belong together; known secret URLs need them. */
function urlSecretProblems(
  url: string,
  urlSecretRef: string | undefined,
): EntityProblem[] {
  const placeholders = url.split(WEBHOOK_URL_SECRET_PLACEHOLDER).length - 1;
  const found = findSecretInWebhookUrl(url);
  if (found) {
    // The URL itself is not repeated: it is the secret.
    return [
      {
        path: 'spec.url',
        message: `is ${found.what}; catalog entities are readable by everyone who can open the portal, so the secret must not be written here (rotate it if this file was committed)`,
        fix: `write '${found.suggestion}', store the part replaced by ${WEBHOOK_URL_SECRET_PLACEHOLDER} under interchange.webhooks.secrets.<name> in app-config, and set spec.urlSecretRef: <name>`,
      },
    ];
  }
  if (placeholders > 1) {
    return [
      {
        path: 'spec.url',
        message: `contains ${WEBHOOK_URL_SECRET_PLACEHOLDER} ${placeholders} times`,
        fix: `use ${WEBHOOK_URL_SECRET_PLACEHOLDER} once, for the whole secret part of the URL`,
      },
    ];
  }
  if (placeholders === 1 && urlSecretRef === undefined) {
    return [
      {
        path: 'spec.urlSecretRef',
        message: `is required when spec.url contains ${WEBHOOK_URL_SECRET_PLACEHOLDER}`,
        fix: 'name the secret that completes the URL, stored under interchange.webhooks.secrets in app-config, e.g. urlSecretRef: zapier-orders-hook',
      },
    ];
  }
  if (placeholders === 0 && urlSecretRef !== undefined) {
    return [
      {
        path: 'spec.url',
        message: `has no ${WEBHOOK_URL_SECRET_PLACEHOLDER} for spec.urlSecretRef to fill`,
        fix: `write ${WEBHOOK_URL_SECRET_PLACEHOLDER} where the secret part goes, e.g. 'https://maker.ifttt.com/trigger/order_shipped/with/key/${WEBHOOK_URL_SECRET_PLACEHOLDER}', or remove spec.urlSecretRef`,
      },
    ];
  }
  return [];
}
