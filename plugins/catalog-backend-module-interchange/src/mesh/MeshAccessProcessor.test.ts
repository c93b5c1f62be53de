import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JsonObject } from '@backstage/types';
import { startCatalogBackend } from '../__testUtils__/catalogBackend';
import {
  demoCompanyLocations,
  GATEWAY_TEST_RULES,
  getEntity,
  relations,
  waitFor,
} from '../__testUtils__/catalogQueries';

// The real catalog backend processes the demo company before relations
// appear, which takes longer than jest's default 5 s on a loaded machine.
jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../../examples');

async function start(meshes: JsonObject[], extraLocations: JsonObject[] = []) {
  const backend = await startCatalogBackend({
    catalog: {
      rules: GATEWAY_TEST_RULES,
      locations: [...demoCompanyLocations(examples), ...extraLocations],
    },
    interchange: { meshes },
  });
  return backend;
}

const mesh = (e: any) => relations(e).filter(r => r.startsWith('may'));

describe('mayCall relations from interchange.meshes', () => {
  let backend: Awaited<ReturnType<typeof start>>;

  beforeAll(async () => {
    backend = await start([
      {
        id: 'shop-mesh',
        type: 'istio',
        files: [path.join(examples, 'mesh', '*.yaml')],
      },
    ]);
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
  });

  it('relates the demo components the mesh allows, both ways, and leaves out what a DENY overrides', async () => {
    const server = backend.server;
    const orderService = await waitFor(async () => {
      const e = await getEntity(server, 'component:default/order-service');
      return e && mesh(e).length === 4 ? e : undefined;
    }, 'order-service with its four callers');
    expect(mesh(orderService)).toEqual([
      'mayBeCalledBy component:default/checkout-service',
      'mayBeCalledBy component:default/inventory-service',
      'mayBeCalledBy component:default/shipping-service',
      'mayBeCalledBy component:default/storefront-web',
    ]);
    const inventory = await waitFor(async () => {
      const e = await getEntity(server, 'component:default/inventory-service');
      return e && mesh(e).length ? e : undefined;
    }, 'inventory-service with mayCall');
    expect(mesh(inventory)).toEqual([
      'mayCall component:default/order-service',
    ]);

    // The ALLOW names notification-service too, but the DENY wins.
    const customers = await waitFor(async () => {
      const e = await getEntity(server, 'component:default/customer-service');
      return e && mesh(e).length ? e : undefined;
    }, 'customer-service with mayBeCalledBy');
    expect(mesh(customers)).toEqual([
      'mayBeCalledBy component:default/storefront-web',
    ]);
    const notification = await getEntity(
      server,
      'component:default/notification-service',
    );
    expect(mesh(notification)).toEqual([]);
  });
});

describe('mesh identity annotation', () => {
  let backend: Awaited<ReturnType<typeof start>>;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-mesh-'));
    fs.writeFileSync(
      path.join(dir, 'intentions.hcl'),
      `Kind = "service-intentions"
Name = "ledger"
Sources = [
  { Name = "billing-job", Action = "allow" },
  { Name = "*", Action = "deny" },
]
`,
    );
    fs.writeFileSync(
      path.join(dir, 'catalog-info.yaml'),
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ledger-service
  annotations:
    interchange.dev/mesh-identity: consul:ledger
spec: { type: service, lifecycle: production, owner: team-payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: invoicing
  annotations:
    interchange.dev/mesh-identity: consul:billing-job
spec: { type: service, lifecycle: production, owner: team-payments }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: broken-identity
  annotations:
    interchange.dev/mesh-identity: istio:no-namespace
spec: { type: service, lifecycle: production, owner: team-payments }
`,
    );
    backend = await start(
      [{ id: 'dc1', type: 'consul', files: [path.join(dir, '*.hcl')] }],
      [{ type: 'file', target: path.join(dir, 'catalog-info.yaml') }],
    );
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolves identities through interchange.dev/mesh-identity, and leaves a component with a malformed one out of the relations', async () => {
    const server = backend.server;
    const invoicing = await waitFor(async () => {
      const e = await getEntity(server, 'component:default/invoicing');
      return e && mesh(e).length ? e : undefined;
    }, 'invoicing with mayCall');
    expect(mesh(invoicing)).toEqual([
      'mayCall component:default/ledger-service',
    ]);
    // A malformed annotation leaves the component in the catalog, without
    // mesh relations (the log names the annotation and the fix).
    const broken = await waitFor(
      () => getEntity(server, 'component:default/broken-identity'),
      'broken-identity',
    );
    expect(mesh(broken)).toEqual([]);
  });
});
