/*
 * `yarn bench:kafka`: how long it takes to compute every consumer group's lag
 * on a real broker, with Interchange's two Kafka adapters and with the
 * approach of @backstage-community/plugin-kafka-backend, side by side.
 *
 * Data: 20 topics x 12 partitions with messages, and 200 consumer groups that
 * each committed offsets on two of the topics (created once, reused on later
 * runs). BENCH_TOPICS and BENCH_GROUPS change the scale (the ten
 * times: BENCH_GROUPS=2000 BENCH_TOPICS=200), BENCH_RUNS the measured rounds;
 * BENCH_CLEANUP=1 deletes the scale's groups (and topics beyond the default
 * 20) afterwards. The broker is the repo's own (scripts/kafka/start.sh), started here
 * when none is running and stopped again afterwards; set
 * INTERCHANGE_TEST_KAFKA_BROKERS to use another one.
 *
 * Every approach computes the same thing (per group, per partition with a
 * committed offset: log-end offset minus committed offset) and the run fails
 * unless all results are identical, so a fast wrong answer cannot win.
 */
import { execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { inspect } from 'node:util';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { ConfigReader } from '@backstage/config';
import { Kafka, logLevel } from 'kafkajs';
import { Admin } from '@platformatic/kafka';
import { computeGroupLag } from '@interchange/plugin-interchange-common';
import {
  createKafkaAdminClient,
  KafkaAdapterName,
  readKafkaClusters,
} from '@interchange/plugin-interchange-node';
import { printTable } from './table';

/** A positive integer from the environment, or a clear error naming the variable. */
function countFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `${name} must be a positive whole number, got '${raw}'; unset it for the default (${fallback})`,
    );
  }
  return value;
}

const TOPICS = countFromEnv('BENCH_TOPICS', 20);
const PARTITIONS = 12;
const GROUPS = countFromEnv('BENCH_GROUPS', 200);
const RUNS = countFromEnv('BENCH_RUNS', 5);
const TOPIC_PREFIX = 'bench.lag.t';
// Which topics a group reads depends on the topic count, so each topic count
// gets groups of its own: offsets committed at another scale would otherwise
// stay on the broker and change the results. The default scale keeps the
// names earlier runs created.
const GROUP_PREFIX = TOPICS === 20 ? 'bench-lag-g' : `bench-lag-t${TOPICS}-g`;
const root = path.resolve(__dirname, '../..');
/** Pause before each measured run, so one run's aftermath does not land in the next. */
const SETTLE_MS = 1000;

// A full garbage collection between runs, without a node flag on the command line.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

const topicName = (i: number) => `${TOPIC_PREFIX}${String(i).padStart(2, '0')}`;
const groupName = (i: number) =>
  `${GROUP_PREFIX}${String(i).padStart(GROUPS > 1000 ? 4 : 3, '0')}`;
/** Each group reads two topics; different groups stop at different offsets. */
const groupTopics = (g: number) => [
  ...new Set([topicName(g % TOPICS), topicName((g * 7 + 3) % TOPICS)]),
];
const committedOffset = (g: number, t: number, p: number) =>
  (g * 3 + t * 5 + p) % 40;
const messagesIn = (t: number, p: number) => 40 + ((t + p) % 7) * 5;

/** One row per (group, topic, partition): the result every approach must agree on. */
type LagRows = string[];

function log(line: string) {
  process.stderr.write(`[bench:kafka] ${line}\n`);
}

