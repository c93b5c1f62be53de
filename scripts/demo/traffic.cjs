#!/usr/bin/env node
/*
 * Live traffic for the demo company, so the portal has something moving to
 * show: statuses change and sparklines rise within minutes of start.
 *
 * Kafka (the local broker, demo topics from examples/integrations/kafka-topics.yaml):
 * - producers at steady rates on checkout.order-requested.v1,
 *   payments.payment-events.v1, shipping.shipment-events.v1 and
 *   inventory.reservation-results.v1;
 * - consumers that keep up (OK): orders-intake, orders-payments,
 *   orders-shipments;
 * - one slower than its producer (its lag and time lag grow: WARNING):
 *   notify-shipments;
 * - one stopped (no members, offsets never move while lag grows: STOPPED):
 *   orders-reservations.
 * (orders.order-events.v1 is left alone: the broker keeps it zstd-compressed,
 * which kafkajs cannot read.)
 *
 * Webhooks: every minute a test delivery (POST /api/interchange/webhooks/
 * :namespace/:name/test, as the demo guest) of
 * - fulfillment-status-sandbox, sent to the portal's own inbound receiver
 *   (healthy),
 * - partner-inventory-sync and erp-order-export (scripts/demo/webhooks.yaml),
 *   sent to a local endpoint this script serves that fails one request in
 *   four (degraded) and nine in ten (failing).
 *
 * It runs until SIGINT/SIGTERM, or until the process given with --parent-pid
 * exits (./scripts/start.sh passes its own, so it stops with the portal).
 *
 *   node scripts/demo/traffic.cjs [--brokers 127.0.0.1:19092]
 *     [--backend http://localhost:7007] [--endpoint-port 7011] [--parent-pid N]
 *
 * GET http://127.0.0.1:<endpoint-port>/ready answers 200 once the Kafka
 * traffic runs (the e2e setup waits on it).
 */
const http = require('node:http');
const { Kafka, logLevel } = require('kafkajs');

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

const brokers = option(
  'brokers',
  process.env.INTERCHANGE_DEMO_KAFKA_BROKERS ?? '127.0.0.1:19092',
).split(',');
const backend = option(
  'backend',
  process.env.INTERCHANGE_DEMO_BACKEND_URL ?? 'http://localhost:7007',
);
const endpointPort = Number(
  option('endpoint-port', process.env.INTERCHANGE_DEMO_ENDPOINT_PORT ?? '7011'),
);
const parentPid = Number(option('parent-pid', '0'));

/** Messages per second per topic; the slow consumer's pace is set below it. */
const PRODUCERS = {
  'checkout.order-requested.v1': 3,
  'payments.payment-events.v1': 2,
  'shipping.shipment-events.v1': 3,
  'inventory.reservation-results.v1': 2,
};
const FAST_GROUPS = [
  { groupId: 'orders-intake', topic: 'checkout.order-requested.v1' },
  { groupId: 'orders-payments', topic: 'payments.payment-events.v1' },
  { groupId: 'orders-shipments', topic: 'shipping.shipment-events.v1' },
];
// One message per partition per fetch, then a pause: 6 partitions at
// 500 ms is about 0.33 messages/s per partition against 0.5 produced.
const SLOW_GROUP = {
  groupId: 'notify-shipments',
  topic: 'shipping.shipment-events.v1',
  pauseMs: 500,
};
// The stopped consumer: its group has committed offsets (seed-demo.cjs) and
// nobody runs it, while its topic keeps growing.
const STOPPED_GROUP = 'orders-reservations';

/** Webhook entities sent a test event every minute, and what their endpoint does. */
const WEBHOOKS = [
  'fulfillment-status-sandbox',
  'partner-inventory-sync',
  'erp-order-export',
];
const ENDPOINT_FAILURES = {
  // path -> `fail` requests out of every `of` are refused
  '/partner/inventory': { fail: 1, of: 4, status: 503 },
  '/erp/orders': { fail: 9, of: 10, status: 500 },
};
const WEBHOOK_INTERVAL_MS = 60_000;

const log = message =>
  console.log(`[demo-traffic] ${new Date().toISOString()} ${message}`);
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

