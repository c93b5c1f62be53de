import fs from 'node:fs';
import path from 'node:path';
import {
  breakLocationFileThreeWays,
  catalogWithLocationFile,
  keptWhileBroken,
} from '../__testUtils__/locationFileFaults';

jest.setTimeout(300_000);

const fixture = path.join(
  __dirname,
  '__fixtures__',
  'repo',
  'gateway',
  'kong.yml',
);

// The URL case (the repository host answering 500) is in
// GatewayConfigLocationProcessor.test.ts; this suite breaks a local file.
describe('interchange-gateway-config locations when the file breaks', () => {
  const catalog = catalogWithLocationFile({
    prefix: 'interchange-gwloc-faults-',
    fixture,
    fileName: 'kong.yml',
    location: {
      name: 'edge-gateway-config',
      type: 'interchange-gateway-config',
      annotations: { 'interchange.dev/gateway': 'kong-edge' },
    },
    catalog: {
      rules: [{ allow: ['Location', 'GatewayRoute'] }],
      providers: {
        interchangeGateways: { defaultOwner: 'group:default/team-platform' },
      },
    },
    interchange: { gateways: [{ id: 'kong-edge', type: 'kong' }] },
  });

  const before = [
    'GatewayRoute:kong-edge.billing-export',
    'GatewayRoute:kong-edge.customers-read',
    'GatewayRoute:kong-edge.customers-write',
  ];
  const adds = 'GatewayRoute:kong-edge.customers-delete';

  it('keeps every route it emitted while the gateway file is invalid, unreadable or gone, shows the error naming the file on the Location, and follows the fixed file', async () => {
    const seen = await breakLocationFileThreeWays({
      catalog,
      kinds: ['GatewayRoute'],
      before,
      // The YAML no longer parses.
      invalid: {
        text: 'services: [unclosed\n',
        error: file => new RegExp(file),
      },
      unreadable: file =>
        new RegExp(`Unable to read gateway configuration ${file}: .*folder`),
      missing: file =>
        new RegExp(`Gateway configuration ${file} does not exist`),
      fixed: {
        text: `${fs.readFileSync(fixture, 'utf8')}  - name: customers-delete
    url: http://customer-service.customer-identity.svc:8080
    routes:
      - name: customers-delete
        paths: [/v1/customers/delete]
        methods: [DELETE]
`,
        adds,
      },
    });
    expect(seen).toEqual(keptWhileBroken(before, adds));
  });
});
