import { CheckRule, RuleFinding } from '../types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** `overengineering/idle-integration`: topics and webhooks that carry nothing. */
export const idleIntegrationRule: CheckRule = {
  id: 'overengineering/idle-integration',
  defaultSeverity: 'info',
  defaultDays: 30,
  needsLiveData: true,
  description:
    'With live data: a topic with no new message, or a webhook with no delivery, for `days` (default 30).',
  explanation:
    'An integration nobody uses still costs: broker storage and partitions, secrets to rotate, endpoints to secure, and an entry in everyone’s map that suggests a dependency which is not there.',
  fix: 'Confirm with the owners that nothing needs it any more, then delete the topic or webhook (and its catalog entity); if it is seasonal, add an exception with the reason.',
  skipReason(_graph, { liveData }) {
    return liveData?.topicLastMessageAt || liveData?.webhookLastDeliveryAt
      ? undefined
      : 'needs live data (newest message per topic, last delivery per webhook)';
  },
  run(graph, { liveData, days = 30, now }) {
    const findings: RuleFinding[] = [];
    const judge = (
      times: Record<string, string | null> | undefined,
      what: string,
    ) => {
      for (const [ref, at] of Object.entries(times ?? {})) {
        if (!graph.nodes.has(ref)) {
          continue;
        }
        const time = at ? Date.parse(at) : NaN;
        if (
          at &&
          !Number.isNaN(time) &&
          now.getTime() - time <= days * DAY_MS
        ) {
          continue;
        }
        findings.push({
          entityRef: ref,
          entityRefs: [ref],
          message: at
            ? `${ref} has had no ${what} for more than ${days} days (last ${at})`
            : `${ref} has never had a ${what}`,
          details: { days, last: at ?? null },
        });
      }
    };
    judge(liveData?.topicLastMessageAt, 'new message');
    judge(liveData?.webhookLastDeliveryAt, 'delivery');
    return findings;
  },
};
