#!/usr/bin/env node
/*
 * Puts the demo company's RabbitMQ exchanges and queues on the local broker,
 * so the portal's live-state cards have something real to show: every
 * RabbitMQExchange and RabbitMQQueue of examples/integrations/rabbitmq.yaml
 * on broker 'local' is declared as written (one queue on purpose with another
 * TTL, to show drift), bound, and given some messages. Uses the management
 * HTTP API only (no AMQP client). Idempotent: declaring again changes nothing,
 * and messages are only published to empty queues.
 *
 *   node scripts/rabbitmq/seed-demo.cjs [managementUrl]   (default http://127.0.0.1:15673)
 */
const fs = require('node:fs');
const path = require('node:path');
const { parseAllDocuments } = require('yaml');

const base = (process.argv[2] ?? 'http://127.0.0.1:15673').replace(/\/+$/, '');
const auth = `Basic ${Buffer.from('guest:guest').toString('base64')}`;
const root = path.resolve(__dirname, '../..');
const docs = parseAllDocuments(
  fs.readFileSync(path.join(root, 'examples/integrations/rabbitmq.yaml'), 'utf8'),
).map(d => d.toJS());

// Drift on purpose: the broker's queue keeps SMS for 30 s, the entity says 60 s.
const DRIFT = { 'notifications.sms': { 'x-message-ttl': 30000 } };
// How many messages each queue gets, by routing key on its first binding.
const MESSAGES = { 'notifications.email': 12, 'notifications.sms': 3, 'shipping.labels': 40 };

const enc = encodeURIComponent;
async function api(method, url, body) {
  const res = await fetch(`${base}/api${url}`, {
    method,
    headers: { authorization: auth, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  }
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
}

const refName = ref => ref.replace(/^[^:]*:/, '').replace(/^[^/]*\//, '');

async function main() {
  const exchanges = docs.filter(d => d?.kind === 'RabbitMQExchange' && d.spec?.broker === 'local');
  const queues = docs.filter(d => d?.kind === 'RabbitMQQueue' && d.spec?.broker === 'local');
  for (const e of exchanges) {
    const vhost = e.spec.vhost ?? '/';
    await api('PUT', `/exchanges/${enc(vhost)}/${enc(e.spec.exchangeName ?? e.metadata.name)}`, {
      type: e.spec.exchangeType,
      durable: e.spec.durable ?? true,
      auto_delete: false,
      internal: false,
      arguments: {},
    });
  }
  for (const q of queues) {
    const vhost = q.spec.vhost ?? '/';
    const name = q.spec.queueName ?? q.metadata.name;
    const args = { ...(q.spec.arguments ?? {}), ...(DRIFT[name] ?? {}) };
    if (q.spec.queueType) args['x-queue-type'] = q.spec.queueType;
    if (q.spec.deadLetterExchange) args['x-dead-letter-exchange'] = refName(q.spec.deadLetterExchange);
    await api('PUT', `/queues/${enc(vhost)}/${enc(name)}`, {
      durable: q.spec.durable ?? true,
      auto_delete: false,
      arguments: args,
    });
    for (const b of q.spec.bindings ?? []) {
      await api('POST', `/bindings/${enc(vhost)}/e/${enc(refName(b.exchange))}/q/${enc(name)}`, {
        routing_key: b.routingKey ?? '',
        arguments: {},
      });
    }
    const count = MESSAGES[name] ?? 0;
    const binding = (q.spec.bindings ?? [])[0];
    if (!count || !binding) continue;
    const current = await api('GET', `/queues/${enc(vhost)}/${enc(name)}?columns=messages`);
    if (current.messages) continue;
    const routingKey = (binding.routingKey ?? '').replace(/#$/, 'demo');
    for (let i = 0; i < count; i++) {
      await api('POST', `/exchanges/${enc(vhost)}/${enc(refName(binding.exchange))}/publish`, {
        properties: { content_type: 'application/json', delivery_mode: 2 },
        routing_key: routingKey,
        payload: JSON.stringify({ demo: true, queue: name, n: i + 1 }),
        payload_encoding: 'string',
      });
    }
  }
  console.error(`[rabbitmq] seeded ${exchanges.length} exchanges and ${queues.length} queues on ${base}`);
}

main().catch(err => {
  console.error(`[rabbitmq] seeding the demo failed: ${err.message}`);
  process.exit(1);
});
