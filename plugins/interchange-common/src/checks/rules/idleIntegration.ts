import { liveDataSkipReason } from '../helpers';
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
    return liveDataSkipReason(
      liveData,
      ['topicLastMessageAt', 'webhookLastDeliveryAt'],
      'newest message per topic, last delivery per webhook',
    );
  },
  run(graph, { liveData, days = 30, now }) {
    const findings: RuleFinding[] = [];
    const idleFor = (iso: string | undefined) => {
      const time = iso ? Date.parse(iso) : NaN;
      return Number.isNaN(time) ? undefined : now.getTime() - time;
    };
    const judge = (
      times: Record<string, string | null> | undefined,
      what: string,
    ) => {
      for (const [ref, at] of Object.entries(times ?? {})) {
        if (!graph.nodes.has(ref)) {
          continue;
        }
        // Null with a quiet-since time: none seen since then, and what came
        // before is unknown, so only a long enough quiet counts.
        const quietSince = at ? undefined : liveData?.quietSince?.[ref];
        const quiet = idleFor(at ?? quietSince);
        if (quiet !== undefined && quiet <= days * DAY_MS) {
          continue;
        }
        if (!at && quietSince && quiet === undefined) {
          continue; // an unreadable time judges nothing
        }
        let message = `${ref} has never had a ${what}`;
        if (at) {
          message = `${ref} has had no ${what} for more than ${days} days (last ${at})`;
        } else if (quietSince) {
          message = `${ref} has had no ${what} for more than ${days} days (none seen since ${quietSince}; older ones are no longer retained)`;
        }
        findings.push({
          entityRef: ref,
          entityRefs: [ref],
          message,
          details: {
            days,
            last: at ?? null,
            ...(quietSince ? { quietSince } : {}),
          },
        });
      }
    };
    judge(liveData?.topicLastMessageAt, 'new message');
    judge(liveData?.webhookLastDeliveryAt, 'delivery');
    return findings;
  },
};
