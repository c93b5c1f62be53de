import { ConfigReader } from '@backstage/config';
import type { JsonValue } from '@backstage/types';
import { readMeshes } from './readMeshes';

const read = (meshes: JsonValue) =>
  readMeshes(new ConfigReader({ interchange: { meshes } }));

describe('readMeshes', () => {
  it('reads files, Consul, Prometheus and the window', () => {
    expect(
      read([
        {
          id: 'mesh',
          type: 'istio',
          files: ['mesh/*.yaml'],
          prometheusUrl: 'http://prom:9090/',
          window: '24h',
        },
        {
          id: 'consul-dc1',
          type: 'consul',
          consulUrl: 'http://consul:8500',
          consulToken: 't',
          defaultPolicy: 'deny',
        },
      ]),
    ).toEqual([
      {
        id: 'mesh',
        type: 'istio',
        title: 'mesh',
        files: ['mesh/*.yaml'],
        consulUrl: undefined,
        consulToken: undefined,
        defaultPolicy: 'allow',
        prometheusUrl: 'http://prom:9090',
        windowSeconds: 86400,
        requestTimeoutMs: 10000,
      },
      {
        id: 'consul-dc1',
        type: 'consul',
        title: 'consul-dc1',
        files: [],
        consulUrl: 'http://consul:8500',
        consulToken: 't',
        defaultPolicy: 'deny',
        prometheusUrl: undefined,
        windowSeconds: 604800,
        requestTimeoutMs: 10000,
      },
    ]);
    expect(readMeshes(new ConfigReader({}))).toEqual([]);
  });

  it.each([
    [
      [{ id: 'm', type: 'kuma', files: ['x'] }],
      "interchange.meshes[0].type: 'kuma' is not supported; use one of istio, linkerd, consul",
    ],
    [
      [{ id: 'm', type: 'istio', consulUrl: 'http://c:8500' }],
      'interchange.meshes[0].consulUrl: only Consul meshes',
    ],
    [[{ id: 'm', type: 'istio' }], 'interchange.meshes[0]: set files'],
    [
      [
        {
          id: 'm',
          type: 'consul',
          files: ['x'],
          prometheusUrl: 'http://prometheus:9090',
        },
      ],
      'interchange.meshes[0].prometheusUrl: Interchange reads the request metrics of Istio and Linkerd meshes only',
    ],
    [
      [{ id: 'm', type: 'istio', files: ['x'], window: 'week' }],
      "interchange.meshes[0].window: 'week' is not a duration",
    ],
    [
      [{ id: 'm', type: 'consul', consulUrl: 'consul:8500' }],
      "interchange.meshes[0].consulUrl: 'consul:8500' is not an http(s) URL",
    ],
    [
      [
        { id: 'm', type: 'istio', files: ['x'] },
        { id: 'm', type: 'istio', files: ['y'] },
      ],
      "interchange.meshes[1].id: 'm' is configured twice",
    ],
  ])('refuses %j', (meshes, message) => {
    expect(() => read(meshes)).toThrow(message);
  });
});
