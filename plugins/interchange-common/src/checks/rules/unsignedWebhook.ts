import { entityReaders, nodesOfKind, specOf } from '../helpers';
import { CheckRule, RuleFinding } from '../types';

/** `hygiene/unsigned-webhook`: unsigned deliveries leaving the company. */
export const unsignedWebhookRule: CheckRule = {
  id: 'hygiene/unsigned-webhook',
  defaultSeverity: 'error',
  description:
    'A webhook with signing `none` whose receiver is outside the company (a URL, no receiver entity).',
  explanation:
    'Without a signature the receiver cannot tell our deliveries from anyone else’s: whoever learns the URL can send forged events (a refunded order, a shipped parcel) and the partner will act on them.',
  fix: 'Sign deliveries: set spec.signing.scheme to standard-webhooks (or hmac-sha256) with a secretRef, and share the secret with the receiver.',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const hook of nodesOfKind(graph, 'Webhook')) {
      const spec = specOf(hook);
      if ((spec.signing?.scheme ?? 'none') !== 'none') {
        continue;
      }
      if (entityReaders(graph, hook.ref).length > 0 || !spec.url) {
        continue;
      }
      findings.push({
        entityRef: hook.ref,
        entityRefs: [hook.ref],
        message: `${hook.ref} sends unsigned deliveries to ${spec.url}, outside the company`,
        details: { url: spec.url, field: 'spec.signing.scheme' },
      });
    }
    return findings;
  },
};
