import { nodesOfKind, specOf } from '../helpers';
import { CheckRule, RuleFinding } from '../types';

/**
 * `hygiene/weak-webhook-signing`: a webhook authenticated by a shared token
 * instead of a signature.
 */
export const weakWebhookSigningRule: CheckRule = {
  id: 'hygiene/weak-webhook-signing',
  defaultSeverity: 'warning',
  description:
    'A webhook with signing `shared-token`: a static token in a header instead of an HMAC signature.',
  explanation:
    'A shared token proves only that the sender knows it: the body is not covered (a proxy or anyone who captured one request can change it), there is no timestamp, so a captured delivery can be replayed as is, and every log or proxy that records headers holds the credential itself. HMAC schemes send a signature that is useless for any other body or time.',
  fix: 'Sign deliveries when the sender can: spec.signing.scheme standard-webhooks (or hmac-sha256, github). Keep shared-token for senders that cannot sign (Zapier, no-code tools), over https only, and add an exception with that reason.',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const hook of nodesOfKind(graph, 'Webhook')) {
      const signing = specOf(hook).signing;
      if (signing?.scheme !== 'shared-token') {
        continue;
      }
      findings.push({
        entityRef: hook.ref,
        entityRefs: [hook.ref],
        message: `${hook.ref} is authenticated by a shared token (header ${
          signing.header ?? 'x-webhook-token'
        }), weaker than an HMAC signature`,
        details: { field: 'spec.signing.scheme' },
      });
    }
    return findings;
  },
};
