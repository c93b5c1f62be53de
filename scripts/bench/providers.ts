/*
 * `yarn bench:providers`: the Kafka topic entity provider
 * (KafkaTopicEntityProvider) over 10,000 topics on a real broker: a full
 * refresh, then a refresh after 1% of the topics changed, time and peak
 * memory.
 *
 * Data: BENCH_TOPICS (default 10,000) single-partition topics named
 * `bench.providers.*`, created once and reused by later runs: a fixed base of
 * 99% and a churn slot of 1% that is either the `a` or the `b` set. Between
 * the two measured refreshes the bench swaps the slot (deletes one set,
 * creates the other), so every run measures the same change and leaves the
 * broker ready for the next. `BENCH_CLEANUP=1` deletes every bench topic
 * afterwards instead.
 *
 * The broker is one of its own (scripts/kafka/start.sh with a private data
 * directory, .cache/kafka/bench-providers, a free port remembered there, and
 * a 1 GB heap), started for the run and stopped afterwards: a broker
 * holding 10,000 partitions used about 340 MB of heap after a full
 * collection, which would crowd the 512 MB test broker other suites share. BENCH_PROVIDERS_BROKERS points the
 * bench at another broker instead (it must have the heap for it).
 *
 * The provider runs in a child process built to JavaScript (esbuild), as the
 * backend ships it, so the memory column is the provider's process alone,
 * not the TypeScript transform or the seeding. It gets a real KafkaClusters
 * with the platformatic adapter (the default), the catalog's own test double
 * holding 1% of the topics as declared by catalog files (which the provider
 * must leave out), and a connection that keeps the mutation it receives. The
 * run fails unless the full refresh emits exactly the undeclared topics and
 * the second one differs from it by exactly the swapped topics.
 */
import { execFileSync, fork } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { inspect } from 'node:util';
import { Admin } from '@platformatic/kafka';
import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { printTable } from './table';

const PREFIX = 'bench.providers.';
const root = path.resolve(__dirname, '../..');

function countFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') {
    return fallback;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 100) {
    throw new Error(
      `${name} must be a whole number of at least 100, got '${raw}'; unset it for the default (${fallback})`,
    );
  }
  return value;
}

const TOPICS = countFromEnv('BENCH_TOPICS', 10_000);
const CHURN = Math.ceil(TOPICS / 100);
const BASE = TOPICS - CHURN;

const baseTopics = () =>
  Array.from(
    { length: BASE },
    (_, i) => `${PREFIX}t${String(i).padStart(5, '0')}`,
  );
const slotTopics = (slot: 'a' | 'b') =>
  Array.from(
    { length: CHURN },
    (_, i) => `${PREFIX}${slot}${String(i).padStart(4, '0')}`,
  );
/** Every 100th base topic is declared by a catalog file: the provider skips those. */
const declaredTopics = () => baseTopics().filter((_, i) => i % 100 === 0);

