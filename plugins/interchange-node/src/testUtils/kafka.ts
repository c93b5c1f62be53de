import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';
import { freePort } from './freePort';

const exec = promisify(execFile);
/** The repository root: the nearest folder up from here with scripts/kafka. */
function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(path.join(dir, 'scripts/kafka/tool.sh'))) {
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        'scripts/kafka/tool.sh not found above the working directory',
      );
    }
    dir = parent;
  }
  return dir;
}

/**
 * Brokers of the real test broker (`scripts/kafka/start.sh`), from
 * INTERCHANGE_TEST_KAFKA_BROKERS. Without it the Kafka tests are skipped,
 * unless INTERCHANGE_REQUIRE_KAFKA is set (as `scripts/test.sh` does): then
 * a missing broker fails the run.
 */
export function testKafkaBrokers(): string[] | undefined {
  const value = process.env.INTERCHANGE_TEST_KAFKA_BROKERS;
  if (!value) {
    if (process.env.INTERCHANGE_REQUIRE_KAFKA) {
      throw new Error(
        'INTERCHANGE_REQUIRE_KAFKA is set but INTERCHANGE_TEST_KAFKA_BROKERS is not: start a broker with scripts/kafka/start.sh',
      );
    }
    // eslint-disable-next-line no-console
    console.warn(
      'Kafka integration tests skipped: set INTERCHANGE_TEST_KAFKA_BROKERS (scripts/kafka/start.sh prints it)',
    );
    return undefined;
  }
  return value.split(',');
}

/** The test broker's addresses, or undefined when there is none (tests skip). */
export const kafkaBrokers: string[] | undefined = testKafkaBrokers();

/** `describe` when a test broker is available, `describe.skip` otherwise. */
export const describeKafka = kafkaBrokers ? describe : describe.skip;

export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random()
    .toString(36)
    .slice(2, 7)}`;
}

function client(brokers: string[]) {
  return new Kafka({
    clientId: 'interchange-tests',
    brokers,
    logLevel: logLevel.NOTHING,
  });
}

/** Creates a topic and writes `counts[p]` messages to partition p. */
export async function seedTopic(
  brokers: string[],
  topic: string,
  counts: number[],
  configs: Record<string, string> = {},
): Promise<void> {
  const kafka = client(brokers);
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions: counts.length,
          replicationFactor: 1,
          configEntries: Object.entries(configs).map(([name, value]) => ({
            name,
            value,
          })),
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
  const producer = kafka.producer();
  await producer.connect();
  try {
    for (const [partition, count] of counts.entries()) {
      if (count > 0) {
        await producer.send({
          topic,
          messages: Array.from({ length: count }, (_, i) => ({
            partition,
            value: `m${i}`,
          })),
        });
      }
    }
  } finally {
    await producer.disconnect();
  }
}

/**
 * Writes one message with the given record timestamp (CreateTime), e.g. one
 * from weeks ago, so a topic looks idle since then.
 */
export async function produceMessageAt(
  brokers: string[],
  topic: string,
  timestamp: number,
  partition = 0,
): Promise<void> {
  const producer = client(brokers).producer();
  await producer.connect();
  try {
    await producer.send({
      topic,
      messages: [{ partition, value: 'old', timestamp: String(timestamp) }],
    });
  } finally {
    await producer.disconnect();
  }
}

/** Commits offsets for a group with no members (like `kafka-consumer-groups --reset-offsets`). */
export async function commitOffsets(
  brokers: string[],
  groupId: string,
  topic: string,
  offsets: Record<number, number>,
): Promise<void> {
  const admin = client(brokers).admin();
  await admin.connect();
  try {
    await admin.setOffsets({
      groupId,
      topic,
      partitions: Object.entries(offsets).map(([partition, offset]) => ({
        partition: Number(partition),
        offset: String(offset),
      })),
    });
  } finally {
    await admin.disconnect();
  }
}

/** One row of `kafka-consumer-groups --describe`. */
export interface DescribeRow {
  topic: string;
  partition: number;
  currentOffset?: number;
  logEndOffset: number;
  lag?: number;
}

/** What Kafka's own `kafka-consumer-groups --describe` reports for a group. */
export async function describeGroupWithKafkaTool(
  brokers: string[],
  groupId: string,
): Promise<DescribeRow[]> {
  const { stdout } = await exec(
    path.join(repoRoot(), 'scripts/kafka/tool.sh'),
    [
      'kafka-consumer-groups',
      '--bootstrap-server',
      brokers[0],
      '--describe',
      '--group',
      groupId,
    ],
    { timeout: 60_000 },
  );
  const num = (s: string) => (s === '-' ? undefined : Number(s));
  return stdout
    .split('\n')
    .map(line => line.trim().split(/\s+/))
    .filter(cols => cols[0] === groupId && cols.length >= 6)
    .map(([, topic, partition, current, logEnd, lag]) => ({
      topic,
      partition: Number(partition),
      currentOffset: num(current),
      logEndOffset: Number(logEnd),
      lag: num(lag),
    }))
    .sort((a, b) =>
      a.topic === b.topic
        ? a.partition - b.partition
        : a.topic.localeCompare(b.topic),
    );
}

/** A port on loopback that refuses connections until `open()` forwards it to `target`. */
export async function switchablePort(target: { host: string; port: number }) {
  const port = await freePort();
  let server: net.Server | undefined;
  return {
    port,
    async open() {
      server = net.createServer(socket => {
        const upstream = net.connect(target.port, target.host);
        socket.pipe(upstream).pipe(socket);
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
      });
      await new Promise<void>(r => server!.listen(port, '127.0.0.1', r));
    },
    async close() {
      await new Promise<void>(r => (server ? server.close(() => r()) : r()));
    },
  };
}

/**
 * A second, private broker for tests that need to take a broker down and
 * bring it back (the shared one serves other tests in parallel). Data lives
 * in `dir`, so a restart keeps the topics, like a real outage.
 */
export function privateBroker(port: number, dir: string) {
  const env = {
    ...process.env,
    INTERCHANGE_KAFKA_PORT: String(port),
    INTERCHANGE_KAFKA_DIR: dir,
  };
  const script = (name: string) => path.join(repoRoot(), 'scripts/kafka', name);
  return {
    brokers: [`127.0.0.1:${port}`],
    async start() {
      await exec(script('start.sh'), [], { env, timeout: 120_000 });
    },
    async stop(options: { clean?: boolean } = {}) {
      await exec(script('stop.sh'), options.clean ? ['--clean'] : [], {
        env,
        timeout: 60_000,
      });
    },
  };
}
