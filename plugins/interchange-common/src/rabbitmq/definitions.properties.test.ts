import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import {
  anyValue,
  checkProperty,
  mutatedText,
  mutatedValue,
} from '../__testUtils__/properties';
import {
  parseRabbitMQDefinitions,
  rabbitmqEntitiesFromTopology,
} from './definitions';

/**
 * Property-based tests of the RabbitMQ definitions reader: arbitrary text,
 * the real exports of __fixtures__ mutated as text and with one node
 * replaced give a topology (whose entities can be made) or an error naming
 * what is wrong, within the time limit of checkProperty.
 */
const dir = path.join(__dirname, '__fixtures__');
const texts = fs
  .readdirSync(dir)
  .filter(f => f.endsWith('.json'))
  .sort()
  .map(f => fs.readFileSync(path.join(dir, f), 'utf8'));

const NAMED =
  /'(queues|exchanges|bindings)'|position \d+|line \d+|column \d+|JSON|top level|document|definitions file/;
const CRASH =
  /is not a function|Cannot read propert|Cannot convert|undefined is not|null is not|is not iterable|Maximum call stack/;

function read(text: string): void {
  let topology;
  try {
    topology = parseRabbitMQDefinitions(text);
  } catch (e) {
    const message = (e as Error).message;
    expect(message).not.toMatch(CRASH);
    expect(message).toMatch(NAMED);
    return;
  }
  const entities = rabbitmqEntitiesFromTopology(topology, {
    broker: 'local',
    owner: 'group:default/team',
  });
  for (const e of [...entities.exchanges, ...entities.queues]) {
    expect(typeof e.metadata.name).toBe('string');
  }
}

describe('RabbitMQ definitions on hostile input (fast-check)', () => {
  it('arbitrary text and JSON', () => {
    checkProperty(
      'RabbitMQ definitions, arbitrary text',
      fc.oneof(fc.string({ maxLength: 300 }), fc.json({ maxDepth: 4 })),
      read,
      { numRuns: 200 },
    );
  });

  it('mutated real exports', () => {
    checkProperty(
      `RabbitMQ definitions, ${texts.length} real exports mutated`,
      mutatedText(texts),
      ({ text }) => read(text),
      { numRuns: 200 },
    );
  });

  it('real exports with one node replaced by any value', () => {
    checkProperty(
      `RabbitMQ definitions, ${texts.length} real exports with a node replaced`,
      fc.constantFrom(...texts.map(t => JSON.parse(t))).chain(mutatedValue),
      doc => read(JSON.stringify(doc) ?? 'null'),
      { numRuns: 300 },
    );
    expect(anyValue).toBeDefined();
  });
});