function log(line: string) {
  process.stderr.write(`[bench:providers] ${line}\n`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise(resolve => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free port whose successor is free too (the broker's controller listens there). */
async function freePortPair(): Promise<number> {
  for (;;) {
    const port = await new Promise<number>(resolve => {
      const server = net.createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as net.AddressInfo;
        server.close(() => resolve(p));
      });
    });
    if (port < 65535 && (await portFree(port + 1))) {
      return port;
    }
  }
}

async function ensureBroker(): Promise<{
  brokers: string[];
  stop?: () => void;
}> {
  const configured = process.env.BENCH_PROVIDERS_BROKERS;
  if (configured) {
    return { brokers: configured.split(',') };
  }
  const dir = path.join(root, '.cache/kafka/bench-providers');
  const portFile = path.join(dir, 'port');
  // KRaft keeps the controller's address in its metadata, so the data
  // directory stays with the port it was created with; when that port is
  // taken, the data is recreated on a new one.
  let port = fs.existsSync(portFile)
    ? Number(fs.readFileSync(portFile, 'utf8'))
    : undefined;
  const pidFile = path.join(dir, 'broker.pid');
  const running =
    fs.existsSync(pidFile) &&
    (() => {
      try {
        process.kill(Number(fs.readFileSync(pidFile, 'utf8')), 0);
        return true;
      } catch {
        return false;
      }
    })();
  if (
    !running &&
    port !== undefined &&
    !((await portFree(port)) && (await portFree(port + 1)))
  ) {
    log(
      `port ${port} is taken: recreating the bench broker's data on a free port`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
    port = undefined;
  }
  if (port === undefined) {
    port = await freePortPair();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(portFile, String(port));
  }
  const env = {
    ...process.env,
    INTERCHANGE_KAFKA_PORT: String(port),
    INTERCHANGE_KAFKA_DIR: dir,
    KAFKA_HEAP_OPTS: process.env.KAFKA_HEAP_OPTS ?? '-Xmx1g',
    // Loading 10,000 partitions takes minutes on a busy 2-core machine.
    INTERCHANGE_KAFKA_START_TIMEOUT:
      process.env.INTERCHANGE_KAFKA_START_TIMEOUT ?? '600',
  };
  const stop = () => {
    if (!fs.existsSync(pidFile)) {
      return;
    }
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    // stop.sh kills a broker after 30 s; closing 10,000 partitions cleanly
    // takes longer, and a killed broker recovers them all on its next start.
    log(
      'stopping the bench broker (closing its partitions takes a minute or two; BENCH_KEEP_BROKER=1 keeps it running for the next run)',
    );
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      fs.rmSync(pidFile, { force: true });
      return;
    }
    const deadline = Date.now() + 5 * 60_000;
    for (;;) {
      try {
        process.kill(pid, 0);
      } catch {
        break;
      }
      if (Date.now() > deadline) {
        process.kill(pid, 'SIGKILL');
        break;
      }
      execFileSync('sleep', ['1']);
    }
    fs.rmSync(pidFile, { force: true });
  };
  if (!running) {
    // A start with 10,000 partitions logs ~200 MB at INFO; keep only this run's.
    fs.rmSync(path.join(dir, 'server.log'), { force: true });
  }
  log(
    `${
      running ? 'using' : 'starting'
    } the bench's own broker on 127.0.0.1:${port} (data in ${path.relative(
      root,
      dir,
    )})`,
  );
  let out: string;
  try {
    out = execFileSync(path.join(root, 'scripts/kafka/start.sh'), {
      encoding: 'utf8',
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
  } catch (e) {
    stop();
    throw e;
  }
  return {
    brokers: [out.trim().split('\n').pop()!],
    stop: running || process.env.BENCH_KEEP_BROKER === '1' ? undefined : stop,
  };
}

function seedAdmin(brokers: string[]) {
  return new Admin({
    clientId: 'interchange-bench-seed',
    bootstrapBrokers: brokers,
    // Creating thousands of topics keeps a single-node controller busy.
    timeout: 120_000,
    requestTimeout: 120_000,
    retries: 5,
    retryDelay: 1000,
  });
}

async function benchTopicsOnBroker(admin: Admin): Promise<Set<string>> {
  return new Set((await admin.listTopics()).filter(t => t.startsWith(PREFIX)));
}

/** Creates topics in batches the controller answers in well under its timeout. */
async function createTopics(admin: Admin, topics: string[]) {
  for (let i = 0; i < topics.length; i += 500) {
    await admin.createTopics({
      topics: topics.slice(i, i + 500),
      partitions: 1,
      replicas: 1,
    });
    if (topics.length > 500) {
      log(`created ${Math.min(i + 500, topics.length)}/${topics.length}`);
    }
  }
}

async function deleteTopics(admin: Admin, topics: string[]) {
  for (let i = 0; i < topics.length; i += 500) {
    await admin.deleteTopics({ topics: topics.slice(i, i + 500) });
  }
}

/** Waits until the broker's metadata lists exactly `present` and none of `absent`. */
async function settle(admin: Admin, present: string[], absent: string[]) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const existing = await benchTopicsOnBroker(admin);
    if (
      present.every(t => existing.has(t)) &&
      absent.every(t => !existing.has(t))
    ) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(
        'the broker did not list the created topics (or still listed the deleted ones) within 120 s',
      );
    }
    await new Promise(r => setTimeout(r, 500));
  }
}

/**
 * A broker restarted with thousands of partitions answers metadata requests
 * before it has loaded them all (LEADER_NOT_AVAILABLE); wait until it lists
 * every topic with a leader.
 */
async function brokerLoaded(admin: Admin): Promise<Set<string>> {
  const deadline = Date.now() + 10 * 60_000;
  for (let attempt = 0; ; attempt++) {
    try {
      return await benchTopicsOnBroker(admin);
    } catch (e) {
      if (Date.now() > deadline) {
        throw e;
      }
      if (attempt === 0) {
        log('waiting for the broker to load its partitions');
      }
      await new Promise(r => setTimeout(r, 2000));
    }
  }
}

/** Makes the broker hold the base topics and exactly one churn slot; returns that slot. */
async function seed(admin: Admin): Promise<'a' | 'b'> {
  const existing = await brokerLoaded(admin);
  const hasA = slotTopics('a').filter(t => existing.has(t)).length;
  const hasB = slotTopics('b').filter(t => existing.has(t)).length;
  const slot = hasB > hasA ? 'b' : 'a';
  const other = slot === 'a' ? 'b' : 'a';
  const wanted = [...baseTopics(), ...slotTopics(slot)];
  const missing = wanted.filter(t => !existing.has(t));
  const stray = [...existing].filter(
    t => !wanted.includes(t) && !slotTopics(other).includes(t),
  );
  const strayOther = slotTopics(other).filter(t => existing.has(t));
  if (missing.length) {
    log(
      `creating ${missing.length} single-partition topics (once; later runs reuse them)`,
    );
    await createTopics(admin, missing);
  }
  if (stray.length + strayOther.length) {
    log(
      `deleting ${
        stray.length + strayOther.length
      } bench topics left by other sizes or an interrupted run`,
    );
    await deleteTopics(admin, [...stray, ...strayOther]);
  }
  await settle(admin, wanted, [...stray, ...strayOther]);
  return slot;
}

/** The provider logs a line per run; warnings (a failed run) matter here. */
const benchLogger = {
  info: () => {},
  debug: () => {},
  error: (m: string) => log(`provider error: ${m}`),
  warn: (m: string) => log(`provider warning: ${m}`),
  child: () => benchLogger,
};

type Measure = {
  ms: number;
  cpuMs: number;
  entities: number;
  requests: number;
  applied: boolean;
  reason?: string;
  maxRssMb: number;
  heapUsedMb: number;
};

type ChildResult = {
  baselineMb: number;
  full: Measure;
  changed: Measure;
  /** Topic names of each mutation, and whether unchanged topics kept identical entities. */
  fullTopics: string[];
  changedTopics: string[];
  unchangedIdentical: boolean;
};

/**
 * Child mode: one provider, two refreshes; between them the parent swaps the
 * churn slot (asked over IPC), so seeding never runs in this process.
 */
async function child(brokers: string[]) {
  // Loaded here so the parent (seeding) does not load the backend packages.
  const { InMemoryCatalogClient } = await import(
    '@backstage/catalog-client/testUtils'
  );
  const { KafkaClusters, createKafkaAdminClient } = await import(
    '@interchange/plugin-interchange-node'
  );
  const { KafkaTopicEntityProvider } = await import(
    '../../plugins/catalog-backend-module-interchange/src/providers/KafkaTopicEntityProvider'
  );
  type Deferred = import('@backstage/plugin-catalog-node').DeferredEntity;
  type AdminClient =
    import('@interchange/plugin-interchange-node').KafkaAdminClient;

  let admin: AdminClient | undefined;
  const clusters = new KafkaClusters(
    [
      {
        id: 'bench',
        title: 'bench',
        brokers,
        clientId: 'interchange-bench-providers',
        adapter: 'platformatic',
        requestTimeoutMs: 60_000,
        policy: {},
      },
    ],
    {
      createClient: (config, adapter) => {
        admin = createKafkaAdminClient(config, adapter);
        return admin;
      },
    },
  );
  const declared = declaredTopics().map((topic, i) => ({
    apiVersion: 'interchange.dev/v1alpha1',
    kind: 'KafkaTopic',
    metadata: { name: `declared-${i}` },
    spec: { owner: 'team-a', cluster: 'bench', topicName: topic },
  }));
  let mutation: Deferred[] = [];
  const provider = new KafkaTopicEntityProvider({
    config: {
      id: 'bench',
      cluster: 'bench',
      defaultOwner: 'group:team-platform',
      namespace: 'default',
      include: /^bench\.providers\./,
      exclude: /^__/,
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 3 } },
    },
    clusters,
    // The catalog client's in-memory double answers the provider's query
    // as the catalog would; @backstage/backend-test-utils (catalogServiceMock,
    // mockServices) would add ~70 MB of test tooling to the measured process.
    catalog: new InMemoryCatalogClient({
      entities: declared,
    }) as unknown as CatalogService,
    auth: {
      getOwnServiceCredentials: async () => ({
        $$type: '@backstage/BackstageCredentials',
        principal: { type: 'service', subject: 'bench' },
      }),
    } as unknown as AuthService,
    logger: benchLogger as unknown as LoggerService,
  });
  await provider.connect({
    applyMutation: async m => {
      mutation = m.type === 'full' ? m.entities : m.added;
    },
    refresh: async () => {},
  });
  // Connected as the backend would be before its first scheduled run.
  await clusters.run('bench', 'connect', a => a.describeCluster());
  global.gc?.();
  const baselineMb = process.resourceUsage().maxRSS / 1024;

  async function measure(): Promise<Measure> {
    const requestsBefore = admin!.requestCount();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = await provider.refresh();
    const ms = performance.now() - start;
    const used = process.cpuUsage(cpu);
    return {
      ms,
      cpuMs: (used.user + used.system) / 1000,
      entities: result.entities,
      requests: admin!.requestCount() - requestsBefore,
      applied: result.applied,
      reason: result.reason,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
      heapUsedMb: process.memoryUsage().heapUsed / 1024 / 1024,
    };
  }
  const topicOf = (d: Deferred) =>
    (d.entity.spec as { topicName: string }).topicName;

  const full = await measure();
  // Kept as text for the comparison, so the second measure's heap does not
  // also hold the first mutation's objects.
  const fullTopics = mutation.map(topicOf);
  const before = new Map(mutation.map(d => [topicOf(d), JSON.stringify(d)]));
  mutation = [];
  await new Promise<void>(resolve => {
    process.once('message', () => resolve());
    process.send!('swap');
  });
  const changed = await measure();
  const unchangedIdentical = mutation.every(d => {
    const previous = before.get(topicOf(d));
    return previous === undefined || previous === JSON.stringify(d);
  });
  const result: ChildResult = {
    baselineMb,
    full,
    changed,
    fullTopics,
    changedTopics: mutation.map(topicOf),
    unchangedIdentical,
  };
  await clusters.close();
  // Exit only once the result is sent: IPC messages are asynchronous.
  process.send!(result, () => process.exit(0));
}

