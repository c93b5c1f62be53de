import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import {
  mockServices,
  ServiceFactoryTester,
} from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotFoundError } from '@backstage/errors';
import { ScmIntegrations } from '@backstage/integration';
import {
  isNotFound,
  listConfigFiles,
  readConfigFile,
  resolveConfigTarget,
} from './readConfigFile';

const options = (configured: string[] = []) => ({
  locationType: 'interchange-gateway-config',
  integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
  configuredTargets: () => configured,
});

describe('resolveConfigTarget (local-file safety rules)', () => {
  it('resolves relative and absolute paths of a URL-read Location against its URL, never the disk', () => {
    const base = {
      type: 'url',
      target: 'https://git.example/repo/catalog-info.yaml',
    };
    expect(resolveConfigTarget(base, 'gateway/kong.yml', options())).toEqual({
      kind: 'url',
      url: 'https://git.example/repo/gateway/kong.yml',
    });
    expect(resolveConfigTarget(base, '/etc/hostname', options())).toMatchObject(
      {
        kind: 'url',
      },
    );
    expect(
      resolveConfigTarget(base, 'file:///etc/hostname', options()),
    ).toEqual({
      kind: 'refused',
      reason:
        'file:///etc/hostname: only http(s) URLs and, for Locations from local files or app-config, local paths can be read',
    });
  });

  it('lets file Locations and app-config Locations of the type read local paths, not API-registered ones', () => {
    expect(
      resolveConfigTarget(
        { type: 'file', target: '/repo/catalog-info.yaml' },
        'gw/kong.yml',
        options(),
      ),
    ).toEqual({ kind: 'file', file: '/repo/gw/kong.yml' });
    const base = { type: 'interchange-gateway-config', target: 'gw/kong.yml' };
    expect(
      resolveConfigTarget(base, 'gw/kong.yml', options(['gw/kong.yml'])),
    ).toEqual({
      kind: 'file',
      file: path.resolve('gw/kong.yml'),
    });
    expect(resolveConfigTarget(base, '/etc/hostname', options())).toEqual({
      kind: 'refused',
      reason:
        '/etc/hostname: only interchange-gateway-config locations listed in app-config (catalog.locations) may read local files; register an http(s) URL instead',
    });
    expect(
      resolveConfigTarget(
        { type: 'github-discovery', target: 'x' },
        'kong.yml',
        options(),
      ),
    ).toEqual({
      kind: 'refused',
      reason:
        'kong.yml: a Location from a github-discovery location may only list http(s) URLs',
    });
  });
});

describe('readConfigFile and listConfigFiles', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-read-'));
    fs.mkdirSync(path.join(dir, 'gw'));
    fs.writeFileSync(path.join(dir, 'gw', 'b.yaml'), 'b: 1');
    fs.writeFileSync(path.join(dir, 'gw', 'a.yaml'), 'a: 1');
    fs.writeFileSync(path.join(dir, 'gw', 'notes.md'), '#');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists the files of globs in a stable order and reads them', async () => {
    const targets = await listConfigFiles(['gw/*.yaml'], dir);
    expect(targets).toEqual([
      { kind: 'file', file: path.join(dir, 'gw', 'a.yaml') },
      { kind: 'file', file: path.join(dir, 'gw', 'b.yaml') },
    ]);
    expect(await readConfigFile(targets[0])).toEqual({
      target: targets[0],
      name: path.join(dir, 'gw', 'a.yaml'),
      text: 'a: 1',
    });
  });

  it('reads URLs through the URL reader, and tells a missing file from an unreadable one', async () => {
    const reader = {
      readUrl: async (url: string) => {
        if (url.endsWith('missing.yml')) throw new NotFoundError(url);
        return { buffer: async () => Buffer.from(`from ${url}`) } as any;
      },
    } as any;
    expect(
      (
        await readConfigFile(
          { kind: 'url', url: 'https://git.example/k.yml' },
          reader,
        )
      ).text,
    ).toBe('from https://git.example/k.yml');
    const missingUrl = await readConfigFile(
      { kind: 'url', url: 'https://git.example/missing.yml' },
      reader,
    ).catch(e => e);
    expect(isNotFound(missingUrl)).toBe(true);
    const missingFile = await readConfigFile({
      kind: 'file',
      file: path.join(dir, 'nope.yaml'),
    }).catch(e => e);
    expect(isNotFound(missingFile)).toBe(true);
    const directory = await readConfigFile({ kind: 'file', file: dir }).catch(
      e => e,
    );
    expect(isNotFound(directory)).toBe(false);
    await expect(
      readConfigFile({ kind: 'url', url: 'https://git.example/k.yml' }),
    ).rejects.toThrow('no URL reader');
  });
});

