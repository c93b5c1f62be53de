import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
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
import { EXAMPLES, exampleEntities } from '../__testUtils__/demoCatalog';

/** The demo company's organisation, systems, components and APIs. */
const demoEntities = () =>
  exampleEntities('org.yaml', 'systems.yaml', 'components.yaml', 'apis.yaml');
import {
  describePrometheus,
  eventually,
  exposition,
  istioSeries,
  linkerdSeries,
  prometheusUrl,
  ScrapedEndpoint,
  serveMetrics,
  uniqueNamespace,
} from '../__testUtils__/testPrometheus';
import { readObservedCalls } from './PrometheusMeshMetrics';

jest.setTimeout(60_000);

async function startMeshBackend(
  meshes: JsonObject[],
  entities: Entity[] = demoEntities(),
) {
  return startTestBackend({
    features: [
      interchangePlugin,
      eventsServiceFactory,
      catalogServiceMock.factory({ entities }),
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

describePrometheus(
  'GET /mesh/access with observed calls from a real Prometheus',
  () => {
    const url = prometheusUrl!;
    // Own namespace and workloads: other runs on the same Prometheus have theirs.
    const ns = uniqueNamespace('access');
    let endpoint: ScrapedEndpoint;
    let dir: string;
    let server: any;
    let stop = async () => {};

    /** A component that runs as `name` in our namespace, in both meshes. */
    const component = (name: string, spec: JsonObject = {}): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        annotations: {
          'interchange.dev/mesh-identity': `istio:${ns}/${name}, linkerd:${ns}/${name}`,
        },
      },
      spec: {
        type: 'service',
        lifecycle: 'production',
        owner: 'team-a',
        ...spec,
      },
    });

    beforeAll(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mesh-observed-'));
      // orders lets web (declared) and reports (undeclared, never calls) in.
      fs.writeFileSync(
        path.join(dir, 'orders-callers.yaml'),
        `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: orders-callers
  namespace: ${ns}
spec:
  selector:
    matchLabels:
      app: orders
  action: ALLOW
  rules:
    - from:
        - source:
            principals:
              - cluster.local/ns/${ns}/sa/web
              - cluster.local/ns/${ns}/sa/reports
`,
      );
      // Istio sees web -> orders and payments -> orders (refused: 403);
      // Linkerd sees web -> payments.
      const istio = [
        istioSeries(ns, 'web', 'orders', 6),
        istioSeries(ns, 'payments', 'orders', 3, { responseCode: '403' }),
      ];
      const linkerd = [linkerdSeries(ns, 'web', 'payments', 4)];
      endpoint = await serveMetrics(
        url,
        n =>
          exposition('istio_requests_total', istio, n) +
          exposition('response_total', linkerd, n),
      );
      // The backend reads the meshes once a minute: start it once Prometheus
      // has two scrapes of every series (increase() needs two samples).
      const window = {
        windowSeconds: 600,
        requestTimeoutMs: 5000,
        prometheusUrl: url,
      };
      await eventually('both meshes have observed calls', async () => {
        const [i, l] = await Promise.all([
          readObservedCalls({ id: 'i', type: 'istio', ...window }),
          readObservedCalls({ id: 'l', type: 'linkerd', ...window }),
        ]);
        const ours = [...i, ...l].filter(c => c.destinationNamespace === ns);
        return ours.length === 3 && ours.every(c => c.requests > 0)
          ? true
          : undefined;
      });
      const backend = await startMeshBackend(
        [
          {
            id: 'istio-mesh',
            type: 'istio',
            files: [path.join(dir, '*.yaml')],
            prometheusUrl: url,
            window: '10m',
          },
          {
            id: 'linkerd-mesh',
            type: 'linkerd',
            prometheusUrl: url,
            window: '10m',
          },
        ],
        [
          component('web', { dependsOn: ['component:orders'] }),
          component('orders'),
          component('payments'),
          component('reports'),
        ],
      );
      server = backend.server;
      stop = () => backend.stop();
    });

    afterAll(async () => {
      await stop();
      await endpoint?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    const get = (entityRef: string) =>
      request(server)
        .get('/api/interchange/mesh/access')
        .query({ entityRef })
        .set('Authorization', user);

    const rows = (list: any[]) =>
      Object.fromEntries(list.map(r => [r.entityRef.split('/')[1], r]));

    it('shows observed calls beside declared and allowed ones, per mesh', async () => {
      const res = await get('orders');
      expect(res.status).toBe(200);
      expect(res.body.meshes).toEqual([
        expect.objectContaining({
          id: 'istio-mesh',
          windowSeconds: 600,
          metrics: true,
        }),
        expect.objectContaining({
          id: 'linkerd-mesh',
          windowSeconds: 600,
          metrics: true,
        }),
      ]);
      expect(res.body.meshes[0].error).toBeUndefined();
      const callers = rows(res.body.callers);
      expect(Object.keys(callers).sort()).toEqual([
        'payments',
        'reports',
        'web',
      ]);
      // Declared, allowed and used: no difference.
      expect(callers.web).toMatchObject({
        declared: true,
        declaredVia: ['dependsOn'],
        allowed: [{ mesh: 'istio-mesh', decision: 'allow' }],
        observed: [
          {
            mesh: 'istio-mesh',
            requests: expect.any(Number),
            windowSeconds: 600,
          },
          { mesh: 'linkerd-mesh', requests: 0, windowSeconds: 600 },
        ],
        differences: [],
      });
      expect(callers.web.observed[0].requests).toBeGreaterThan(0);
      // Seen in traffic only (the mesh refuses it): undeclared.
      expect(callers.payments).toMatchObject({
        declared: false,
        allowed: [{ mesh: 'istio-mesh', decision: 'deny' }],
        differences: ['mesh/undeclared-call'],
      });
      expect(callers.payments.observed[0].requests).toBeGreaterThan(0);
      // Allowed, never used in the window, and undeclared.
      expect(callers.reports).toMatchObject({
        declared: false,
        allowed: [{ mesh: 'istio-mesh', decision: 'allow' }],
        observed: [
          { mesh: 'istio-mesh', requests: 0 },
          { mesh: 'linkerd-mesh', requests: 0 },
        ],
      });
      expect(callers.reports.differences.sort()).toEqual([
        'mesh/undeclared-call',
        'mesh/unused-allow',
      ]);
      const messages = res.body.findings.map(
        (f: any) => `${f.rule}: ${f.message}`,
      );
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(
            /^mesh\/undeclared-call: component:default\/payments calls component:default\/orders, not declared in the catalog: \d+ requests observed$/,
          ),
          'mesh/unused-allow: mesh istio-mesh allows component:default/reports to call component:default/orders (AuthorizationPolicy ' +
            `${ns}/orders-callers), but no request was observed in the last 10 min`,
        ]),
      );
    });

    it('shows a call only Linkerd observed, with no policy about it', async () => {
      const res = await get('web');
      expect(res.status).toBe(200);
      const callees = rows(res.body.callees);
      expect(callees.payments).toMatchObject({
        declared: false,
        allowed: [],
        observed: [
          { mesh: 'istio-mesh', requests: 0 },
          { mesh: 'linkerd-mesh', requests: expect.any(Number) },
        ],
        differences: ['mesh/undeclared-call'],
      });
      expect(callees.payments.observed[1].requests).toBeGreaterThan(0);
      expect(callees.orders.differences).toEqual([]);
    });

    it('stores the findings from observed data with the scheduled checks', async () => {
      const stored = await eventually(
        'mesh/unused-allow in GET /checks',
        async () => {
          const res = await request(server)
            .get('/api/interchange/checks')
            .query({ rule: 'mesh/unused-allow' })
            .set('Authorization', user);
          return res.body.items?.length ? res.body.items : undefined;
        },
      );
      expect(stored.map((f: any) => f.entityRef)).toEqual([
        'component:default/orders',
      ]);
    });
  },
);