let stopping = false;
let ready = false;
const cleanups = [];

function serveEndpoint() {
  const counters = new Map();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/ready') {
      res.writeHead(ready ? 200 : 503).end(ready ? 'ready' : 'starting');
      return;
    }
    const rule = ENDPOINT_FAILURES[path];
    if (!rule || req.method !== 'POST') {
      res.writeHead(404).end();
      return;
    }
    req.resume();
    req.on('end', () => {
      const n = (counters.get(path) ?? 0) + 1;
      counters.set(path, n);
      // The first request of each round of `of` succeeds, so a new
      // endpoint starts healthy and then degrades.
      const fails = (n - 1) % rule.of >= rule.of - rule.fail;
      res.writeHead(fails ? rule.status : 204).end();
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(endpointPort, '127.0.0.1', () => {
      cleanups.push(() => new Promise(r => server.close(() => r())));
      resolve(server);
    });
  });
}

async function startKafka() {
  const kafka = new Kafka({
    clientId: 'interchange-demo-traffic',
    brokers,
    logLevel: process.env.DEMO_TRAFFIC_DEBUG ? logLevel.INFO : logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const partitions = new Map();
  for (const topic of Object.keys(PRODUCERS)) {
    if (!existing.has(topic)) {
      throw new Error(
        `topic ${topic} is missing; run node scripts/kafka/seed-demo.cjs first`,
      );
    }
    const [meta] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
    partitions.set(topic, meta.partitions.length);
  }
  await admin.disconnect();

  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  cleanups.push(() => producer.disconnect());
  // Round-robin over partitions, so every partition grows at the same pace.
  const next = new Map();
  let sequence = 0;
  const timer = setInterval(() => {
    for (const [topic, rate] of Object.entries(PRODUCERS)) {
      const count = partitions.get(topic);
      const messages = [];
      for (let i = 0; i < rate; i++) {
        const partition = (next.get(topic) ?? 0) % count;
        next.set(topic, partition + 1);
        sequence += 1;
        messages.push({
          partition,
          key: `demo-${sequence}`,
          value: JSON.stringify({
            eventId: `demo-${Date.now()}-${sequence}`,
            at: new Date().toISOString(),
          }),
        });
      }
      producer
        .send({ topic, messages })
        .catch(e => log(`producing to ${topic} failed: ${e.message}`));
    }
  }, 1000);
  cleanups.unshift(async () => clearInterval(timer));

  for (const { groupId, topic } of FAST_GROUPS) {
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic] });
    await consumer.run({ eachBatch: async () => {} });
    cleanups.unshift(() => consumer.disconnect());
  }

  const slow = kafka.consumer({
    groupId: SLOW_GROUP.groupId,
    allowAutoTopicCreation: false,
  });
  await slow.connect();
  await slow.subscribe({ topics: [SLOW_GROUP.topic] });
  await slow.run({
    eachBatchAutoResolve: false,
    eachBatch: async ({
      batch,
      resolveOffset,
      commitOffsetsIfNecessary,
      heartbeat,
    }) => {
      const [first] = batch.messages;
      if (first) {
        resolveOffset(first.offset);
        await commitOffsetsIfNecessary();
      }
      await heartbeat();
      await sleep(SLOW_GROUP.pauseMs);
    },
  });
  cleanups.unshift(() => slow.disconnect());
  log(
    `Kafka traffic on ${brokers.join(',')}: producing to ${Object.keys(
      PRODUCERS,
    ).join(', ')}; ` +
      `consumers keeping up: ${FAST_GROUPS.map(g => g.groupId).join(
        ', ',
      )}; slow: ${SLOW_GROUP.groupId}; stopped: ${STOPPED_GROUP}`,
  );
}

async function guestToken() {
  const res = await fetch(`${backend}/api/auth/guest/refresh`, {
    headers: { 'X-Requested-With': 'XMLHttpRequest' },
  });
  if (!res.ok) {
    throw new Error(`guest sign-in answered ${res.status}`);
  }
  const token = (await res.json()).backstageIdentity?.token;
  if (!token) {
    throw new Error('guest sign-in returned no token');
  }
  return token;
}

