import { WebhookEntityV1alpha1 } from '../entities/types';
import { checkEntityRef } from './entityRefs';
import { describeValue, EntityProblem } from './EntityProblem';

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
    }
  }

  const signing = spec.signing;
  if (
    signing &&
    typeof signing === 'object' &&
    ['standard-webhooks', 'github', 'hmac-sha256'].includes(signing.scheme) &&
    !signing.secretRef
  ) {
    problems.push({
      path: 'spec.signing.secretRef',
      message: `is required for signing scheme '${signing.scheme}'`,
      fix: 'name the secret under interchange.webhooks.secrets in app-config, e.g. secretRef: shipping-webhook',
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
