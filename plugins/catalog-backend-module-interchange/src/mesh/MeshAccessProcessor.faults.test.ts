import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { startCatalogBackend } from '../__testUtils__/catalogBackend';
import {
  GATEWAY_TEST_RULES,
  getEntity,
  relations,
  waitFor,
} from '../__testUtils__/catalogQueries';
import {
  processingErrorsOf,
  processingRounds,
  waitForNoProcessingErrors,
  waitForProcessingError,
} from '../__testUtils__/processingErrors';

// Three states of the file, each seen through the real catalog's processing
// (the mesh policy is read at most every 30 s).
jest.setTimeout(300_000);

const intentions = (sources: string[]) => `Kind = "service-intentions"
Name = "ledger"
Sources = [
${sources.map(s => `  { Name = "${s}", Action = "allow" },`).join('\n')}
  { Name = "*", Action = "deny" },
]
`;

const component = (name: string, identity: string) => `---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    interchange.dev/mesh-identity: consul:${identity}
spec: { type: service, lifecycle: production, owner: team-payments }
`;

const mesh = (e: Entity | undefined) =>
  e ? relations(e).filter(r => r.startsWith('may')) : [];

describe('mayCall relations when a mesh file breaks', () => {
  let dir: string;
  let file: string;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-mesh-faults-'));
    file = path.join(dir, 'intentions.hcl');
    fs.writeFileSync(file, intentions(['billing-job']));
    fs.writeFileSync(
      path.join(dir, 'catalog-info.yaml'),
      component('ledger-service', 'ledger') +
        component('invoicing', 'billing-job') +
        component('reporting', 'reporting-job'),
    );
    backend = await startCatalogBackend({
      catalog: {
        rules: GATEWAY_TEST_RULES,
        locations: [
          { type: 'file', target: path.join(dir, 'catalog-info.yaml') },
        ],
      },
      interchange: {
        meshes: [{ id: 'dc1', type: 'consul', files: [file] }],
      },
    });
  }, 60_000);

  afterAll(async () => {
    await backend?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every mayCall / mayBeCalledBy relation while the mesh file is invalid or unreadable, shows the error naming the file on the components, and follows the fixed file', async () => {
    const server = backend.server;
    const all = async () => ({
      invoicing: mesh(await getEntity(server, 'component:default/invoicing')),
      ledger: mesh(await getEntity(server, 'component:default/ledger-service')),
      reporting: mesh(await getEntity(server, 'component:default/reporting')),
    });
    const before = {
      invoicing: ['mayCall component:default/ledger-service'],
      ledger: ['mayBeCalledBy component:default/invoicing'],
      reporting: [],
    };
    await waitFor(async () => {
      const now = await all();
      return now.invoicing.length && now.ledger.length ? now : undefined;
    }, 'the relations of the first policy');
    expect(await all()).toEqual(before);

    // Invalid: the file no longer parses.
    fs.writeFileSync(
      file,
      'Kind = "service-intentions"\nSources = [ { Name = ',
    );
    for (const ref of [
      'component:default/invoicing',
      'component:default/ledger-service',
    ]) {
      await waitForProcessingError(
        server,
        ref,
        new RegExp(`interchange\\.meshes dc1: .*${file}`),
      );
    }
    await processingRounds();
    expect(await all()).toEqual(before);

    // Unreadable: a folder where the file was (as root, a chmod would not
    // stop the read), which is what a half-synced mount looks like.
    fs.rmSync(file);
    fs.mkdirSync(file);
    await waitForProcessingError(
      server,
      'component:default/invoicing',
      new RegExp(`${file} cannot be read: EISDIR`),
    );
    await processingRounds();
    expect(await all()).toEqual(before);
    expect(
      processingErrorsOf(
        await getEntity(server, 'component:default/ledger-service'),
      ).join('\n'),
    ).toContain(file);

    // Gone: the configured file matches nothing.
    fs.rmSync(file, { recursive: true });
    await waitForProcessingError(
      server,
      'component:default/invoicing',
      /files \S*intentions\.hcl match no file/,
    );
    await processingRounds();
    expect(await all()).toEqual(before);

    // Fixed, with one more caller: the errors go and the relations follow.
    fs.writeFileSync(file, intentions(['billing-job', 'reporting-job']));
    await waitForNoProcessingErrors(server, 'component:default/invoicing');
    const after = await waitFor(async () => {
      const now = await all();
      return now.reporting.length && now.ledger.length === 2 ? now : undefined;
    }, 'the relations of the fixed policy');
    expect(after).toEqual({
      invoicing: ['mayCall component:default/ledger-service'],
      ledger: [
        'mayBeCalledBy component:default/invoicing',
        'mayBeCalledBy component:default/reporting',
      ],
      reporting: ['mayCall component:default/ledger-service'],
    });
  });
});
