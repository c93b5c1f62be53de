/**
 * Per-queue counts as the `rabbitmq_prometheus` plugin exposes them on
 * `/metrics/detailed?family=queue_coarse_metrics&family=queue_consumer_count`
 * (RabbitMQ 3.10 and later). The plugin reads them from the node's metric
 * tables without asking each queue, which makes one read of 2,000 queues
 * several times cheaper for the broker than the management API's queue
 * totals; the values are those the queues last emitted, every statistics
 * interval (`collect_statistics_interval`, default 5 s).
 *
 * @public
 */
export interface RabbitMQQueueCounts {
  messages?: number;
  messagesReady?: number;
  messagesUnacknowledged?: number;
  consumers?: number;
}

/** The families to ask the endpoint for, as its query string. @public */
export const RABBITMQ_PROMETHEUS_QUEUE_QUERY =
  'family=queue_coarse_metrics&family=queue_consumer_count';

const FIELDS: Record<string, keyof RabbitMQQueueCounts> = {
  rabbitmq_detailed_queue_messages: 'messages',
  rabbitmq_detailed_queue_messages_ready: 'messagesReady',
  rabbitmq_detailed_queue_messages_unacked: 'messagesUnacknowledged',
  rabbitmq_detailed_queue_consumers: 'consumers',
};

const NEEDS_ESCAPE = /[\\"\n]/;
const escapeLabel = (v: string) =>
  NEEDS_ESCAPE.test(v)
    ? v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')
    : v;

/**
 * The lines of a `/metrics/detailed` answer by label set (the text between
 * the braces), each with the counts it gives. RabbitMQ 3.10 writes queue
 * and vhost names without the exposition format's escapes (`\`, `"` and
 * newlines), which makes a line with such a name ambiguous to a general
 * parser, so lines are not split into labels here: {@link queueMetricsOf}
 * looks a queue up by its name as the management API lists it, in both
 * spellings. Comments, other metrics and malformed lines are passed over.
 *
 * @public
 */
export function parseRabbitMQQueueMetrics(
  text: string,
): Map<string, RabbitMQQueueCounts> {
  const byLabels = new Map<string, RabbitMQQueueCounts>();
  // Line by line without splitting: an answer for 2,000 queues has 10,000.
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) {
      end = text.length;
    }
    const open = text.indexOf('{', start);
    const field =
      text.startsWith('rabbitmq_detailed_queue_', start) &&
      open > start &&
      open < end
        ? FIELDS[text.slice(start, open)]
        : undefined;
    // Values never hold a '}', names may: the label set ends at the last.
    const close = field ? text.lastIndexOf('}', end) : -1;
    if (field && close > open) {
      // The value, then an optional timestamp; a cut-off line has none.
      const token = text
        .slice(close + 1, end)
        .trim()
        .split(/[ \t]+/)[0];
      const value = token === '' ? NaN : Number(token);
      if (Number.isFinite(value)) {
        const labels = text.slice(open + 1, close);
        let counts = byLabels.get(labels);
        if (!counts) {
          counts = {};
          byLabels.set(labels, counts);
        }
        counts[field] = value;
      }
    }
    start = end + 1;
  }
  return byLabels;
}

/** Which label set of a parsed answer is the queue's, if any. */
function labelsOf(
  parsed: Map<string, RabbitMQQueueCounts>,
  vhost: string,
  name: string,
): string | undefined {
  const raw = `vhost="${vhost}",queue="${name}"`;
  if (parsed.has(raw)) {
    return raw;
  }
  const escaped = `vhost="${escapeLabel(vhost)}",queue="${escapeLabel(name)}"`;
  return parsed.has(escaped) ? escaped : undefined;
}

/**
 * One queue's counts in a parsed answer, or undefined when it has no lines
 * (down, or declared since its last statistics).
 *
 * @public
 */
export function queueMetricsOf(
  parsed: Map<string, RabbitMQQueueCounts>,
  vhost: string,
  name: string,
): RabbitMQQueueCounts | undefined {
  const labels = labelsOf(parsed, vhost, name);
  return labels === undefined ? undefined : parsed.get(labels);
}

/**
 * Queues as the management API lists them, with the counts of a parsed
 * metrics answer. `complete` says whether the answer is about exactly these
 * queues: each has lines, and no lines are of a queue not given. When it is
 * not (a queue declared, deleted or down since the queues were listed, or
 * on a node whose endpoint was not read, or two names that read alike),
 * the caller lists them again, or reads the counts another way. A queue
 * without lines keeps undefined counts.
 *
 * @public
 */
export function joinRabbitMQQueueMetrics<
  Q extends { vhost: string; name: string },
>(
  queues: Q[],
  parsed: Map<string, RabbitMQQueueCounts>,
): { queues: (Q & RabbitMQQueueCounts)[]; complete: boolean } {
  const matched = new Set<string>();
  let ambiguous = false;
  const joined = queues.map(q => {
    const labels = labelsOf(parsed, q.vhost, q.name);
    const c = labels === undefined ? undefined : parsed.get(labels)!;
    if (c?.messagesReady === undefined) {
      return q;
    }
    // Two queues whose names read the same unescaped (or one's raw name
    // is the other's escaped one) cannot be told apart: not complete, so
    // the caller reads their counts another way.
    if (matched.has(labels!)) {
      ambiguous = true;
    }
    matched.add(labels!);
    return {
      ...q,
      messages: c.messages,
      messagesReady: c.messagesReady,
      messagesUnacknowledged: c.messagesUnacknowledged,
      consumers: c.consumers ?? 0,
    };
  });
  return {
    queues: joined,
    complete:
      !ambiguous &&
      matched.size === queues.length &&
      matched.size === parsed.size,
  };
}