describe('Apigee bundles: folders and zip exports', () => {
  const apigee = path.resolve(
    __dirname,
    '../../../interchange-common/src/gateways/__fixtures__/apigee',
  );
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'interchange-bundles-'));
    fs.cpSync(path.join(apigee, 'oauth'), path.join(dir, 'apigee', 'oauth'), {
      recursive: true,
    });
    fs.copyFileSync(
      path.join(apigee, 'apikey.zip'),
      path.join(dir, 'apigee', 'apikey.zip'),
    );
    fs.mkdirSync(path.join(dir, 'apigee', 'not-a-bundle'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists bundle folders and zips matched by globs, not other folders', async () => {
    expect(await listConfigFiles(['apigee/*'], dir)).toEqual([
      { kind: 'file', file: path.join(dir, 'apigee', 'apikey.zip') },
      { kind: 'file', file: path.join(dir, 'apigee', 'oauth') },
    ]);
    expect(await listConfigFiles(['apigee/oauth/apiproxy'], dir)).toEqual([
      { kind: 'file', file: path.join(dir, 'apigee', 'oauth', 'apiproxy') },
    ]);
  });

  it('reads a bundle folder (holding apiproxy/ or apiproxy/ itself) and a zip as bundle files', async () => {
    const holding = await readConfigFile({
      kind: 'file',
      file: path.join(dir, 'apigee', 'oauth'),
    });
    const itself = await readConfigFile({
      kind: 'file',
      file: path.join(dir, 'apigee', 'oauth', 'apiproxy'),
    });
    expect(holding.bundle?.map(f => f.path)).toEqual([
      'apiproxy/oauth.xml',
      'apiproxy/policies/GenerateAccessTokenClient.xml',
      'apiproxy/policies/RefreshAccessToken.xml',
      'apiproxy/proxies/default.xml',
      'apiproxy/targets/default.xml',
    ]);
    expect(itself.bundle).toEqual(holding.bundle);
    const zip = await readConfigFile({
      kind: 'file',
      file: path.join(dir, 'apigee', 'apikey.zip'),
    });
    expect(zip.bundle?.map(f => f.path)).toContain(
      'apiproxy/proxies/default.xml',
    );
    const zipUrl = await readConfigFile(
      { kind: 'url', url: 'https://git.example/apigee/apikey.zip' },
      {
        readUrl: async () => ({
          buffer: async () => fs.readFileSync(path.join(apigee, 'apikey.zip')),
        }),
      } as any,
    );
    expect(zipUrl.bundle).toEqual(zip.bundle);
  });

  it('refuses a folder that is no bundle, and oversized files, before reading them', async () => {
    await expect(
      readConfigFile({
        kind: 'file',
        file: path.join(dir, 'apigee', 'not-a-bundle'),
      }),
    ).rejects.toThrow(
      /is a folder: list configuration files, or an Apigee bundle folder/,
    );
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, Buffer.alloc(9 * 1024 * 1024, 0x61));
    await expect(readConfigFile({ kind: 'file', file: big })).rejects.toThrow(
      /big\.yaml is 9\.0 MB; configuration files are read up to 8\.0 MB \(interchange\.inputLimits\.maxFileBytes\): split it into several files/,
    );
  });
});

describe('URL reads are bounded while they stream', () => {
  let server: http.Server;
  let sent = 0;
  beforeAll(async () => {
    // An endless body, 64 kB at a time: a reader that waited for the end
    // would never finish (and would hold all of it in memory).
    server = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/yaml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const write = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', write);
      };
      write();
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise(r => server.close(r));
  });

  it("an endless body is abandoned at the size limit with a clear error, through Backstage's real URL reader", async () => {
    const { port } = server.address() as AddressInfo;
    const reader = await ServiceFactoryTester.from(
      mockServices.urlReader.factory(),
      {
        dependencies: [
          mockServices.rootConfig.factory({
            data: {
              backend: { reading: { allow: [{ host: `127.0.0.1:${port}` }] } },
            },
          }),
        ],
      },
    ).getSubject();
    const url = `http://127.0.0.1:${port}/routes.yaml`;
    const started = Date.now();
    await expect(readConfigFile({ kind: 'url', url }, reader)).rejects.toThrow(
      `${url} is more than 8.0 MB; configuration files are read up to 8.0 MB (interchange.inputLimits.maxFileBytes): split it into several files`,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    // Stopped near the limit, not after the server gave up.
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  });
});
