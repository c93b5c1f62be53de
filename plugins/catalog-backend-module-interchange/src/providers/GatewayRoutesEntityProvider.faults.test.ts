import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GatewayConfig } from '@interchange/plugin-interchange-node';
import { startKongAdminStub } from '@interchange/plugin-interchange-node/testUtils';
import { GatewayRoutesEntityProvider } from './GatewayRoutesEntityProvider';
import { startHttpProxy } from '../__testUtils__/httpProxy';
import { recordingConnection } from '../__testUtils__/recordingConnection';

jest.setTimeout(60_000);

const apigeeFixture = path.resolve(
  __dirname,
  '../../../interchange-common/src/gateways/__fixtures__/apigee/apikey',
);

/**
 * A real Kong Admin API on port 0 that the test can break: `ok` forwards to
 * the recorded Admin API, `error` answers 500 to everything, `hang` accepts
 * the request and never answers.
 */
async function breakableKong() {
  const recorded = await startKongAdminStub();
  const state = { mode: 'ok' as 'ok' | 'error' | 'hang' };
  const proxy = await startHttpProxy(recorded.url, (_req, res) => {
    if (state.mode === 'error') {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"message":"An unexpected error occurred"}');
    }
    return state.mode !== 'ok';
  });
  return {
    url: proxy.url,
    state,
    close: async () => {
      await proxy.close();
      await recorded.close();
    },
  };
}

function setup(gateway: Partial<GatewayConfig> & { id: string }) {
  const { connection, mutations: applied } = recordingConnection();
  const logger = mockServices.logger.mock();
  const provider = new GatewayRoutesEntityProvider({
    gateway: {
      type: 'kong',
      files: [],
      requestTimeoutMs: 10_000,
      ...gateway,
    } as GatewayConfig,
    defaultOwner: 'group:default/team-platform',
    catalog: catalogServiceMock({ entities: [] }),
    auth: mockServices.auth(),
    logger,
  });
  const names = (i: number) =>
    applied[i].map(d => d.entity.metadata.name).sort();
  return { provider, connection, applied, logger, names };
}

describe('GatewayRoutesEntityProvider when its sources fail', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-gw-faults-'));
  });
  afterEach(() => {
    fs.chmodSync(tmp, 0o700);
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('keeps every route while the Kong Admin API answers 500s or does not answer within requestTimeoutMs, logs why, and catches up when it recovers', async () => {
    const kong = await breakableKong();
    try {
      const { provider, connection, applied, logger, names } = setup({
        id: 'kong-live',
        adminUrl: kong.url,
        requestTimeoutMs: 500,
      });
      await provider.connect(connection);
      expect(await provider.refresh()).toMatchObject({ applied: true });
      const before = names(0);
      expect(before).toContain('kong-live.catalog-search');

      kong.state.mode = 'error';
      const failed = await provider.refresh();
      expect(failed).toMatchObject({ applied: false });
      expect(failed.reason).toMatch(/500/);
      expect(logger.warn).toHaveBeenLastCalledWith(
        expect.stringMatching(
          /^Not updating the routes of gateway kong-live: .*500.*Existing entities are kept; the next run retries\.$/,
        ),
      );

      kong.state.mode = 'hang';
      const started = Date.now();
      const timedOut = await provider.refresh();
      // Bounded by requestTimeoutMs (500 ms), with slack for a loaded machine.
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(timedOut).toMatchObject({ applied: false });
      expect(timedOut.reason).toMatch(/timeout|aborted/i);
      expect(applied).toHaveLength(1);

      kong.state.mode = 'ok';
      expect(await provider.refresh()).toMatchObject({ applied: true });
      expect(names(1)).toEqual(before);
    } finally {
      await kong.close();
    }
  });

  it.each([
    [
      'a decK file that becomes invalid',
      (file: string) => fs.writeFileSync(file, 'services: [unclosed\n'),
    ],
    [
      'a decK file that becomes unreadable (as root: vanishes from its glob)',
      (file: string) => {
        if (process.getuid?.() === 0) {
          // root reads any file: the file turns into a folder instead, which
          // the glob no longer lists (as when it is deleted or unmounted).
          fs.rmSync(file);
          fs.mkdirSync(file);
        } else {
          fs.chmodSync(file, 0o000);
        }
      },
    ],
  ])(
    'keeps the routes of %s, logs why, and catches up when it is fixed',
    async (_what, breakIt) => {
      const file = path.join(tmp, 'kong.yaml');
      const good = fs.readFileSync(
        path.join(__dirname, '__fixtures__', 'kong-declared.yaml'),
      );
      fs.writeFileSync(file, good);
      const { provider, connection, applied, logger, names } = setup({
        id: 'kong-files',
        files: [file],
      });
      await provider.connect(connection);
      expect(await provider.refresh()).toMatchObject({ applied: true });
      const before = names(0);
      expect(before.length).toBeGreaterThan(0);

      breakIt(file);
      const failed = await provider.refresh();
      expect(failed).toMatchObject({ applied: false });
      expect(failed.reason).toMatch(/kong\.yaml/);
      expect(applied).toHaveLength(1);
      expect(logger.warn).toHaveBeenLastCalledWith(
        expect.stringMatching(
          /^Not updating the routes of gateway kong-files: .*kong\.yaml.*Existing entities are kept/,
        ),
      );

      fs.rmSync(file, { recursive: true, force: true });
      fs.writeFileSync(file, good);
      expect(await provider.refresh()).toMatchObject({ applied: true });
      expect(names(1)).toEqual(before);
    },
  );

  it('keeps the routes of an Apigee bundle whose proxy file becomes invalid, and catches up when it is fixed', async () => {
    const bundle = path.join(tmp, 'apikey');
    fs.cpSync(apigeeFixture, bundle, { recursive: true });
    const proxyFile = path.join(bundle, 'apiproxy/proxies/default.xml');
    const good = fs.readFileSync(proxyFile);
    const { provider, connection, applied, names } = setup({
      id: 'apigee',
      type: 'apigee',
      files: [path.join(tmp, '*')],
    });
    await provider.connect(connection);
    expect(await provider.refresh()).toMatchObject({ applied: true });
    const before = names(0);
    expect(before.length).toBeGreaterThan(0);

    fs.writeFileSync(proxyFile, '<ProxyEndpoint name="default"><unclosed');
    const failed = await provider.refresh();
    expect(failed).toMatchObject({ applied: false });
    expect(applied).toHaveLength(1);

    fs.writeFileSync(proxyFile, good);
    expect(await provider.refresh()).toMatchObject({ applied: true });
    expect(names(1)).toEqual(before);
  });
});
