import fs from 'node:fs';
import path from 'node:path';
import {
  joinRabbitMQQueueMetrics,
  parseRabbitMQQueueMetrics,
  queueMetricsOf,
  RabbitMQQueueCounts,
} from './prometheusQueueMetrics';

/** What the backend does: parse once, then look each listed queue up. */
function readRabbitMQQueueMetrics(
  text: string,
  queues: { vhost: string; name: string }[],
  keyOf: (q: { vhost: string; name: string }) => string,
) {
  const parsed = parseRabbitMQQueueMetrics(text);
  const found = new Map<string, RabbitMQQueueCounts>();
  for (const q of queues) {
    const counts = queueMetricsOf(parsed, q.vhost, q.name);
    if (counts) {
      found.set(keyOf(q), counts);
    }
  }
  return found;
}

const recorded = fs.readFileSync(
  path.join(__dirname, '__fixtures__/prometheus/detailed-3.10.8.txt'),
  'utf8',
);
const key = (q: { vhost: string; name: string }) => `${q.vhost}/${q.name}`;
const WEIRD = 'we"ird\\q ü,x}';
/** What the recorded answer says of q-3 and WEIRD. */
const ONE_READY = {
  messages: 1,
  messagesReady: 1,
  messagesUnacknowledged: 0,
  consumers: 0,
};

describe('parseRabbitMQQueueMetrics and queueMetricsOf', () => {
  it('reads the counts of the listed queues from a real answer', () => {
    const counts = readRabbitMQQueueMetrics(
      recorded,
      [
        { vhost: 'probe', name: 'q-3' },
        { vhost: 'probe', name: 'q-5' },
        { vhost: 'probe', name: WEIRD },
      ],
      key,
    );
    expect(Object.fromEntries(counts)).toEqual({
      'probe/q-3': ONE_READY,
      'probe/q-5': {
        messages: 0,
        messagesReady: 0,
        messagesUnacknowledged: 0,
        consumers: 0,
      },
      // Written unescaped by RabbitMQ 3.10, matched by its listed name.
      [`probe/${WEIRD}`]: ONE_READY,
    });
  });

  it('passes over queues not listed and queues the answer lacks', () => {
    const counts = readRabbitMQQueueMetrics(
      recorded,
      [
        { vhost: 'probe', name: 'declared-since' },
        { vhost: 'other', name: 'q-3' },
      ],
      key,
    );
    expect(counts.size).toBe(0);
  });

  it('matches label values written with the format escapes too', () => {
    const text = [
      `rabbitmq_detailed_queue_messages_ready{vhost="v",queue="a\\"b\\\\c\\nd"} 7`,
      `rabbitmq_detailed_queue_consumers{vhost="v",queue="a\\"b\\\\c\\nd"} 2 1700000000000`,
    ].join('\n');
    const counts = readRabbitMQQueueMetrics(
      text,
      [{ vhost: 'v', name: 'a"b\\c\nd' }],
      key,
    );
    expect(counts.get('v/a"b\\c\nd')).toEqual({
      messagesReady: 7,
      consumers: 2,
    });
  });

  it('passes over malformed lines and values that are not numbers', () => {
    const text = [
      'rabbitmq_detailed_queue_messages_ready{vhost="v",queue="q"} NaN',
      'rabbitmq_detailed_queue_messages_ready{vhost="v",queue="q"',
      'rabbitmq_detailed_queue_messages_unacked{vhost="v",queue="q"} +Inf',
      'rabbitmq_detailed_queue_process_reductions_total{vhost="v",queue="q"} 5',
      'rabbitmq_detailed_queue_consumers{vhost="v",queue="q"} 3',
      // Cut off before its value: not a 0.
      'rabbitmq_detailed_queue_messages{vhost="v",queue="q"}',
      // A tab before the value, and CRLF line ends.
      'rabbitmq_detailed_queue_messages{vhost="v",queue="t"}\t4\r',
      '',
    ].join('\n');
    const counts = readRabbitMQQueueMetrics(
      text,
      [{ vhost: 'v', name: 'q' }],
      key,
    );
    expect(counts.get('v/q')).toEqual({ consumers: 3 });
    expect(
      readRabbitMQQueueMetrics(text, [{ vhost: 'v', name: 't' }], key).get(
        'v/t',
      ),
    ).toEqual({ messages: 4 });
  });
});

describe('joinRabbitMQQueueMetrics', () => {
  const parsed = parseRabbitMQQueueMetrics(recorded);
  const listed = ['q-3', 'q-4', 'q-5', WEIRD].map(name => ({
    vhost: 'probe',
    name,
    type: 'classic',
  }));

  it('adds the counts, and is complete when the answer is about exactly the listed queues', () => {
    const { queues, complete } = joinRabbitMQQueueMetrics(listed, parsed);
    expect(complete).toBe(true);
    expect(queues[0]).toEqual({
      vhost: 'probe',
      name: 'q-3',
      type: 'classic',
      ...ONE_READY,
    });
  });

  it('is not complete when a listed queue has no lines (declared since, or down), nor when the answer has a queue not listed', () => {
    const declared = joinRabbitMQQueueMetrics(
      [...listed, { vhost: 'probe', name: 'new', type: 'quorum' }],
      parsed,
    );
    expect(declared.complete).toBe(false);
    expect(declared.queues[4]).toEqual({
      vhost: 'probe',
      name: 'new',
      type: 'quorum',
    });
    expect(joinRabbitMQQueueMetrics(listed.slice(1), parsed).complete).toBe(
      false,
    );
  });

  // On a broker that escapes, the queue named a\"b looks up the escaped
  // line of a"b; RabbitMQ 3.10 writes vhost="v",queue="q",queue="r" for
  // vhost v with queue q",queue="r and for vhost v",queue="q with queue r.
  it.each([
    {
      answer:
        // With a line of a queue not listed, the counts alone would add up.
        'rabbitmq_detailed_queue_messages_ready{vhost="v",queue="a\\"b"} 222\n' +
        'rabbitmq_detailed_queue_messages_ready{vhost="v",queue="x"} 1\n',
      queues: [
        { vhost: 'v', name: 'a"b' },
        { vhost: 'v', name: 'a\\"b' },
      ],
    },
    {
      answer:
        'rabbitmq_detailed_queue_messages_ready{vhost="v",queue="q",queue="r"} 1\n',
      queues: [
        { vhost: 'v', name: 'q",queue="r' },
        { vhost: 'v",queue="q', name: 'r' },
      ],
    },
  ])(
    'is not complete when two queues read as the same line: $queues.0.name, $queues.1.name',
    ({ answer, queues }) => {
      expect(
        joinRabbitMQQueueMetrics(queues, parseRabbitMQQueueMetrics(answer))
          .complete,
      ).toBe(false);
    },
  );
});