function sameSet(actual: string[], expected: string[]): boolean {
  const a = new Set(actual);
  return (
    a.size === actual.length &&
    a.size === expected.length &&
    expected.every(t => a.has(t))
  );
}

async function main() {
  if (process.argv[2] === '--child') {
    await child(process.argv[3].split(','));
    return;
  }
  const { brokers, stop } = await ensureBroker();
  fs.mkdirSync(path.join(root, '.cache'), { recursive: true });
  const dir = fs.mkdtempSync(
    path.join(root, '.cache/interchange-bench-providers-'),
  );
  const admin = seedAdmin(brokers);
  try {
    const seedStart = performance.now();
    const slot = await seed(admin);
    const next = slot === 'a' ? 'b' : 'a';
    log(
      `broker ready with ${TOPICS} bench topics in ${(
        (performance.now() - seedStart) /
        1000
      ).toFixed(1)} s; building the provider`,
    );
    // Inside the repo, so the packages left out of the bundle resolve from
    // its node_modules as they do in the backend.
    const built = path.join(dir, 'bench-providers.js');
    const { build } = require('esbuild') as typeof import('esbuild');
    await build({
      entryPoints: [__filename],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      outfile: built,
      logLevel: 'error',
      plugins: [
        {
          // Our TypeScript sources are compiled in; every installed package
          // is loaded from node_modules as published (JavaScript already).
          name: 'installed-packages-external',
          setup(build) {
            build.onResolve({ filter: /^[^./]/ }, args =>
              args.path.startsWith('@interchange/')
                ? undefined
                : { path: args.path, external: true },
            );
          },
        },
      ],
    });

    const result = await new Promise<ChildResult>((resolve, reject) => {
      const proc = fork(built, ['--child', brokers.join(',')], {
        execArgv: ['--expose-gc'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      proc.on('message', async message => {
        if (message === 'swap') {
          try {
            log(
              `changing 1% of the topics: ${CHURN} deleted, ${CHURN} created`,
            );
            await deleteTopics(admin, slotTopics(slot));
            await createTopics(admin, slotTopics(next));
            await settle(admin, slotTopics(next), slotTopics(slot));
            proc.send('go');
          } catch (e) {
            proc.kill();
            reject(e);
          }
          return;
        }
        resolve(message as ChildResult);
      });
      proc.on('exit', (code, signal) => {
        // After its result, or without one: then the run failed.
        reject(
          new Error(
            `the provider process exited (code ${code}, signal ${signal}) without a result`,
          ),
        );
      });
    });

    const declared = new Set(declaredTopics());
    const expectedFull = [...baseTopics(), ...slotTopics(slot)].filter(
      t => !declared.has(t),
    );
    const expectedChanged = [...baseTopics(), ...slotTopics(next)].filter(
      t => !declared.has(t),
    );
    for (const [name, m] of [
      ['full refresh', result.full],
      ['1% changed', result.changed],
    ] as const) {
      if (!m.applied) {
        throw new Error(`${name}: the provider applied nothing (${m.reason})`);
      }
    }
    if (!sameSet(result.fullTopics, expectedFull)) {
      throw new Error(
        `full refresh: expected the ${expectedFull.length} undeclared topics, the mutation held ${result.fullTopics.length}`,
      );
    }
    if (!sameSet(result.changedTopics, expectedChanged)) {
      throw new Error(
        `1% changed: expected ${expectedChanged.length} topics with the ${CHURN} swapped ones, the mutation held ${result.changedTopics.length}`,
      );
    }
    if (!result.unchangedIdentical) {
      throw new Error(
        '1% changed: topics that did not change produced different entities',
      );
    }

    const header = [
      'refresh',
      'topics',
      'entities',
      'seconds',
      'CPU s',
      'requests',
      'peak RSS MB',
      'heap after MB',
    ];
    const rows = [
      ['full', result.full],
      ['1% changed', result.changed],
    ].map(([name, m]) => {
      const r = m as Measure;
      return [
        name as string,
        String(TOPICS),
        String(r.entities),
        (r.ms / 1000).toFixed(2),
        (r.cpuMs / 1000).toFixed(2),
        String(r.requests),
        r.maxRssMb.toFixed(0),
        r.heapUsedMb.toFixed(0),
      ];
    });
    console.log(
      `KafkaTopicEntityProvider over ${TOPICS} topics (${
        declared.size
      } declared in catalog files), platformatic adapter, broker ${brokers.join(
        ',',
      )}; one process, peak RSS includes Node and the provider's packages (${result.baselineMb.toFixed(
        0,
      )} MB before the first refresh)`,
    );
    printTable(header, rows);
    console.log(
      `mutations correct: yes (full: ${
        expectedFull.length
      } entities; 1% changed: ${CHURN} removed, ${CHURN} added, the other ${
        expectedFull.length - CHURN
      } identical)`,
    );
    if (process.env.BENCH_CLEANUP === '1') {
      log('BENCH_CLEANUP=1: deleting the bench topics');
      await deleteTopics(admin, [...(await benchTopicsOnBroker(admin))]);
    }
  } finally {
    await admin.close();
    fs.rmSync(dir, { recursive: true, force: true });
    stop?.();
  }
}

main().catch(e => {
  console.error(
    `bench:providers failed: ${e?.stack ?? e}`,
    e?.errors ? inspect(e.errors, { depth: 5 }) : '',
  );
  process.exit(1);
});
