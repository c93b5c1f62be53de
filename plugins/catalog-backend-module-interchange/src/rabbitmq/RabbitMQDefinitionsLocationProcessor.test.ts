import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { Entity } from '@backstage/catalog-model';
import {
  RABBITMQ_DEFINITIONS_LOCATION_TYPE,
  RabbitMQDefinitionsLocationProcessor,
} from './RabbitMQDefinitionsLocationProcessor';
import { billingDefinitions } from '../__testUtils__/billingDefinitions';

const fixtures = path.resolve(
  __dirname,
  '../../../interchange-common/src/rabbitmq/__fixtures__',
);

function processor() {
  return new RabbitMQDefinitionsLocationProcessor({
    reader: mockServices.urlReader.mock(),
    integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    brokers: ['local', 'prod'],
    defaultOwner: 'group:team-platform',
    logger: mockServices.logger.mock(),
  });
}

const location = (
  target: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Location',
  metadata: { name: 'billing-rabbitmq', namespace: 'default', annotations },
  spec: { type: RABBITMQ_DEFINITIONS_LOCATION_TYPE, target },
});

async function run(entity: Entity, dir = fixtures) {
  const results: CatalogProcessorResult[] = [];
  await processor().postProcessEntity(
    entity,
    { type: 'file', target: path.join(dir, 'catalog-info.yaml') },
    r => results.push(r),
  );
  return results;
}

describe('RabbitMQDefinitionsLocationProcessor', () => {
  it('claims its location type', async () => {
    await expect(
      processor().readLocation({
        type: RABBITMQ_DEFINITIONS_LOCATION_TYPE,
        target: 'x',
      }),
    ).resolves.toBe(true);
  });

  it('emits exchanges and queues of a real vhost export, pointing at the file', async () => {
    const results = await run(
      location('./management-api-vhost-billing.json', {
        'interchange.dev/rabbitmq-broker': 'prod',
        'interchange.dev/rabbitmq-vhost': 'billing',
        'interchange.dev/rabbitmq-owner': 'group:team-billing',
      }),
    );
    const entities = results.flatMap(r =>
      r.type === 'entity' ? [r.entity] : [],
    );
    expect(results.filter(r => r.type !== 'entity')).toEqual([]);
    expect(entities.map(e => `${e.kind}:${e.metadata.name}`).sort()).toEqual(
      billingDefinitions.entities,
    );
    const pdf = entities.find(e => e.metadata.name === 'billing.invoices.pdf')!;
    expect(pdf.spec).toMatchObject({
      owner: 'group:team-billing',
      broker: 'prod',
      vhost: 'billing',
    });
    const file = path.join(fixtures, 'management-api-vhost-billing.json');
    expect(pdf.metadata.annotations).toEqual({
      'backstage.io/managed-by-location': `file:${file}`,
      'backstage.io/managed-by-origin-location': `file:${file}`,
    });
  });

  it('names the annotation to set when the broker is missing or unknown', async () => {
    const [missing] = await run(
      location('./management-api-vhost-billing.json', {}),
    );
    expect(missing).toMatchObject({ type: 'error' });
    expect((missing as any).error.message).toContain(
      "set the annotation interchange.dev/rabbitmq-broker to one of 'local', 'prod'",
    );
    const [unknown] = await run(
      location('./management-api-vhost-billing.json', {
        'interchange.dev/rabbitmq-broker': 'staging',
      }),
    );
    expect((unknown as any).error.message).toContain(
      "'staging' is not a configured RabbitMQ broker",
    );
  });

  it('reports a file that is not a definitions file on the Location', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmq-defs-'));
    fs.writeFileSync(path.join(dir, 'kong.json'), '{"services": []}');
    const results = await run(
      location('./kong.json', { 'interchange.dev/rabbitmq-broker': 'local' }),
      dir,
    );
    expect(results).toHaveLength(1);
    expect((results[0] as any).error.message).toBe(
      `${path.join(
        dir,
        'kong.json',
      )}: not a RabbitMQ definitions file: it has none of 'queues', 'exchanges' or 'bindings'`,
    );
  });
});
