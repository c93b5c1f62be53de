/*
 * `yarn bench:rabbitmq`: the live state of 2,000 queues on the local broker,
 * read the way Interchange reads it (one request to the management API's
 * list endpoint, asking only for the `columns` the live state shows) and the
 * naive way
 * (one request per queue, 10 in flight), side by side.
 *
 * Data: vhost `bench` with 2,000 durable queues, 200 of them holding
 * messages (created once, reused on later runs). The broker is the repo's own
 * (scripts/rabbitmq/start.sh), started here when none is running and stopped
 * again afterwards; set INTERCHANGE_TEST_RABBITMQ_URL to use another one.
 *
 * Both approaches must produce the same numbers (ready, unacknowledged,
 * consumers per queue) or the run fails, so a fast wrong answer cannot win.
 * Goal: the listing under 500 ms and at least 10x faster than per-queue.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { RabbitMQQueueLive } from '@interchange/plugin-interchange-common';
import { RabbitMQManagementClient } from '@interchange/plugin-interchange-node';

const QUEUES = 2000;
const WITH_MESSAGES = 200;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const NAIVE_CONCURRENCY = 10;
const VHOST = 'bench';
const root = path.resolve(__dirname, '../..');
const queueName = (i: number) => `bench.q${String(i).padStart(4, '0')}`;
const messagesIn = (i: number) => (i < WITH_MESSAGES ? 1 + (i % 5) : 0);

function log(line: string) {
  process.stderr.write(`[bench:rabbitmq] ${line}\n`);
}

function ensureBroker(): { url: string; stop?: () => void } {
  if (process.env.INTERCHANGE_TEST_RABBITMQ_URL) {
    return { url: process.env.INTERCHANGE_TEST_RABBITMQ_URL };
  }
  const script = (name: string) => path.join(root, 'scripts/rabbitmq', name);
  const running = (() => {
    try {
      execFileSync(script('ctl.sh'), ['-q', 'status'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  const url = execFileSync(script('start.sh'), { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  return {
    url,
    stop: running
      ? undefined
      : () => execFileSync(script('stop.sh'), { stdio: 'inherit' }),
  };
}

async function pool<T>(
  items: T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        await fn(item);
      }
    }),
  );
}

type Rows = string[];
const rowsOf = (queues: Array<RabbitMQQueueLive | undefined>): Rows =>
  queues
    .filter((q): q is RabbitMQQueueLive => Boolean(q))
    .map(
      q =>
        `${q.name} ${q.messagesReady} ${q.messagesUnacknowledged} ${q.consumers}`,
    )
    .sort();

async function seed(client: RabbitMQManagementClient) {
  const existing = await client
    .listQueues(VHOST)
    .catch(() => [] as RabbitMQQueueLive[]);
  const total = existing.reduce((n, q) => n + (q.messages ?? 0), 0);
  const expected = Array.from({ length: QUEUES }, (_, i) =>
    messagesIn(i),
  ).reduce((a, b) => a + b, 0);
  if (existing.length === QUEUES && total === expected) {
    log(`reusing vhost ${VHOST} with ${QUEUES} queues`);
    return;
  }
  log(`creating vhost ${VHOST} with ${QUEUES} queues (once)`);
  await client.request('DELETE', `/vhosts/${VHOST}`).catch(() => undefined);
  await client.request('PUT', `/vhosts/${VHOST}`, {});
  const indexes = Array.from({ length: QUEUES }, (_, i) => i);
  await pool(indexes, 20, async i => {
    await client.declareQueue(VHOST, queueName(i), {
      durable: true,
      arguments: {},
    });
  });
  const publishes = indexes.flatMap(i =>
    Array.from({ length: messagesIn(i) }, () => i),
  );
  await pool(publishes, 20, async i => {
    await client.request('POST', `/exchanges/${VHOST}/amq.default/publish`, {
      properties: {},
      routing_key: queueName(i),
      payload: 'bench',
      payload_encoding: 'string',
    });
  });
  // Statistics arrive every few seconds: wait until every queue has them.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const queues = await client.listQueues(VHOST);
    const sum = queues.reduce((n, q) => n + (q.messagesReady ?? -1e9), 0);
    if (queues.length === QUEUES && sum === expected) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        `the broker's statistics did not settle: ${queues.length} queues, ${sum} messages ready (expected ${expected})`,
      );
    }
    await new Promise(r => setTimeout(r, 1000));
  }
}

function median(values: number[]) {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

async function main() {
  const { url, stop } = ensureBroker();
  const client = new RabbitMQManagementClient({
    id: 'bench',
    title: 'bench',
    managementUrl: url.replace(/\/+$/, ''),
    credentials: { username: 'guest', password: 'guest' },
    requestTimeoutMs: 30_000,
    dashboardUrl: url,
    queueStatus: { errorDepth: 10_000 },
    policy: {},
  });
  try {
    await seed(client);
    const names = Array.from({ length: QUEUES }, (_, i) => queueName(i));
    let requests = 0;
    const counted = <T>(p: Promise<T>) => {
      requests += 1;
      return p;
    };
    const perQueue = (concurrency: number) => async () => {
      const found: Array<RabbitMQQueueLive | undefined> = [];
      await pool(names, concurrency, async n => {
        found.push(await counted(client.getQueue(VHOST, n)));
      });
      return rowsOf(found);
    };
    // The sequential naive run takes seconds; fewer rounds of it.
    const approaches: Array<{
      name: string;
      runs: number;
      run: () => Promise<Rows>;
    }> = [
      {
        name: 'interchange: one list request with columns',
        runs: RUNS,
        run: async () =>
          rowsOf(await counted(client.listQueues(VHOST, { fields: 'state' }))),
      },
      {
        name: 'interchange: one list request, depth columns only',
        runs: RUNS,
        run: async () =>
          rowsOf(await counted(client.listQueues(VHOST, { fields: 'depth' }))),
      },
      {
        name: `naive: one request per queue, ${NAIVE_CONCURRENCY} in flight`,
        runs: RUNS,
        run: perQueue(NAIVE_CONCURRENCY),
      },
      {
        name: 'naive: one request per queue, one after another',
        runs: Math.min(RUNS, 2),
        run: perQueue(1),
      },
    ];
    const samples = approaches.map(() => ({
      ms: [] as number[],
      requests: [] as number[],
    }));
    let expected: Rows | undefined;
    // Round 0 warms up connections and is not counted.
    for (let round = 0; round <= RUNS; round++) {
      for (const [i, a] of approaches.entries()) {
        if (round > a.runs) {
          continue;
        }
        const before = requests;
        const start = performance.now();
        const rows = await a.run();
        const ms = performance.now() - start;
        expected ??= rows;
        if (
          rows.length !== QUEUES ||
          rows.length !== expected.length ||
          rows.some((r, j) => r !== expected![j])
        ) {
          throw new Error(
            `${a.name} read different numbers than the other approach; the benchmark is void`,
          );
        }
        if (round > 0) {
          samples[i].ms.push(ms);
          samples[i].requests.push(requests - before);
        }
      }
    }
    // Against the faster of the naive variants, to be fair to it.
    const naive = Math.min(median(samples[2].ms), median(samples[3].ms));
    const ours = median(samples[0].ms);
    const header = [
      'approach',
      'median ms',
      'min ms',
      'max ms',
      'requests/run',
      'vs fastest naive',
    ];
    const rows = approaches.map((a, i) => [
      a.name,
      median(samples[i].ms).toFixed(1),
      Math.min(...samples[i].ms).toFixed(1),
      Math.max(...samples[i].ms).toFixed(1),
      String(median(samples[i].requests)),
      `${(naive / median(samples[i].ms)).toFixed(1)}x`,
    ]);
    const widths = header.map((h, i) =>
      Math.max(h.length, ...rows.map(r => r[i].length)),
    );
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join('  ');
    console.log(
      `Live state of ${QUEUES} queues (${WITH_MESSAGES} with messages), ${RUNS} runs each (${approaches[3].runs} of the sequential one), broker ${url}`,
    );
    console.log(line(header));
    console.log(widths.map(w => '-'.repeat(w)).join('  '));
    rows.forEach(r => console.log(line(r)));
    console.log(
      `results identical across approaches: yes (${
        expected!.length
      } queues: ready, unacknowledged, consumers)`,
    );
    const under = ours < 500;
    const faster = naive / ours >= 10;
    console.log(
      `goal: listing under 500 ms: ${under ? 'yes' : 'NO'} (${ours.toFixed(
        1,
      )} ms); at least 10x faster than per-queue: ${faster ? 'yes' : 'NO'} (${(
        naive / ours
      ).toFixed(1)}x)`,
    );
    if (!under || !faster) {
      process.exitCode = 1;
    }
  } finally {
    client.close();
    stop?.();
  }
}

main().catch(e => {
  console.error(`bench:rabbitmq failed: ${e?.stack ?? e}`);
  process.exit(1);
});
