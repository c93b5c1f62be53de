import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { parseAllDocuments } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { interchangePlugin } from '../plugin';

jest.setTimeout(60_000);

const EXAMPLES = path.resolve(__dirname, '../../../../examples');

/** The demo company's catalog files, as the catalog serves them. */
function demoEntities(): Entity[] {
  return ['org.yaml', 'systems.yaml', 'components.yaml', 'apis.yaml'].flatMap(
    file =>
      parseAllDocuments(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'))
        .map(d => d.toJS() as Entity)
        .filter(e => e?.kind && e.metadata?.name),
  );
}

async function startMeshBackend(meshes: JsonObject[]) {
  return startTestBackend({
    features: [
      interchangePlugin,
      eventsServiceFactory,
      catalogServiceMock.factory({ entities: demoEntities() }),
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.rootConfig.factory({
        data: {
          interchange: {
            kafka: { lagSampling: { enabled: false } },
            meshes,
          },
        },
      }),
    ],
  });
}

const user = mockCredentials.user.header();

describe('GET /mesh/access on the demo mesh', () => {
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    const backend = await startMeshBackend([
      {
        id: 'shop-mesh',
        type: 'istio',
        files: [path.join(EXAMPLES, 'mesh', '*.yaml')],
      },
    ]);
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(() => stop());

  const get = (entityRef: string) =>
    request(server)
      .get('/api/interchange/mesh/access')
      .query({ entityRef })
      .set('Authorization', user);

  it('shows an undeclared caller the mesh allows, beside the declared ones', async () => {
    const res = await get('component:default/order-service');
    expect(res.status).toBe(200);
    expect(res.body.meshes).toEqual([
      {
        id: 'shop-mesh',
        type: 'istio',
        title: 'shop-mesh',
        windowSeconds: 7 * 86400,
        metrics: false,
      },
    ]);
    const callers = Object.fromEntries(
      res.body.callers.map((r: any) => [r.entityRef, r]),
    );
    expect(callers['component:default/inventory-service']).toMatchObject({
      declared: false,
      declaredVia: [],
      allowed: [{ mesh: 'shop-mesh', decision: 'allow', conditional: true }],
      differences: ['mesh/undeclared-call'],
    });
    expect(callers['component:default/checkout-service']).toMatchObject({
      declared: true,
      declaredVia: ['api:default/orders-api'],
      allowed: [{ decision: 'allow' }],
      differences: [],
    });
    // No metrics configured: the observed column is absent, not zero.
    expect(callers['component:default/checkout-service'].observed).toBe(
      undefined,
    );
    expect(res.body.findings.map((f: any) => f.rule)).toContain(
      'mesh/undeclared-call',
    );
  });

  it('shows a declared dependency the mesh denies', async () => {
    const res = await get('notification-service');
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/notification-service');
    expect(res.body.callees).toEqual([
      expect.objectContaining({
        entityRef: 'component:default/customer-service',
        declared: true,
        allowed: [
          expect.objectContaining({
            decision: 'deny',
            reason: expect.stringContaining(
              'customer-identity/customer-data-no-notifications (DENY)',
            ),
          }),
        ],
        differences: ['mesh/declared-but-denied'],
      }),
    ]);
  });

  it('answers errors with Backstage error bodies', async () => {
    const bad = await get('api:default/orders-api');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/must be a component/);
    const missing = await get('component:default/nope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      error: { name: 'NotFoundError' },
      response: { statusCode: 404 },
    });
  });

  it('stores the mesh findings from the scheduled checks', async () => {
    let items: any[] = [];
    for (let i = 0; i < 100 && !items.length; i++) {
      const res = await request(server)
        .get('/api/interchange/checks')
        .query({ rule: 'mesh/declared-but-denied' })
        .set('Authorization', user);
      items = res.body.items ?? [];
      if (!items.length) await new Promise(r => setTimeout(r, 200));
    }
    expect(items.map(f => f.entityRef)).toEqual([
      'component:default/notification-service',
    ]);
  });
});