describe('GET /mesh/access when Prometheus cannot be read', () => {
  let server: any;
  let stop = async () => {};
  let prometheus: string;

  beforeAll(async () => {
    // A port nothing listens on: taken, then given back.
    const probe = http.createServer();
    await new Promise<void>(r => probe.listen(0, '127.0.0.1', r));
    prometheus = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise(r => probe.close(r));
    const backend = await startMeshBackend([
      {
        id: 'shop-mesh',
        type: 'istio',
        files: [path.join(EXAMPLES, 'mesh', '*.yaml')],
        prometheusUrl: prometheus,
        requestTimeoutMs: 2000,
      },
    ]);
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(() => stop());

  it('names the mesh and Prometheus, keeps the policy, and claims nothing about traffic', async () => {
    const res = await request(server)
      .get('/api/interchange/mesh/access')
      .query({ entityRef: 'order-service' })
      .set('Authorization', user);
    expect(res.status).toBe(200);
    expect(res.body.meshes).toEqual([
      expect.objectContaining({
        id: 'shop-mesh',
        metrics: true,
        error: expect.stringContaining(
          `mesh shop-mesh: Prometheus ${prometheus}`,
        ),
      }),
    ]);
    const callers = Object.fromEntries(
      res.body.callers.map((r: any) => [r.entityRef, r]),
    );
    // The policy still decides; the observed column is absent, not zero.
    expect(callers['component:default/inventory-service']).toMatchObject({
      allowed: [{ decision: 'allow' }],
      differences: ['mesh/undeclared-call'],
    });
    expect(res.body.callers.every((r: any) => r.observed === undefined)).toBe(
      true,
    );
    expect(res.body.findings.map((f: any) => f.rule)).not.toContain(
      'mesh/unused-allow',
    );
  });
});
