import { GatewayConfig } from '@interchange/plugin-interchange-node';
import { chooseGateway } from './chooseGateway';

const gw = (id: string, type: string, extra: Partial<GatewayConfig> = {}) =>
  ({
    id,
    type,
    title: id,
    files: [],
    requestTimeoutMs: 1000,
    ...extra,
  } as GatewayConfig);

describe('chooseGateway', () => {
  const gateways = [
    gw('kong-edge', 'kong', { defaultOwner: 'team-edge' }),
    gw('mesh-a', 'istio'),
    gw('mesh-b', 'istio'),
    gw('aws-files', 'aws-api-gateway', { files: ['x/*.yaml'] }),
  ];

  it('takes the annotated gateway, else the only one of the format', () => {
    expect(chooseGateway('f', 'mesh-a', ['kong'], gateways)).toMatchObject({
      id: 'mesh-a',
    });
    expect(chooseGateway('f', undefined, ['kong'], gateways)).toMatchObject({
      id: 'kong-edge',
      defaultOwner: 'team-edge',
    });
    expect(chooseGateway('f', 'anything', ['kong'], [])).toEqual({
      id: 'anything',
    });
  });

  it('says how to name the gateway when it cannot choose', () => {
    expect(chooseGateway('f', 'nope', ['kong'], gateways)).toBe(
      "f: gateway 'nope' (annotation interchange.dev/gateway) is not in interchange.gateways; use one of 'kong-edge', 'mesh-a', 'mesh-b', 'aws-files'",
    );
    expect(chooseGateway('f', undefined, ['istio'], gateways)).toBe(
      'f: several gateways read istio configuration (mesh-a, mesh-b); set the annotation interchange.dev/gateway: <gateway id> on the Location entity that lists this file',
    );
    expect(chooseGateway('f', undefined, ['gateway-api'], gateways)).toBe(
      'f: no gateway of type gateway-api in interchange.gateways; add one, or set the annotation interchange.dev/gateway: <gateway id> on the Location entity that lists this file',
    );
    expect(chooseGateway('f', 'aws-files', ['aws-api-gateway'], gateways)).toBe(
      "f: gateway 'aws-files' is read by its own provider (interchange.gateways[].files); list this file in that gateway's 'files' instead of a Location, or point the Location at another gateway id",
    );
  });
});
