import { buildIntegrationGraph } from '@interchange/plugin-interchange-common';
import { readRouteDrift } from './routeDriftLiveData';

function route(name: string, drift?: string) {
  return {
    apiVersion: 'interchange.dev/v1alpha1',
    kind: 'GatewayRoute',
    metadata: {
      name,
      namespace: 'default',
      annotations: drift ? { 'interchange.dev/route-drift': drift } : {},
    },
    spec: { owner: 'team', gateway: 'kong', paths: ['/x'] },
  };
}

const differs = [
  {
    field: 'paths',
    declared: '/x',
    actual: '/y',
    message: 'paths: declared /x, live /y',
  },
];

describe('readRouteDrift', () => {
  it('reads the drift the gateway provider stored on each route', () => {
    const graph = buildIntegrationGraph([
      route('drifting', JSON.stringify(differs)),
      route('in-sync', '[]'),
      route('file-only'),
    ]);
    expect(readRouteDrift(graph)).toEqual({
      drift: {
        'gatewayroute:default/drifting': differs,
        'gatewayroute:default/in-sync': [],
      },
      unavailable: [],
    });
  });

  it('names routes whose annotation is not a JSON list, and says why nothing could be judged', () => {
    const graph = buildIntegrationGraph([
      route('broken', '{not json'),
      route('file-only'),
    ]);
    expect(readRouteDrift(graph)).toEqual({
      unavailable: [
        'interchange.dev/route-drift is not a JSON list on gatewayroute:default/broken',
        expect.stringMatching(
          /^no gateway route has live drift: drift is computed for gateways with an adminUrl/,
        ),
      ],
    });
    expect(readRouteDrift(buildIntegrationGraph([]))).toEqual({
      unavailable: ['no gateway routes in the catalog'],
    });
  });
});
