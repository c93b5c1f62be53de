import fs from 'node:fs';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { defaultCatalogEntityModel } from '@backstage/catalog-model/alpha';
import { provideStaticCatalogModel } from '@backstage/plugin-catalog-node/alpha';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleUnprocessedEntities from '@backstage/plugin-catalog-backend-module-unprocessed';
import { interchangeCatalogModelLayer } from '@interchange/plugin-interchange-common/alpha';
import { catalogModuleInterchange } from '../module';
import {
  demoCompanyLocations,
  GATEWAY_TEST_RULES,
  getEntity,
  relations,
  waitFor,
  waitForRelation,
} from '../__testUtils__/catalogQueries';

jest.setTimeout(120_000);

const fixtures = path.join(__dirname, '__fixtures__');
const examples = path.resolve(__dirname, '../../../../examples');

/** A real HTTP server on 127.0.0.1 standing in for a Git host's raw files. */
async function startRepoServer() {
  const requests: string[] = [];
  const failing = new Set<string>();
  const server = http.createServer((req, res) => {
    requests.push(req.url ?? '');
    if (failing.has(req.url ?? '')) {
      res.writeHead(500).end('internal error');
      return;
    }
    const file = path.join(fixtures, path.normalize(req.url ?? '/'));
    if (!file.startsWith(fixtures) || !fs.existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(fs.readFileSync(file));
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    host: `127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}`,
    requests,
    failing,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}

/**
 * Processing errors of the Location matching `match`. An entity that failed
 * its first processing is not served by the entities API, so this also reads
 * the unprocessed-entities module's view; one that was processed before
 * carries later errors in its status.
 */
async function processingErrors(
  server: any,
  match: (e: Entity) => boolean,
): Promise<string[]> {
  const messages: string[] = [];
  const stitched = await request(server).get(
    '/api/catalog/entities?filter=kind=location',
  );
  for (const e of stitched.body as Entity[]) {
    if (match(e)) {
      for (const item of (e as any).status?.items ?? []) {
        if (item.level === 'error') messages.push(String(item.error?.message));
      }
    }
  }
  for (const reason of ['pending', 'failed']) {
    const res = await request(server).get(
      `/api/catalog/entities/unprocessed/${reason}`,
    );
    for (const e of res.body.entities ?? []) {
      if (match(e.unprocessed_entity)) {
        // The module passes the stored errors through as it finds them.
        const errors =
          typeof e.errors === 'string' && e.errors
            ? JSON.parse(e.errors)
            : e.errors;
        messages.push(
          ...(Array.isArray(errors) ? errors : []).map(
            (err: { message: string }) => err.message,
          ),
        );
      }
    }
  }
  return messages;
}

async function errorsWhere(server: any, match: (e: Entity) => boolean) {
  return waitFor(async () => {
    const errors = await processingErrors(server, match);
    return errors.length ? errors.join('\n') : undefined;
  }, 'processing errors');
}

describe('interchange-gateway-config locations through the real catalog backend', () => {
  it('turns gateway files in repositories into GatewayRoute entities linked to components, and reports files it cannot use', async () => {
    const repo = await startRepoServer();
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleInterchange,
        // Entities whose processing failed are not served by the catalog's
        // entities API; this module shows them with their errors.
        catalogModuleUnprocessedEntities,
        provideStaticCatalogModel({
          layers: [defaultCatalogEntityModel, interchangeCatalogModelLayer],
        }),
        mockServices.rootConfig.factory({
          data: {
            backend: {
              baseUrl: 'http://localhost:0',
              reading: { allow: [{ host: repo.host }] },
            },
            catalog: {
              // Short, so the test sees further passes after the file breaks.
              processingInterval: { seconds: 2 },
              rules: GATEWAY_TEST_RULES,
              locations: [
                ...demoCompanyLocations(examples),
                // A repository's catalog file (read over HTTP) that lists
                // its Kong configuration with a relative target.
                { type: 'url', target: `${repo.url}/repo/catalog-info.yaml` },
                // Registered directly; the gateway is the only one of its type.
                {
                  type: 'interchange-gateway-config',
                  target: path.join(fixtures, 'orders-httproute.yaml'),
                },
                // No Istio gateway is configured: an error on the location.
                {
                  type: 'interchange-gateway-config',
                  target: path.join(fixtures, 'istio-reviews.yaml'),
                },
                {
                  type: 'interchange-gateway-config',
                  target: path.join(fixtures, 'not-gateway.yaml'),
                },
              ],
              providers: {
                interchangeGateways: {
                  defaultOwner: 'group:default/team-platform',
                },
              },
            },
            interchange: {
              gateways: [
                { id: 'kong-edge', type: 'kong' },
                { id: 'mesh-internal', type: 'gateway-api' },
                {
                  id: 'aws-files',
                  type: 'aws-api-gateway',
                  files: [path.join(fixtures, 'none', '*.yaml')],
                },
              ],
            },
          },
        }),
      ],
    });
    const server = backend.server;
    try {
      const read = await waitForRelation(
        server,
        'gatewayroute:default/kong-edge.customers-read',
        'routesTo',
      );
      expect(read.spec).toEqual({
        owner: 'team-identity',
        system: 'customer-identity',
        gateway: 'kong-edge',
        paths: ['/v1/customers'],
        methods: ['GET'],
        hosts: ['api.brightwave.example'],
        upstream: 'component:default/customer-service',
        upstreamUrl: 'http://customer-service.customer-identity.svc:8080',
        api: 'customers-api',
        authentication: 'jwt',
      });
      expect(relations(read)).toEqual(
        expect.arrayContaining([
          'exposes api:default/customers-api',
          'ownedBy group:default/team-identity',
          'partOf system:default/customer-identity',
          'routesTo component:default/customer-service',
        ]),
      );
      // The entity points at the gateway file, resolved against the
      // repository's catalog file, so "View source" opens it.
      expect(
        read.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe(`url:${repo.url}/repo/gateway/kong.yml`);
      expect(repo.requests).toContain('/repo/gateway/kong.yml');

      const write = (await getEntity(
        server,
        'gatewayroute:default/kong-edge.customers-write',
      ))!;
      expect(write.spec).toMatchObject({
        paths: ['~/v1/customers/[0-9]+$'],
        methods: ['PUT', 'PATCH'],
        rateLimit: { requests: 30, period: 'minute' },
      });
      const billing = (await getEntity(
        server,
        'gatewayroute:default/kong-edge.billing-export',
      ))!;
      expect(billing.spec).toEqual({
        owner: 'group:default/team-platform',
        gateway: 'kong-edge',
        paths: ['/v1/billing/export'],
        upstreamUrl: 'http://billing-legacy.internal:9000',
      });
      expect(
        billing.metadata.annotations?.['interchange.dev/upstream-unmatched'],
      ).toBe('true');

      const orders = await waitForRelation(
        server,
        'gatewayroute:default/mesh-internal.orders-internal',
        'routesTo',
      );
      expect(relations(orders)).toEqual(
        expect.arrayContaining([
          'exposes api:default/orders-api',
          'routesTo component:default/order-service',
        ]),
      );
      expect(orders.spec).toMatchObject({
        gateway: 'mesh-internal',
        methods: ['GET'],
        hosts: ['orders.internal.brightwave.example'],
      });

      // Files that give no routes say why, on the Location the catalog made
      // for them.
      const targetIs = (file: string) => (l: Entity) =>
        (l.spec as { target?: string }).target === path.join(fixtures, file);
      expect(
        await errorsWhere(server, targetIs('istio-reviews.yaml')),
      ).toContain(
        'no gateway of type istio in interchange.gateways; add one, or set the annotation interchange.dev/gateway: <gateway id> on the Location entity that lists this file',
      );
      expect(await errorsWhere(server, targetIs('not-gateway.yaml'))).toContain(
        'holds no gateway configuration Interchange reads',
      );
      expect(
        await processingErrors(server, targetIs('orders-httproute.yaml')),
      ).toEqual([]);

      // An absolute path in a Location read from a URL is a path on the
      // repository host, never a file on the backend's disk.
      expect(
        await errorsWhere(
          server,
          e => e.metadata.name === 'absolute-path-attempt',
        ),
      ).toMatch(
        new RegExp(
          `Gateway configuration ${repo.url}/\\S*etc/hostname does not exist`,
        ),
      );
      expect(repo.requests.some(r => r.endsWith('/etc/hostname'))).toBe(true);

      // A gateway with its own provider keeps its files in its config.
      expect(
        await errorsWhere(
          server,
          e => e.metadata.name === 'provider-gateway-attempt',
        ),
      ).toContain(
        "gateway 'aws-files' is read by its own provider (interchange.gateways[].files); list this file in that gateway's 'files' instead of a Location, or point the Location at another gateway id",
      );

      // The same location type registered through the catalog API may not
      // name local files either; only app-config's catalog.locations may.
      const registered = await request(server)
        .post('/api/catalog/locations')
        .send({ type: 'interchange-gateway-config', target: '/etc/hostname' });
      expect(registered.status).toBe(201);
      expect(
        await errorsWhere(
          server,
          e => (e.spec as { target?: string }).target === '/etc/hostname',
        ),
      ).toContain(
        '/etc/hostname: only interchange-gateway-config locations listed in app-config (catalog.locations) may read local files; register an http(s) URL instead',
      );

      // The repository's file breaks: the Location shows the error and the
      // routes it emitted before stay in the catalog.
      repo.failing.add('/repo/gateway/kong.yml');
      expect(
        await errorsWhere(
          server,
          e => e.metadata.name === 'customer-edge-gateway-config',
        ),
      ).toContain(
        `Unable to read gateway configuration ${repo.url}/repo/gateway/kong.yml`,
      );
      // One more processing pass, then the routes are still there.
      await new Promise(r => setTimeout(r, 5000));
      for (const name of [
        'kong-edge.customers-read',
        'kong-edge.customers-write',
        'kong-edge.billing-export',
      ]) {
        expect(
          await getEntity(server, `gatewayroute:default/${name}`),
        ).toBeDefined();
      }
    } finally {
      await backend.stop();
      await repo.close();
    }
  });
});