/** GET on the backend as the guest; undefined on 404. */
async function getJson(token, path) {
  const res = await fetch(`${backend}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (res.status === 404) {
    return undefined;
  }
  if (!res.ok) {
    throw new Error(`GET ${path} answered ${res.status}`);
  }
  return res.json();
}

/**
 * Only a webhook's owners may send it test events (the demo permission
 * policy, packages/backend/src/permissionPolicy.ts). The guest owns the demo
 * webhooks through its membership of team-platform (examples/org.yaml), which
 * the auth backend resolves from the catalog at sign-in: a sign-in before the
 * catalog has loaded the guest user carries only `user:default/guest`, and a
 * webhook not yet in the catalog has no owner, so the backend answers 403
 * (not 404: permission is checked before the entity is looked up). So each
 * round signs in again and sends only what the guest owns by then.
 */
let lastSkipped = '';
async function sendWebhookRound() {
  const token = await guestToken();
  const ownership =
    (await getJson(token, '/api/auth/v1/userinfo'))?.claims?.ent ?? [];
  let sent = 0;
  const skipped = [];
  for (const name of WEBHOOKS) {
    const entity = await getJson(
      token,
      `/api/catalog/entities/by-name/webhook/default/${name}`,
    );
    const owners = (entity?.relations ?? [])
      .filter(r => r.type === 'ownedBy')
      .map(r => r.targetRef);
    if (!entity || !owners.some(o => ownership.includes(o))) {
      skipped.push(
        entity
          ? `${name} (owned by ${owners.join(', ') || 'nobody yet'})`
          : `${name} (not in the catalog yet)`,
      );
      continue;
    }
    const res = await fetch(
      `${backend}/api/interchange/webhooks/default/${name}/test`,
      {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
        },
        body: '{}',
      },
    );
    if (res.ok) {
      const result = await res.json();
      sent += 1;
      if (
        result?.delivery?.outcome &&
        result.delivery.outcome !== 'delivered'
      ) {
        log(
          `test delivery of ${name}: ${result.delivery.outcome} (${
            result.delivery.statusCode ?? '-'
          })`,
        );
      }
    } else {
      log(
        `test delivery of ${name} answered ${res.status}: ${(
          await res.text()
        ).slice(0, 300)}`,
      );
    }
  }
  const summary = skipped.length
    ? `waiting for the catalog: the guest (${
        ownership.join(', ') || 'no ownership yet'
      }) cannot send yet to ${skipped.join('; ')}`
    : '';
  if (summary !== lastSkipped) {
    log(summary || `test deliveries of ${WEBHOOKS.join(', ')} running`);
    lastSkipped = summary;
  }
  return sent === WEBHOOKS.length;
}

async function webhookLoop() {
  let complete = false;
  while (!stopping) {
    try {
      complete = (await sendWebhookRound()) || complete;
    } catch (e) {
      // The backend is still starting, or restarting: try again shortly.
      complete = false;
    }
    // Until the catalog has the entities, retry every 10 s; then every minute.
    const wait = complete ? WEBHOOK_INTERVAL_MS : 10_000;
    for (let waited = 0; waited < wait && !stopping; waited += 1000) {
      await sleep(1000);
    }
  }
}

async function stop(reason, code = 0) {
  if (stopping) {
    return;
  }
  stopping = true;
  log(`stopping (${reason})`);
  const timeout = setTimeout(() => process.exit(code), 5000);
  timeout.unref();
  for (const cleanup of cleanups) {
    try {
      await cleanup();
    } catch {
      // shutting down anyway
    }
  }
  process.exit(code);
}

async function main() {
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  if (parentPid) {
    const watch = setInterval(() => {
      try {
        process.kill(parentPid, 0);
      } catch {
        stop(`parent process ${parentPid} exited`);
      }
    }, 2000);
    watch.unref();
  }
  await serveEndpoint();
  await startKafka();
  ready = true;
  log(
    `webhook endpoint on http://127.0.0.1:${endpointPort}; test deliveries via ${backend} every minute`,
  );
  await webhookLoop();
}

main().catch(e => {
  console.error(`[demo-traffic] failed: ${e.message}`);
  stop('error', 1);
});
