import { ConfigReader } from '@backstage/config';
import { readGateways } from './readGateways';

describe('readGateways', () => {
  it('reads gateways and checks their type', () => {
    expect(
      readGateways(
        new ConfigReader({
          interchange: { gateways: [{ id: 'kong', type: 'kong' }] },
        }),
      ),
    ).toEqual([
      {
        id: 'kong',
        type: 'kong',
        title: 'kong',
        adminUrl: undefined,
        token: undefined,
        workspace: undefined,
        files: [],
        defaultOwner: undefined,
        requestTimeoutMs: 10000,
      },
    ]);
    expect(
      readGateways(
        new ConfigReader({
          interchange: {
            gateways: [
              {
                id: 'kong',
                type: 'kong',
                adminUrl: 'http://kong:8001/',
                workspace: 'payments',
                files: ['gateways/*.yaml'],
              },
            ],
          },
        }),
      )[0],
    ).toMatchObject({
      adminUrl: 'http://kong:8001',
      workspace: 'payments',
      files: ['gateways/*.yaml'],
    });
    expect(() =>
      readGateways(
        new ConfigReader({
          interchange: {
            gateways: [{ id: 'x', type: 'istio', adminUrl: 'http://x' }],
          },
        }),
      ),
    ).toThrow(
      'interchange.gateways[0].adminUrl: only Kong gateways are read through an Admin API',
    );
    expect(() =>
      readGateways(
        new ConfigReader({
          interchange: { gateways: [{ id: 'x', type: 'nginx' }] },
        }),
      ),
    ).toThrow("interchange.gateways[0].type: 'nginx' is not supported");
  });

  it('accepts the types it is given (formats added by catalog modules)', () => {
    const config = new ConfigReader({
      interchange: { gateways: [{ id: 'edge', type: 'edge-proxy' }] },
    });
    expect(
      readGateways(config, { types: ['kong', 'edge-proxy'] })[0].type,
    ).toBe('edge-proxy');
    expect(() => readGateways(config)).toThrow(
      "interchange.gateways[0].type: 'edge-proxy' is not supported; use one of kong, gateway-api, istio, aws-api-gateway, apigee (another format needs a catalog module that adds it through interchangeConfigFormatsExtensionPoint)",
    );
  });
});
