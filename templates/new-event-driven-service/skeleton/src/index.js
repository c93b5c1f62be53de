{%- if values.bus == 'rabbitmq' %}
// ${{ values.name }}: {% if values.role == 'producer' %}publishes to{% else %}consumes from{% endif %} ${{ values.rabbitmqEntity }}.
const amqp = require('amqplib');

const url = process.env.RABBITMQ_URL ?? 'amqp://guest:guest@127.0.0.1:5673';
{%- if values.role == 'producer' %}
const exchange = process.env.RABBITMQ_EXCHANGE;
if (!exchange) {
  throw new Error('Set RABBITMQ_EXCHANGE to the name of the exchange on the broker');
}

async function main() {
  const connection = await amqp.connect(url);
  const channel = await connection.createConfirmChannel();
  channel.publish(exchange, process.env.RABBITMQ_ROUTING_KEY ?? '', Buffer.from(JSON.stringify({ hello: 'world' })), {
    contentType: 'application/json',
    persistent: true,
  });
  await channel.waitForConfirms();
  await connection.close();
}
{%- else %}
const queue = process.env.RABBITMQ_QUEUE;
if (!queue) {
  throw new Error('Set RABBITMQ_QUEUE to the name of the queue on the broker');
}

async function main() {
  const connection = await amqp.connect(url);
  const channel = await connection.createChannel();
  await channel.prefetch(10);
  await channel.consume(queue, message => {
    console.log(message.content.toString());
    channel.ack(message);
  });
}
{%- endif %}
{%- else %}
// ${{ values.name }}: {% if values.role == 'producer' %}produces to{% else %}consumes from{% endif %} ${{ values.topic }}.
const { {% if values.role == 'producer' %}Producer{% else %}Consumer{% endif %}, stringSerializers, stringDeserializers } = require('@platformatic/kafka');

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');
const topic = process.env.KAFKA_TOPIC;
if (!topic) {
  throw new Error('Set KAFKA_TOPIC to the name of the topic on the broker');
}
{% if values.role == 'producer' %}
async function main() {
  const producer = new Producer({
    clientId: '${{ values.name }}',
    bootstrapBrokers: brokers,
    serializers: stringSerializers,
  });
  await producer.send({
    messages: [{ topic, key: 'example', value: JSON.stringify({ hello: 'world' }) }],
  });
  await producer.close();
}
{% else %}
async function main() {
  const consumer = new Consumer({
    // The group named in catalog-info.yaml, so the portal can show its lag.
    groupId: '${{ values.name }}',
    clientId: '${{ values.name }}',
    bootstrapBrokers: brokers,
    deserializers: stringDeserializers,
  });
  const stream = await consumer.consume({ topics: [topic] });
  for await (const message of stream) {
    console.log(message.key, message.value);
    await message.commit();
  }
}
{% endif %}
{%- endif %}
main().catch(error => {
  console.error(error);
  process.exit(1);
});
