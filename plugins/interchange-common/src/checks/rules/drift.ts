import { liveDataSkipReason } from '../helpers';
import { CheckRule, RuleFinding } from '../types';

function driftRule(
  id: string,
  what: string,
  key: 'topicDrift' | 'routeDrift',
  fix: string,
): CheckRule {
  return {
    id,
    defaultSeverity: 'warning',
    needsLiveData: true,
    description: `With live data: the drift between a ${what} as declared and as live, as findings.`,
    explanation: `The catalog says one thing and the ${
      key === 'topicDrift' ? 'broker' : 'gateway'
    } does another: reviews, impact analysis and the scaffolder all reason about a ${what} that does not exist in that form.`,
    fix,
    skipReason(_graph, { liveData }) {
      return liveDataSkipReason(
        liveData,
        [key],
        key === 'topicDrift' ? 'the brokers' : 'the gateways',
      );
    },
    run(graph, { liveData }) {
      const findings: RuleFinding[] = [];
      for (const [ref, drift] of Object.entries(liveData?.[key] ?? {})) {
        if (!graph.nodes.has(ref) || drift.length === 0) {
          continue;
        }
        findings.push({
          entityRef: ref,
          entityRefs: [ref],
          message: `${ref} differs from its live state: ${drift
            .map(d => d.message)
            .join('; ')}`,
          details: { drift },
        });
      }
      return findings;
    },
  };
}

/** `drift/kafka-topic`: declared topic vs the broker. */
export const kafkaTopicDriftRule = driftRule(
  'drift/kafka-topic',
  'Kafka topic',
  'topicDrift',
  'Change the entity to what the broker has, or apply the declared settings to the broker (kafka-configs, the scaffolder action or your GitOps tool).',
);

/** `drift/gateway-route`: declared route vs the gateway. */
export const gatewayRouteDriftRule = driftRule(
  'drift/gateway-route',
  'gateway route',
  'routeDrift',
  'Deploy the declared configuration to the gateway, or update the configuration file to what is live.',
);
