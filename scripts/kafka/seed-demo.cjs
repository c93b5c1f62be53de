#!/usr/bin/env node
/*
 * Puts the demo company's Kafka topics on the local broker, so the portal's
 * live-state cards have something real to show: every KafkaTopic in
 * examples/integrations/kafka-topics.yaml is created as declared (one on
 * purpose with a different retention, to show drift), filled with messages
 * (one on purpose last written 75 days ago, to show an idle topic),
 * and each declared consumer group gets committed offsets some way behind.
 * Idempotent: existing topics and groups are left as they are.
 *
 *   node scripts/kafka/seed-demo.cjs [bootstrap]   (default 127.0.0.1:19092)
 */
const fs = require('node:fs');
const path = require('node:path');
const { Kafka, logLevel } = require('kafkajs');
const { parseAllDocuments } = require('yaml');

const brokers = [process.argv[2] ?? '127.0.0.1:19092'];
const root = path.resolve(__dirname, '../..');
const docs = parseAllDocuments(
  fs.readFileSync(path.join(root, 'examples/integrations/kafka-topics.yaml'), 'utf8'),
).map(d => d.toJS());
const components = parseAllDocuments(fs.readFileSync(path.join(root, 'examples/components.yaml'), 'utf8')).map(d =>
  d.toJS(),
);

// Drift on purpose: the broker keeps this topic's messages for 3 days, the
// entity says 14.
const DRIFT = { 'orders.order-events.v1': { 'retention.ms': '259200000' } };
// Idle on purpose (overengineering/idle-integration): the legacy ERP export
// last wrote 75 days ago. Its records carry that time and are kept (an
// undeclared setting, so no drift), so the broker can tell how long it is.
const IDLE = { 'legacy.erp-sync': { ageDays: 75 } };

async function main() {
  const kafka = new Kafka({ clientId: 'interchange-demo-seed', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const existing = new Set(await admin.listTopics());
  const topics = docs.filter(d => d?.kind === 'KafkaTopic' && d.spec?.cluster === 'local');
  // Plus topics nobody declared, which the catalog's topic provider discovers.
  const undeclared = ['payments.chargebacks.v1', 'tmp.migration-2025-backfill'].filter(t => !existing.has(t));
  if (undeclared.length) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: undeclared.map(topic => ({ topic, numPartitions: 3, replicationFactor: 1 })),
    });
  }
  const toCreate = topics.filter(t => !existing.has(t.spec.topicName ?? t.metadata.name));
  if (toCreate.length) {
    await admin.createTopics({
      waitForLeaders: true,
      topics: toCreate.map(t => ({
        topic: t.spec.topicName ?? t.metadata.name,
        numPartitions: t.spec.partitions ?? 1,
        replicationFactor: t.spec.replicationFactor ?? 1,
        configEntries: Object.entries({
          ...Object.fromEntries(Object.entries(t.spec.config ?? {}).map(([k, v]) => [k, String(v)])),
          ...(DRIFT[t.metadata.name] ?? {}),
          ...(IDLE[t.metadata.name] ? { 'retention.ms': '-1' } : {}),
        }).map(([name, value]) => ({ name, value })),
      })),
    });
    const producer = kafka.producer();
    await producer.connect();
    for (const t of toCreate) {
      const topic = t.spec.topicName ?? t.metadata.name;
      const partitions = t.spec.partitions ?? 1;
      const messages = [];
      const idle = IDLE[t.metadata.name];
      const timestamp = idle ? String(Date.now() - idle.ageDays * 24 * 3600 * 1000) : undefined;
      for (let p = 0; p < partitions; p++) {
        const count = 20 + ((p * 37 + topic.length * 11) % 60);
        for (let i = 0; i < count; i++) {
          messages.push({ partition: p, key: `${p}-${i}`, value: JSON.stringify({ eventId: `${topic}-${p}-${i}` }), timestamp });
        }
      }
      await producer.send({ topic, messages });
    }
    await producer.disconnect();
  }

  // Consumer groups: declared on topics, plus component annotations.
  const groups = new Map();
  for (const t of topics) {
    for (const c of t.spec.consumers ?? []) {
      if (typeof c === 'object' && c.consumerGroup) {
        groups.set(c.consumerGroup, t.spec.topicName ?? t.metadata.name);
      }
    }
  }
  const consumes = new Map(
    components
      .filter(c => c?.kind === 'Component')
      .map(c => [c.metadata.name, (c.spec.consumesFrom ?? []).map(r => r.replace(/^kafkatopic:/, ''))]),
  );
  for (const c of components.filter(x => x?.kind === 'Component')) {
    const annotation =
      c.metadata.annotations?.['interchange.dev/kafka-consumer-groups'] ??
      c.metadata.annotations?.['kafka.apache.org/consumer-groups'];
    for (const entry of (annotation ?? '').split(',').filter(Boolean)) {
      const group = entry.split('/')[1];
      if (!groups.has(group) && consumes.get(c.metadata.name)?.length) {
        groups.set(group, consumes.get(c.metadata.name)[0]);
      }
    }
  }
  const existingGroups = new Set((await admin.listGroups()).groups.map(g => g.groupId));
  let n = 0;
  for (const [group, topic] of groups) {
    if (existingGroups.has(group)) {
      continue;
    }
    const offsets = await admin.fetchTopicOffsets(topic);
    // Vary the lag: some groups caught up, some a little behind, one far behind.
    const behind = [0, 3, 12, 40][n++ % 4];
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: offsets.map(o => ({ partition: o.partition, offset: String(Math.max(0, Number(o.high) - behind)) })),
    });
  }
  await admin.disconnect();
  console.log(`demo Kafka data ready: ${topics.length} topics (${toCreate.length} created), ${groups.size} consumer groups`);
}

main().catch(e => {
  console.error(`seeding the demo Kafka data failed: ${e.message}`);
  process.exit(1);
});
