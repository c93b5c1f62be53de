import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { startTestBackend } from '@backstage/backend-test-utils';
import { startCatalogBackend } from '../__testUtils__/catalogBackend';
import { waitFor } from '../__testUtils__/catalogQueries';
import {
  processingRounds,
  waitForNoProcessingErrors,
  waitForProcessingError,
} from '../__testUtils__/processingErrors';

jest.setTimeout(300_000);

const fixture = path.join(
  __dirname,
  '__fixtures__',
  'repo',
  'gateway',
  'kong.yml',
);

const LOCATION = 'location:default/edge-gateway-config';

// The URL case (the repository host answering 500) is in
// GatewayConfigLocationProcessor.test.ts; this suite breaks a local file.
describe('interchange-gateway-config locations when the file breaks', () => {
  let dir: string;
  let file: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-gwloc-faults-'));
    file = path.join(dir, 'kong.yml');
    fs.copyFileSync(fixture, file);
    fs.writeFileSync(
      path.join(dir, 'catalog-info.yaml'),
      `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: edge-gateway-config
  annotations:
    interchange.dev/gateway: kong-edge
spec:
  type: interchange-gateway-config
  target: ./kong.yml
`,
    );
    backend = await startCatalogBackend({
      catalog: {
        rules: [{ allow: ['Location', 'GatewayRoute'] }],
        locations: [
          { type: 'file', target: path.join(dir, 'catalog-info.yaml') },
        ],
        providers: {
          interchangeGateways: {
            defaultOwner: 'group:default/team-platform',
          },
        },
      },
      interchange: { gateways: [{ id: 'kong-edge', type: 'kong' }] },
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** The names of the GatewayRoute entities in the catalog, sorted. */
  async function routes(): Promise<string[]> {
    const res = await request(backend.server).get(
      '/api/catalog/entities?filter=kind=gatewayroute',
    );
    expect(res.status).toBe(200);
    return (res.body as { metadata: { name: string } }[])
      .map(e => e.metadata.name)
      .sort();
  }

  it('keeps every route it emitted while the gateway file is invalid, unreadable or gone, shows the error naming the file on the Location, and follows the fixed file', async () => {
    const server = backend.server;
    const before = [
      'kong-edge.billing-export',
      'kong-edge.customers-read',
      'kong-edge.customers-write',
    ];
    await waitFor(async () => {
      const now = await routes();
      return now.length === before.length ? now : undefined;
    }, 'the routes of the gateway file');
    expect(await routes()).toEqual(before);

    const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

    // Invalid: the YAML no longer parses.
    fs.writeFileSync(file, 'services: [unclosed\n');
    await waitForProcessingError(server, LOCATION, new RegExp(escaped));
    await processingRounds();
    expect(await routes()).toEqual(before);

    // Unreadable: a folder in its place (as root, a chmod would not stop
    // the read).
    fs.rmSync(file);
    fs.mkdirSync(file);
    await waitForProcessingError(
      server,
      LOCATION,
      new RegExp(`Unable to read gateway configuration ${escaped}: .*folder`),
    );
    await processingRounds();
    expect(await routes()).toEqual(before);

    // Gone.
    fs.rmSync(file, { recursive: true });
    await waitForProcessingError(
      server,
      LOCATION,
      new RegExp(`Gateway configuration ${escaped} does not exist`),
    );
    await processingRounds();
    expect(await routes()).toEqual(before);

    // Fixed, with one more route: the error goes and the route appears.
    fs.writeFileSync(
      file,
      `${fs.readFileSync(fixture, 'utf8')}  - name: customers-delete
    url: http://customer-service.customer-identity.svc:8080
    routes:
      - name: customers-delete
        paths: [/v1/customers/delete]
        methods: [DELETE]
`,
    );
    await waitForNoProcessingErrors(server, LOCATION);
    await waitFor(async () => {
      const now = await routes();
      return now.length === before.length + 1 ? now : undefined;
    }, 'the route the fixed file adds');
    expect(await routes()).toEqual(
      [...before, 'kong-edge.customers-delete'].sort(),
    );
  });
});