async function reachable(address: string): Promise<boolean> {
  const [host, port] = address.split(':');
  return new Promise(resolve => {
    const socket = net.connect({ host, port: Number(port) });
    socket.setTimeout(1000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

async function ensureBroker(): Promise<{
  brokers: string[];
  stop?: () => void;
}> {
  const configured = process.env.INTERCHANGE_TEST_KAFKA_BROKERS;
  if (configured) {
    return { brokers: configured.split(',') };
  }
  const address = `127.0.0.1:${process.env.INTERCHANGE_KAFKA_PORT ?? 19092}`;
  if (await reachable(address)) {
    return { brokers: [address] };
  }
  log('no broker running: starting one with scripts/kafka/start.sh');
  const out = execFileSync(path.join(root, 'scripts/kafka/start.sh'), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const started = out.trim().split('\n').pop()!;
  return {
    brokers: [started],
    stop: () =>
      execFileSync(path.join(root, 'scripts/kafka/stop.sh'), {
        stdio: 'inherit',
      }),
  };
}

async function seed(brokers: string[]) {
  const kafka = new Kafka({
    clientId: 'interchange-bench-seed',
    brokers,
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existingTopics = new Set(await admin.listTopics());
    const missing = Array.from({ length: TOPICS }, (_, t) => t).filter(
      t => !existingTopics.has(topicName(t)),
    );
    if (missing.length) {
      log(`creating ${missing.length} topics with ${PARTITIONS} partitions`);
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map(t => ({
          topic: topicName(t),
          numPartitions: PARTITIONS,
          replicationFactor: 1,
        })),
      });
    }
    // Messages are topped up per partition from its log-end offset, so a run
    // stopped half-way (or a broker slow to elect leaders for new topics)
    // is repaired by the next one instead of leaving topics empty for good.
    const topics = Array.from({ length: TOPICS }, (_, t) => t);
    const shortfall = (
      await Promise.all(
        topics.map(async t =>
          (
            await admin.fetchTopicOffsets(topicName(t))
          ).map(o => ({
            t,
            p: o.partition,
            from: Number(o.high),
          })),
        ),
      )
    )
      .flat()
      .filter(({ t, p, from }) => from < messagesIn(t, p));
    if (shortfall.length) {
      log(`writing messages to ${shortfall.length} partitions`);
      const producer = kafka.producer({
        allowAutoTopicCreation: false,
        retry: { retries: 10 },
      });
      await producer.connect();
      for (const t of topics) {
        const messages = shortfall
          .filter(s => s.t === t)
          .flatMap(({ p, from }) =>
            Array.from({ length: messagesIn(t, p) - from }, (_, i) => ({
              partition: p,
              value: `m${from + i}`,
            })),
          );
        if (messages.length) {
          await producer.send({ topic: topicName(t), messages });
        }
      }
      await producer.disconnect();
    }
    // Committed again on every run: cheap, and repairs a run stopped
    // half-way. kafkajs' setOffsets joins the group with a throwaway consumer
    // (seconds per group); an OffsetCommit for an empty group is all it takes.
    const committer = new Admin({
      clientId: 'interchange-bench-seed',
      bootstrapBrokers: brokers,
      // A freshly started broker may still be loading its group coordinator.
      retries: 5,
      retryDelay: 500,
    });
    try {
      // 50 groups at a time: 2,000 one-by-one round trips would take most
      // of a minute on a busy machine.
      for (let first = 0; first < GROUPS; first += 50) {
        const batch = Array.from(
          { length: Math.min(50, GROUPS - first) },
          (_, i) => first + i,
        );
        await Promise.all(
          batch.map(g =>
            committer.alterConsumerGroupOffsets({
              groupId: groupName(g),
              topics: groupTopics(g).map(topic => {
                const t = Number(topic.slice(TOPIC_PREFIX.length));
                return {
                  name: topic,
                  partitionOffsets: Array.from(
                    { length: PARTITIONS },
                    (_, p) => ({
                      partition: p,
                      offset: BigInt(committedOffset(g, t, p)),
                    }),
                  ),
                };
              }),
            }),
          ),
        );
      }
    } finally {
      await committer.close();
    }
  } finally {
    await admin.disconnect();
  }
}

const groupIds = Array.from({ length: GROUPS }, (_, g) => groupName(g));

/** Interchange: one long-lived connection, all groups' offsets in as few requests as the library allows. */
async function interchangeAdapter(
  brokers: string[],
  adapter: KafkaAdapterName,
) {
  const [cluster] = readKafkaClusters(
    new ConfigReader({
      interchange: { kafka: { clusters: [{ id: 'bench', brokers, adapter }] } },
    }),
  );
  const admin = createKafkaAdminClient(cluster, adapter);
  await admin.describeCluster(); // connect once; the plugin keeps this connection open
  return {
    requests: () => admin.requestCount(),
    close: () => admin.close(),
    async run(): Promise<LagRows> {
      const committed = await admin.fetchCommittedOffsets(groupIds);
      const topics = [
        ...new Set(committed.flatMap(g => g.offsets.map(o => o.topic))),
      ];
      // What the lag sampler reads: log-end offsets only.
      const logEnd = await admin.fetchLogEndOffsets(topics);
      return committed.flatMap(c =>
        computeGroupLag(c.groupId, c.offsets, logEnd).partitions.map(
          p => `${c.groupId} ${p.topic} ${p.partition} ${p.lag}`,
        ),
      );
    },
  };
}

/**
 * The community plugin's approach, reproduced faithfully: its KafkaJsApiImpl
 * opens a new admin connection for every call and closes it afterwards; its
 * router fetches a group's offsets, then each topic's offsets in parallel;
 * its frontend requests all of an entity's groups in parallel. Lag is
 * topic offset minus group offset, for partitions with a committed offset.
 */
function communityApproach(brokers: string[]) {
  const kafka = new Kafka({
    clientId: 'backstage',
    brokers,
    logLevel: logLevel.NOTHING,
  });
  let requests = 0;
  async function withAdmin<T>(
    fn: (admin: ReturnType<Kafka['admin']>) => Promise<T>,
  ): Promise<T> {
    const admin = kafka.admin();
    admin.on(admin.events.REQUEST, () => {
      requests += 1;
    });
    await admin.connect();
    try {
      return await fn(admin);
    } finally {
      await admin.disconnect();
    }
  }
  async function groupOffsets(groupId: string): Promise<LagRows> {
    const group = await withAdmin(admin => admin.fetchOffsets({ groupId }));
    const perTopic = await Promise.all(
      group.map(async ({ topic, partitions }) => {
        const topicOffsets = new Map(
          (await withAdmin(admin => admin.fetchTopicOffsets(topic))).map(p => [
            p.partition,
            p.offset,
          ]),
        );
        return partitions
          .filter(p => Number(p.offset) >= 0)
          .map(
            p =>
              `${groupId} ${topic} ${p.partition} ${
                Number(topicOffsets.get(p.partition)) - Number(p.offset)
              }`,
          );
      }),
    );
    return perTopic.flat();
  }
  return {
    requests: () => requests,
    close: async () => {},
    async run(): Promise<LagRows> {
      return (await Promise.all(groupIds.map(groupOffsets))).flat();
    },
  };
}

type Approach = {
  name: string;
  requests(): number;
  close(): Promise<void>;
  run(): Promise<LagRows>;
};

/** Runs that failed, per approach, with the first error: printed after the table. */
const failures = new Map<string, { count: number; first: string }>();

/**
 * One run of an approach. At thousands of groups the community approach's
 * thousands of simultaneous connections sometimes fail (kafkajs' default
 * one-second connection timeout on a busy machine): such a run is repeated
 * (up to five attempts) and counted, and only the successful attempt is
 * timed, which can only flatter the approach that failed.
 */
async function runRepeatingFailures(a: Approach) {
  for (let attempt = 1; ; attempt++) {
    const before = a.requests();
    const start = performance.now();
    try {
      const unsorted = await a.run();
      return { unsorted, ms: performance.now() - start, before };
    } catch (e) {
      const seen = failures.get(a.name);
      failures.set(a.name, {
        count: (seen?.count ?? 0) + 1,
        first: seen?.first ?? String((e as Error)?.message ?? e),
      });
      log(
        `${a.name}: run failed (${(e as Error)?.message ?? e}), repeating it`,
      );
      if (attempt === 5) {
        throw e;
      }
      collectGarbage();
      await new Promise(r => setTimeout(r, SETTLE_MS));
    }
  }
}

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * BENCH_CLEANUP=1: deletes this scale's groups and the topics beyond the
 * default scale's 20 (which the default scale's groups still read), so a
 * shared broker does not keep thousands of bench groups for other suites to
 * list.
 */
async function cleanup(brokers: string[]) {
  const admin = new Admin({
    clientId: 'interchange-bench-seed',
    bootstrapBrokers: brokers,
    retries: 5,
    retryDelay: 500,
  });
  try {
    log(`BENCH_CLEANUP=1: deleting ${GROUPS} groups and the extra topics`);
    for (let first = 0; first < GROUPS; first += 500) {
      await admin.deleteGroups({
        groups: groupIds.slice(first, first + 500),
      });
    }
    const extra = Array.from({ length: TOPICS }, (_, t) => t)
      .filter(t => t >= 20)
      .map(topicName);
    if (extra.length) {
      await admin.deleteTopics({ topics: extra });
    }
  } finally {
    await admin.close();
  }
}

async function main() {
  const { brokers, stop } = await ensureBroker();
  try {
    await seed(brokers);
    const [cluster] = readKafkaClusters(
      new ConfigReader({
        interchange: { kafka: { clusters: [{ id: 'bench', brokers }] } },
      }),
    );
    const defaultAdapter = cluster.adapter;
    const approaches: Approach[] = [
      {
        name: 'interchange, platformatic adapter',
        ...(await interchangeAdapter(brokers, 'platformatic')),
      },
      {
        name: 'interchange, kafkajs adapter',
        ...(await interchangeAdapter(brokers, 'kafkajs')),
      },
      { name: 'community plugin approach', ...communityApproach(brokers) },
    ];
    const expected = (await approaches[0].run()).sort();
    const samples = new Map<string, { ms: number[]; requests: number[] }>(
      approaches.map(a => [a.name, { ms: [], requests: [] }]),
    );
    // One warm-up round, then the measured rounds, interleaved so that no
    // approach benefits from running while the broker's caches are warmest.
    for (let round = 0; round <= RUNS; round++) {
      for (const a of approaches) {
        // Each run starts from a quiet process and broker: the community
        // approach leaves thousands of closing connections and their garbage
        // behind, which would otherwise be charged to whichever runs next.
        collectGarbage();
        await new Promise(r => setTimeout(r, SETTLE_MS));
        const { unsorted, ms, before } = await runRepeatingFailures(a);
        // Sorted for the comparison only, outside the measured time.
        const rows = unsorted.sort();
        if (
          rows.length !== expected.length ||
          rows.some((r, i) => r !== expected[i])
        ) {
          throw new Error(
            `${a.name} computed different lag than the others; the benchmark is void`,
          );
        }
        if (round > 0) {
          samples.get(a.name)!.ms.push(ms);
          samples.get(a.name)!.requests.push(a.requests() - before);
        }
      }
    }
    await Promise.all(approaches.map(a => a.close()));
    if (process.env.BENCH_CLEANUP === '1') {
      await cleanup(brokers);
    }

    const community = median(samples.get('community plugin approach')!.ms);
    const header = [
      'approach',
      'median ms',
      'min ms',
      'max ms',
      'requests/run',
      'vs community',
    ];
    const rows = approaches.map(a => {
      const s = samples.get(a.name)!;
      const name = a.name.includes(defaultAdapter)
        ? `${a.name} (default)`
        : a.name;
      return [
        name,
        median(s.ms).toFixed(1),
        Math.min(...s.ms).toFixed(1),
        Math.max(...s.ms).toFixed(1),
        String(median(s.requests)),
        `${(community / median(s.ms)).toFixed(1)}x`,
      ];
    });
    console.log(
      `Consumer lag of ${GROUPS} groups over ${TOPICS} topics x ${PARTITIONS} partitions, ${RUNS} runs each, broker ${brokers.join(
        ',',
      )}`,
    );
    printTable(header, rows);
    console.log(
      `results identical across approaches: yes (${expected.length} partition lags)`,
    );
    for (const [name, f] of failures) {
      console.log(
        `${name}: ${f.count} failed run(s) repeated, not timed (first error: ${f.first})`,
      );
    }
    const ours = median(
      samples.get(approaches.find(a => a.name.includes(defaultAdapter))!.name)!
        .ms,
    );
    console.log(`speedup vs community: ${(community / ours).toFixed(1)}x`);
  } finally {
    stop?.();
  }
}

main().catch(e => {
  // Kafka client errors carry the broker's per-request errors in `errors`.
  console.error(
    `bench:kafka failed: ${e?.stack ?? e}`,
    e?.errors ? inspect(e.errors, { depth: 5 }) : '',
  );
  process.exit(1);
});
