import { nodesOfKind, specOf } from '../helpers';
import { CheckRule, RuleFinding } from '../types';

/** `hygiene/webhook-without-retry`: outbound deliveries lost on the first error. */
export const webhookWithoutRetryRule: CheckRule = {
  id: 'hygiene/webhook-without-retry',
  defaultSeverity: 'info',
  description: 'An outbound webhook without `retry`.',
  explanation:
    'Receivers restart, deploy and time out. Without retries every such moment loses events for good, and the partner’s state drifts from ours.',
  fix: 'Declare spec.retry (e.g. maxAttempts: 8, backoff: exponential) and make sure the receiver deduplicates by event id.',
  run(graph) {
    const findings: RuleFinding[] = [];
    for (const hook of nodesOfKind(graph, 'Webhook')) {
      const spec = specOf(hook);
      // Outbound: declared so, or (no type) we send to a URL.
      const outbound =
        spec.type === 'outbound' || (spec.type === undefined && !!spec.url);
      if (!outbound || spec.retry) {
        continue;
      }
      findings.push({
        entityRef: hook.ref,
        entityRefs: [hook.ref],
        message: `${hook.ref} sends deliveries without retries`,
        details: { field: 'spec' },
      });
    }
    return findings;
  },
};
