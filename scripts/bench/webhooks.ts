/*
 * `yarn bench:webhooks`: throughput of the inbound webhook endpoint, verify
 * (Standard Webhooks signature) + dedup + record, on SQLite and PostgreSQL.
 *
 * Runs the plugin's real receive router on a real HTTP server on 127.0.0.1
 * with the real delivery store and migrations; only the catalog lookup and
 * the events service are in-memory stand-ins. PostgreSQL is the repo's own
 * (scripts/postgres/start.sh), started when
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is not set.
 */
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import { signWebhook } from '@interchange/plugin-interchange-common';
import { migrationsDir } from '../../plugins/interchange-backend/src/database/migrations';
import { DatabaseDeliveryStore } from '../../plugins/interchange-backend/src/database/DatabaseDeliveryStore';
import { createWebhookReceiveRouter } from '../../plugins/interchange-backend/src/webhooks/createWebhooksRouter';
import { readWebhookSettings } from '../../plugins/interchange-backend/src/webhooks/webhookSettings';
import { ConfigReader } from '@backstage/config';

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DUPLICATE_EVERY = 10;
const SECRET = 'whsec_YmVuY2htYXJrLW9ubHktc2VjcmV0LXZhbHVl';
const root = path.resolve(__dirname, '../..');

const entity = {
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'Webhook',
  metadata: { name: 'bench', namespace: 'default' },
  spec: {
    owner: 'group:default/bench',
    sender: 'component:default/sender',
    receiver: 'component:default/receiver',
    events: ['order.shipped'],
    signing: { scheme: 'standard-webhooks', secretRef: 'bench' },
  },
};

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
        catalog: { getEntityByRef: async () => entity } as any,
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
    const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

    // Signed up front: the benchmark measures the receiver, not the sender.
    const now = Math.floor(Date.now() / 1000);
    const requests = await Promise.all(
      Array.from({ length: DELIVERIES }, async (_, i) => {
        const id = `evt_${
          i % Math.ceil(DELIVERIES * (1 - 1 / DUPLICATE_EVERY))
        }`;
        const body = JSON.stringify({
          type: 'order.shipped',
          timestamp: new Date().toISOString(),
          data: { i },
        });
        return {
          body,
          headers: await signWebhook('standard-webhooks', SECRET, {
            id,
            timestamp: now,
            body,
          }),
        };
      }),
    );
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    const send = (r: (typeof requests)[number]) =>
      new Promise<void>((resolve, reject) => {
        const started = performance.now();
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/interchange/webhooks/default/bench/receive',
            method: 'POST',
            agent,
            headers: {
              ...r.headers,
              'content-type': 'application/json',
              'content-length': Buffer.byteLength(r.body),
            },
          },
          res => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - started);
              statuses.set(
                res.statusCode!,
                (statuses.get(res.statusCode!) ?? 0) + 1,
              );
              resolve();
            });
          },
        );
        req.on('error', reject);
        req.end(r.body);
      });
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          await send(requests[next++]);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    server.close();
    agent.destroy();
    const recorded = await store.count('webhook:default/bench');
    const unique = new Set(requests.map(r => r.headers['webhook-id'])).size;
    if (recorded !== unique || published !== unique) {
      throw new Error(
        `${kind}: ${unique} distinct events but ${recorded} recorded and ${published} published`,
      );
    }
    latencies.sort((a, b) => a - b);
    return {
      kind,
      perSecond: DELIVERIES / seconds,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      recorded,
      duplicates: statuses.get(200) ?? 0,
      accepted: statuses.get(202) ?? 0,
    };
  } finally {
    await cleanup();
  }
}

async function main() {
  const rows = [];
  for (const kind of ['sqlite', 'postgres'] as const) {
    rows.push(await run(kind));
  }
  const header = [
    'database',
    'deliveries/s',
    'p50 ms',
    'p95 ms',
    'accepted (202)',
    'duplicates (200)',
    'rows',
  ];
  const cells = rows.map(r => [
    r.kind === 'sqlite' ? 'SQLite (better-sqlite3, in memory)' : 'PostgreSQL',
    r.perSecond.toFixed(0),
    r.p50.toFixed(1),
    r.p95.toFixed(1),
    String(r.accepted),
    String(r.duplicates),
    String(r.recorded),
  ]);
  const widths = header.map((h, i) =>
    Math.max(h.length, ...cells.map(c => c[i].length)),
  );
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i])))
      .join('  ');
  console.log(
    `Inbound webhooks: ${DELIVERIES} signed deliveries (every ${DUPLICATE_EVERY}th a retry of an earlier event), ${CONCURRENCY} concurrent, verify + dedup + record`,
  );
  console.log(line(header));
  console.log(widths.map(w => '-'.repeat(w)).join('  '));
  cells.forEach(c => console.log(line(c)));
  console.log('every distinct event recorded and published exactly once: yes');
}

main().catch(e => {
  console.error(`bench:webhooks failed: ${e?.stack ?? e}`);
  process.exit(1);
});
