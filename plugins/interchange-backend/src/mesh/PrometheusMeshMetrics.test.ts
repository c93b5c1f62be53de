import {
  describePrometheus,
  eventually,
  exposition,
  istioSeries,
  linkerdSeries,
  prometheusUrl,
  ScrapedEndpoint,
  serveMetrics,
  uniqueNamespace,
} from '../__testUtils__/testPrometheus';
import {
  ObservedWorkloadCall,
  observedCallsQuery,
  readObservedCalls,
} from './PrometheusMeshMetrics';

jest.setTimeout(90_000);

const mesh = (type: 'istio' | 'linkerd', url = prometheusUrl) => ({
  id: `${type}-mesh`,
  type,
  prometheusUrl: url,
  windowSeconds: 600,
  requestTimeoutMs: 5000,
});

describe('observedCallsQuery', () => {
  it('reads each mesh by its own metric and labels, over the window', () => {
    expect(observedCallsQuery({ type: 'istio', windowSeconds: 3600 })).toBe(
      'sum by (source_workload, source_workload_namespace, destination_workload, destination_workload_namespace) (increase(istio_requests_total{reporter="destination"}[3600s]))',
    );
    expect(observedCallsQuery({ type: 'linkerd', windowSeconds: 60 })).toBe(
      'sum by (deployment, namespace, dst_deployment, dst_namespace) (increase(response_total{direction="outbound"}[60s]))',
    );
    expect(() =>
      observedCallsQuery({ type: 'consul', windowSeconds: 60 }),
    ).toThrow(
      'mesh type consul has no request metrics Interchange reads; remove prometheusUrl',
    );
  });
});

describePrometheus('readObservedCalls against a real Prometheus', () => {
  const url = prometheusUrl!;
  // Our own namespace: other runs against the same Prometheus have theirs.
  const ns = uniqueNamespace('calls');
  let endpoint: ScrapedEndpoint;

  beforeAll(async () => {
    const istio = [
      // web -> orders: 8 successes and 2 errors per scrape, as the
      // destination reports them; the source's own report is the same
      // requests again and must not count twice.
      istioSeries(ns, 'web', 'orders', 8),
      istioSeries(ns, 'web', 'orders', 2, { responseCode: '503' }),
      istioSeries(ns, 'web', 'orders', 10, { reporter: 'source' }),
      // payments -> orders: 10 refused (403) per scrape, still calls.
      istioSeries(ns, 'payments', 'orders', 10, { responseCode: '403' }),
      // A caller outside the mesh: Istio labels it unknown.
      istioSeries(ns, 'unknown', 'orders', 10, { sourceNamespace: 'unknown' }),
    ];
    const linkerd = [
      linkerdSeries(ns, 'web', 'payments', 5),
      linkerdSeries(ns, 'web', 'payments', 5, { statusCode: '500' }),
      // The server side's view of the same requests: not read.
      linkerdSeries(ns, 'web', 'payments', 10, { direction: 'inbound' }),
    ];
    endpoint = await serveMetrics(
      url,
      n =>
        exposition('istio_requests_total', istio, n) +
        exposition('response_total', linkerd, n),
    );
  });

  afterAll(() => endpoint?.stop());

  const inNamespace = (calls: ObservedWorkloadCall[]) =>
    calls.filter(c => c.destinationNamespace === ns);

  it('reads Istio calls by source and destination workload, as the destination reports them', async () => {
    const calls = await eventually('Istio calls from Prometheus', async () => {
      const found = inNamespace(await readObservedCalls(mesh('istio')));
      return found.length === 2 && found.every(c => c.requests > 0)
        ? found
        : undefined;
    });
    expect(endpoint.scrapes()).toBeGreaterThanOrEqual(2);
    const byPair = Object.fromEntries(
      calls.map(c => [`${c.source}->${c.destination}`, c]),
    );
    expect(Object.keys(byPair).sort()).toEqual([
      'payments->orders',
      'web->orders',
    ]);
    expect(byPair['web->orders']).toMatchObject({
      sourceNamespace: ns,
      destinationNamespace: ns,
    });
    // Both pairs grow by 10 requests a scrape over the same samples: equal
    // counts mean 503s are summed with 200s and the source's report is not.
    expect(byPair['web->orders'].requests).toBe(
      byPair['payments->orders'].requests,
    );
  });

  it('reads Linkerd calls by deployment and dst_deployment, outbound only', async () => {
    const [call] = await eventually(
      'Linkerd calls from Prometheus',
      async () => {
        const found = inNamespace(await readObservedCalls(mesh('linkerd')));
        return found.length === 1 && found[0].requests > 0 ? found : undefined;
      },
    );
    expect(call).toMatchObject({
      source: 'web',
      sourceNamespace: ns,
      destination: 'payments',
      destinationNamespace: ns,
    });
    expect(call.requests).toBeGreaterThan(0);
  });

  it('names the mesh and Prometheus when the query fails', async () => {
    await expect(
      readObservedCalls(mesh('istio', `${url}/not-prometheus`)),
    ).rejects.toThrow(
      `mesh istio-mesh: Prometheus ${url}/not-prometheus answered 404`,
    );
  });
});
