import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { interchangePlugin } from '../plugin';
import { demoEntities } from '../__testUtils__/demoCatalog';

jest.setTimeout(60_000);

async function startBackend(interchange: Record<string, unknown>) {
  return startTestBackend({
    features: [
      interchangePlugin,
      eventsServiceFactory,
      catalogServiceMock.factory({ entities: demoEntities() }),
      // Runs the tasks once at start-up, the checks included (they have an initial delay).
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.rootConfig.factory({
        data: {
          interchange: {
            kafka: { lagSampling: { enabled: false } },
            ...interchange,
          },
        },
      }),
    ],
  });
}

describe('scheduled integration checks, /checks and /impact', () => {
  let server: any;
  let stop: () => Promise<void>;
  const user = mockCredentials.user.header();

  beforeAll(async () => {
    const backend = await startBackend({
      checks: { 'hygiene/topic-without-schema': { enabled: false } },
    });
    server = backend.server;
    stop = () => backend.stop();
    // Wait for the task's first result.
    for (let i = 0; i < 100; i++) {
      const res = await request(server)
        .get('/api/interchange/checks')
        .set('Authorization', user);
      if (res.body.computedAt) {
        return;
      }
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error('the checks task did not run');
  });

  afterAll(() => stop());

  /** GET with the query encoded, as the generated client sends it. */
  const get = (p: string, query: Record<string, string> = {}) =>
    request(server)
      .get(`/api/interchange${p}`)
      .query(query)
      .set('Authorization', user);

  it('stores the demo anti-patterns with first sightings; exceptions hide, expired ones do not', async () => {
    const res = await get('/checks');
    expect(res.status).toBe(200);
    const items: any[] = res.body.items;
    const found = items.map(f => `${f.rule} ${f.entityRef}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'coupling/sync-cycle system:default/fulfillment',
        'coupling/shared-topic-writers kafkatopic:default/payments.refund-requests.v1',
        'coupling/chatty-systems system:default/fulfillment',
        'overengineering/self-topic kafkatopic:default/storefront.price-recalculations.v1',
        'hygiene/unsigned-webhook webhook:default/marketplace-stock-feed',
        'hygiene/public-route-without-auth gatewayroute:default/payment-provider-callbacks',
        'hygiene/orphan-topic kafkatopic:default/orders.order-events.v1.dlq',
        'hygiene/writerless-topic kafkatopic:default/legacy.erp-sync',
      ]),
    );
    // Excused with a reason: not listed, counted.
    expect(found).not.toContain(
      'hygiene/public-route-without-auth gatewayroute:default/public-oauth-token',
    );
    expect(found).not.toContain(
      'hygiene/unsigned-webhook webhook:default/inventory-low-stock-chat',
    );
    expect(res.body.excused).toBe(2);
    // The expired exception no longer hides its finding.
    const callbacks = items.find(
      f => f.entityRef === 'gatewayroute:default/payment-provider-callbacks',
    );
    expect(callbacks.details.expiredException).toMatchObject({
      rule: 'hygiene/public-route-without-auth',
    });
    // Disabled in config, and the live rules say why they did not run.
    expect(found.some(f => f.startsWith('hygiene/topic-without-schema'))).toBe(
      false,
    );
    const skipped = Object.fromEntries(
      res.body.skippedRules.map((s: any) => [s.rule, s.reason]),
    );
    expect(skipped['hygiene/topic-without-schema']).toBe(
      'disabled in interchange.checks',
    );
    // No Kafka cluster configured: the topics cannot be judged, and the
    // rule says so; the webhooks have no delivery yet but have only just
    // been watched, so none is idle.
    expect(skipped['drift/kafka-topic']).toBe(
      'needs live data (the brokers): topics of cluster(s) local not judged: not configured under interchange.kafka.clusters',
    );
    expect(skipped['overengineering/idle-integration']).toBeUndefined();
    expect(found.some(f => f.startsWith('overengineering/idle'))).toBe(false);
    // Errors first, each with when it was first seen.
    expect(items[0].severity).toBe('error');
    for (const f of items) {
      expect(Date.parse(f.firstSeen)).toBeLessThanOrEqual(
        Date.parse(res.body.computedAt),
      );
      expect(f.lastSeen).toBe(res.body.computedAt);
    }
  });

  it('filters by entity, rule, severity, owner and system', async () => {
    const byEntity = await get('/checks', {
      entityRef: 'component:default/cart-service',
    });
    expect(byEntity.body.items.map((f: any) => f.rule)).toEqual([
      'overengineering/self-topic',
    ]);
    // Kind is case-insensitive and the namespace defaults.
    const sameEntity = await get('/checks', {
      entityRef: 'Component:cart-service',
    });
    expect(sameEntity.body.items).toEqual(byEntity.body.items);

    const errors = await get('/checks', { severity: 'error' });
    expect(errors.body.items.length).toBeGreaterThan(0);
    expect(errors.body.items.every((f: any) => f.severity === 'error')).toBe(
      true,
    );

    const orphans = await get('/checks', { rule: 'hygiene/orphan-topic' });
    expect(orphans.body.items.map((f: any) => f.entityRef).sort()).toEqual([
      'kafkatopic:default/legacy.erp-sync',
      'kafkatopic:default/orders.order-events.v1.dlq',
    ]);

    const all = (await get('/checks')).body.items as any[];
    const someOwner = all.find(f => f.owners.length > 0).owners[0];
    const bareOwner = someOwner.split('/')[1];
    const owned = await get('/checks', { owner: bareOwner });
    expect(owned.body.items.length).toBeGreaterThan(0);
    expect(
      owned.body.items.every((f: any) => f.owners.includes(someOwner)),
    ).toBe(true);

    const storefront = await get('/checks', { system: 'storefront' });
    expect(storefront.body.items.length).toBeGreaterThan(0);
    expect(
      storefront.body.items.every((f: any) =>
        f.systems.includes('system:default/storefront'),
      ),
    ).toBe(true);
  });

  it('refuses bad filters and missing credentials', async () => {
    // No kind: a bare name is only a ref for owner and system.
    const bad = await get('/checks', { entityRef: 'cart-service' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      error: { name: 'InputError' },
      response: { statusCode: 400 },
    });
    expect(bad.body.error.message).toMatch(/entityRef/);
    const severity = await get('/checks', { severity: 'fatal' });
    expect(severity.status).toBe(400);
    expect(severity.body.error.message).toMatch(/severity/);
    const anonymous = await request(server)
      .get('/api/interchange/checks')
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.response).toEqual({ statusCode: 401 });
  });

  it('answers impact downstream and upstream with paths', async () => {
    const down = await get('/impact', {
      entityRef: 'kafkatopic:default/storefront.price-recalculations.v1',
      direction: 'downstream',
      depth: '1',
    });
    expect(down.status).toBe(200);
    expect(down.body).toEqual({
      entityRef: 'kafkatopic:default/storefront.price-recalculations.v1',
      direction: 'downstream',
      depth: 1,
      reached: [
        {
          entityRef: 'component:default/cart-service',
          distance: 1,
          path: [
            'kafkatopic:default/storefront.price-recalculations.v1',
            'component:default/cart-service',
          ],
        },
      ],
    });
    const up = await get('/impact', {
      entityRef: 'component:default/cart-service',
      direction: 'upstream',
    });
    expect(up.status).toBe(200);
    expect(up.body.depth).toBe(2);
    expect(up.body.reached.map((r: any) => r.entityRef)).toContain(
      'kafkatopic:default/storefront.price-recalculations.v1',
    );
    // direction defaults to downstream.
    const byDefault = await get('/impact', {
      entityRef: 'component:default/cart-service',
    });
    expect(byDefault.body.direction).toBe('downstream');
  });

  it('refuses bad impact parameters naming them, and unknown entities with 404', async () => {
    for (const [query, param] of [
      [
        'direction=sideways&entityRef=component:default/cart-service',
        'direction',
      ],
      ['depth=0&entityRef=component:default/cart-service', 'depth'],
      ['depth=21&entityRef=component:default/cart-service', 'depth'],
      ['depth=two&entityRef=component:default/cart-service', 'depth'],
      ['entityRef=cart-service', 'entityRef'],
      ['direction=upstream', 'entityRef'],
    ]) {
      const res = await get(
        '/impact',
        Object.fromEntries(query.split('&').map(kv => kv.split('='))),
      );
      expect({ query, status: res.status }).toEqual({ query, status: 400 });
      expect(res.body.error.message).toContain(param);
      expect(res.body.response).toEqual({ statusCode: 400 });
    }
    const noToken = await request(server)
      .get('/api/interchange/impact')
      .query({ entityRef: 'component:default/cart-service' })
      .set('Authorization', mockCredentials.none.header());
    expect(noToken.status).toBe(401);
    const missing = await get('/impact', {
      entityRef: 'component:default/nobody',
    });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      error: {
        name: 'NotFoundError',
        message: 'component:default/nobody is not in the catalog',
      },
      response: { statusCode: 404 },
    });
  });
});

describe('interchange.checks at start-up', () => {
  it('fails on an unknown rule id, naming the key', async () => {
    await expect(
      startBackend({ checks: { 'coupling/hubs': { threshold: 3 } } }),
    ).rejects.toThrow(/interchange\.checks\.coupling\/hubs: unknown rule id/);
  });

  it('fails on a setting a rule does not take', async () => {
    await expect(
      startBackend({ checks: { 'hygiene/orphan-topic': { threshold: 3 } } }),
    ).rejects.toThrow(/interchange\.checks\.hygiene\/orphan-topic\.threshold/);
  });
});
