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
main().catch(error => {
  console.error(error);
  process.exit(1);
});
