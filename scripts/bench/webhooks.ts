/*
 * `yarn bench:webhooks`: throughput of the inbound webhook endpoint, verify
 * (Standard Webhooks signature) + dedup + record, on SQLite and PostgreSQL.
 *
 * Runs the plugin's real receive router on a real HTTP server on 127.0.0.1
 * with the real delivery store and migrations; only the catalog lookup and
 * the events service are in-memory stand-ins. The senders run in a worker
 * thread (webhooksSender.ts), so they do not take the receiver's event loop.
 * PostgreSQL is the repo's own (scripts/postgres/start.sh), started when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import { migrationsDir } from '../../plugins/interchange-backend/src/database/migrations';
import { DatabaseDeliveryStore } from '../../plugins/interchange-backend/src/database/DatabaseDeliveryStore';
import { createWebhookReceiveRouter } from '../../plugins/interchange-backend/src/webhooks/createWebhooksRouter';
import { readWebhookSettings } from '../../plugins/interchange-backend/src/webhooks/webhookSettings';
import { ConfigReader } from '@backstage/config';
import type { SenderJob, SenderResult } from './webhooksSender';
import { printTable } from './table';

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 5000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DUPLICATE_EVERY = 10;
const SECRET = 'whsec_YmVuY2htYXJrLW9ubHktc2VjcmV0LXZhbHVl';
const root = path.resolve(__dirname, '../..');

const webhook = (name: string) => ({
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'Webhook',
  metadata: { name, namespace: 'default' },
  spec: {
    owner: 'group:default/bench',
    sender: 'component:default/sender',
    receiver: 'component:default/receiver',
    events: ['order.shipped'],
    signing: { scheme: 'standard-webhooks', secretRef: 'bench' },
  },
});

function postgresUrl(): string {
  const configured =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (configured) {
    return configured;
  }
  const out = execFileSync(path.join(root, 'scripts/postgres/start.sh'), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return out.trim().split('\n').pop()!;
}

async function database(
  kind: 'sqlite' | 'postgres',
): Promise<{ db: Knex; cleanup: () => Promise<void> }> {
  if (kind === 'sqlite') {
    const db = knexFactory({
      client: 'better-sqlite3',
      connection: { filename: ':memory:' },
      useNullAsDefault: true,
    });
    return { db, cleanup: () => db.destroy() };
  }
  const url = postgresUrl();
  const name = `interchange_bench_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection: url });
  await admin.raw(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = knexFactory({
    client: 'pg',
    connection: u.toString(),
    pool: { min: 0, max: 10 },
  });
  return {
    db,
    cleanup: async () => {
      await db.destroy();
      await admin.raw(`DROP DATABASE ${name}`);
      await admin.destroy();
    },
  };
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

function sendFromWorker(job: SenderJob): Promise<SenderResult> {
  return new Promise((resolve, reject) => {
    // The worker inherits this process's --require of the TypeScript
    // transform, so it can load the sender's .ts file.
    const worker = new Worker(
      `require(${JSON.stringify(path.join(__dirname, 'webhooksSender.ts'))})`,
      { eval: true, workerData: { job } },
    );
    worker.once('message', m =>
      m.error ? reject(new Error(m.error)) : resolve(m.result),
    );
    worker.once('error', reject);
  });
}

async function run(kind: 'sqlite' | 'postgres') {
  const { db, cleanup } = await database(kind);
  try {
    await db.migrate.latest({
      directory: migrationsDir,
      tableName: 'interchange_knex_migrations',
    });
    const store = new DatabaseDeliveryStore(db);
    let published = 0;
    const app = express();
    app.use(
      '/api/interchange',
      createWebhookReceiveRouter({
        auth: { getOwnServiceCredentials: async () => ({}) } as any,
        catalog: {
          getEntityByRef: async (ref: string) => webhook(ref.split('/')[1]),
        } as any,
        events: { publish: async () => void (published += 1) } as any,
        logger: { warn() {}, error() {}, info() {} } as any,
        store,
        settings: readWebhookSettings(
          new ConfigReader({
            interchange: { webhooks: { secrets: { bench: SECRET } } },
          }),
        ),
        httpAuth: undefined as any,
        permissions: undefined as any,
      }),
    );
    const server = http.createServer(app);
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const job = (name: string, deliveries: number): SenderJob => ({
      port,
      path: `/api/interchange/webhooks/default/${name}/receive`,
      secret: SECRET,
      deliveries,
      concurrency: CONCURRENCY,
      duplicateEvery: DUPLICATE_EVERY,
      idPrefix: `evt_${name}`,
    });
    // A warm-up round to another webhook, so the measured round sees
    // compiled code and open connections, as a running portal does.
    if (WARMUP > 0) {
      await sendFromWorker(job('warmup', WARMUP));
    }
    const publishedBefore = published;
    // The receiver's own CPU time (this thread; the senders run in a
    // worker): comparable across runs when other work slows the machine.
    const cpuBefore = process.threadCpuUsage();
    const sent = await sendFromWorker(job('bench', DELIVERIES));
    const cpu = process.threadCpuUsage(cpuBefore);
    // Other work on the machine moves the rate far more than the CPU
    // column: every row says how loaded the machine was.
    const loadAverage = os.loadavg()[0];
    server.close();
    const recorded = await store.count('webhook:default/bench');
    const unique = sent.distinctIds;
    if (
      recorded !== unique ||
      published - publishedBefore !== unique ||
      (sent.statuses[202] ?? 0) !== unique
    ) {
      throw new Error(
        `${kind}: ${unique} distinct events but ${recorded} recorded, ${
          published - publishedBefore
        } published, statuses ${JSON.stringify(sent.statuses)}`,
      );
    }
    const latencies = [...sent.latencies].sort((a, b) => a - b);
    return {
      kind,
      perSecond: DELIVERIES / sent.seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      cpuPerDelivery: (cpu.user + cpu.system) / DELIVERIES,
      recorded,
      duplicates: sent.statuses[200] ?? 0,
      accepted: sent.statuses[202] ?? 0,
      loadAverage,
    };
  } finally {
    await cleanup();
  }
}

async function main() {
  const rows = [];
  const kinds = (process.env.BENCH_DATABASES ?? 'sqlite,postgres')
    .split(',')
    .map(k => k.trim()) as Array<'sqlite' | 'postgres'>;
  for (const kind of kinds) {
    if (kind !== 'sqlite' && kind !== 'postgres') {
      throw new Error(
        `BENCH_DATABASES: '${kind}' is not a database here; write sqlite, postgres or both separated by a comma`,
      );
    }
    rows.push(await run(kind));
  }
  const header = [
    'database',
    'deliveries/s',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'receiver CPU µs/delivery',
    'accepted (202)',
    'duplicates (200)',
    'rows',
    'load avg (1 min)',
  ];
  const cells = rows.map(r => [
    r.kind === 'sqlite' ? 'SQLite (better-sqlite3, in memory)' : 'PostgreSQL',
    r.perSecond.toFixed(0),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    r.p99.toFixed(1),
    r.cpuPerDelivery.toFixed(0),
    String(r.accepted),
    String(r.duplicates),
    String(r.recorded),
    r.loadAverage.toFixed(1),
  ]);
  console.log(
    `Inbound webhooks: ${DELIVERIES} signed deliveries (every ${DUPLICATE_EVERY}th a retry of an earlier event) after ${WARMUP} warm-up, ${CONCURRENCY} concurrent senders in a worker thread, verify + dedup + record`,
  );
  printTable(header, cells);
  console.log('every distinct event recorded and published exactly once: yes');
}

main().catch(e => {
  console.error(`bench:webhooks failed: ${e?.stack ?? e}`);
  process.exit(1);
});
