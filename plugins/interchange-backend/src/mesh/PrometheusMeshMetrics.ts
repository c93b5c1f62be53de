import { MeshConfig } from '@interchange/plugin-interchange-node';

/** Requests from one workload to another over the mesh's window. */
export interface ObservedWorkloadCall {
  sourceNamespace?: string;
  source: string;
  destinationNamespace?: string;
  destination: string;
  requests: number;
}

const window = (seconds: number) => `${seconds}s`;

/**
 * The PromQL for a mesh's service-to-service requests over its window, by
 * workload: Istio's `istio_requests_total` as the destination's proxy
 * reports it (so callers without a sidecar count too, and nothing twice),
 * Linkerd's outbound `response_total` by `deployment` and `dst_deployment`.
 */
export function observedCallsQuery(
  mesh: Pick<MeshConfig, 'type' | 'windowSeconds'>,
): string {
  const w = window(mesh.windowSeconds);
  if (mesh.type === 'istio') {
    return `sum by (source_workload, source_workload_namespace, destination_workload, destination_workload_namespace) (increase(istio_requests_total{reporter="destination"}[${w}]))`;
  }
  if (mesh.type === 'linkerd') {
    return `sum by (deployment, namespace, dst_deployment, dst_namespace) (increase(response_total{direction="outbound"}[${w}]))`;
  }
  throw new Error(
    `mesh type ${mesh.type} has no request metrics Interchange reads; remove prometheusUrl`,
  );
}

/**
 * Reads the calls a mesh observed from its Prometheus (`/api/v1/query`).
 * Errors name the mesh and Prometheus' own message; `unknown` workloads
 * (Istio's label for callers outside the mesh) are left out.
 */
export async function readObservedCalls(
  mesh: Pick<
    MeshConfig,
    'id' | 'type' | 'prometheusUrl' | 'windowSeconds' | 'requestTimeoutMs'
  >,
  options: { fetch?: typeof fetch } = {},
): Promise<ObservedWorkloadCall[]> {
  if (!mesh.prometheusUrl) return [];
  const url = `${mesh.prometheusUrl}/api/v1/query?query=${encodeURIComponent(
    observedCallsQuery(mesh),
  )}`;
  const where = `mesh ${mesh.id}: Prometheus ${mesh.prometheusUrl}`;
  let body: any;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(mesh.requestTimeoutMs),
    });
    body = await response.json().catch(() => undefined);
    if (!response.ok || body?.status !== 'success') {
      throw new Error(
        `answered ${response.status}${body?.error ? `: ${body.error}` : ''}`,
      );
    }
  } catch (e) {
    const error = e as Error;
    throw new Error(
      `${where} ${
        error.name === 'TimeoutError'
          ? `did not answer within ${mesh.requestTimeoutMs} ms`
          : error.message
      }`,
    );
  }
  const rows: any[] = Array.isArray(body?.data?.result) ? body.data.result : [];
  const out: ObservedWorkloadCall[] = [];
  for (const row of rows) {
    const m = row?.metric ?? {};
    const requests = Math.round(Number(row?.value?.[1]));
    const call =
      mesh.type === 'istio'
        ? {
            source: m.source_workload,
            sourceNamespace: m.source_workload_namespace,
            destination: m.destination_workload,
            destinationNamespace: m.destination_workload_namespace,
          }
        : {
            source: m.deployment,
            sourceNamespace: m.namespace,
            destination: m.dst_deployment,
            destinationNamespace: m.dst_namespace,
          };
    if (
      !call.source ||
      !call.destination ||
      call.source === 'unknown' ||
      call.destination === 'unknown' ||
      !Number.isFinite(requests)
    ) {
      continue;
    }
    out.push({ ...call, requests });
  }
  return out;
}
