import { LoggerService } from '@backstage/backend-plugin-api';
import {
  IntegrationGraph,
  MeshAccessData,
  meshComponentsOf,
  meshIdentityMatches,
} from '@interchange/plugin-interchange-common';
import {
  loadMeshPolicy,
  MeshConfig,
  MeshPolicy,
} from '@interchange/plugin-interchange-node';
import {
  ObservedWorkloadCall,
  readObservedCalls,
} from './PrometheusMeshMetrics';

/** How long one read of policies and metrics answers. */
export const MESH_DATA_MAX_AGE_MS = 60_000;

/** One mesh's state for the API: what was read, or why not. */
export interface MeshStatus {
  id: string;
  type: string;
  title: string;
  windowSeconds: number;
  /** Whether observed calls come from Prometheus. */
  metrics: boolean;
  /** Why the policy or the metrics could not be read. */
  error?: string;
}

/** Observed workload calls as component refs (by mesh identity). */
export function observedByComponent(
  mesh: Pick<MeshConfig, 'type'>,
  calls: ObservedWorkloadCall[],
  graph: IntegrationGraph,
): NonNullable<MeshAccessData['observed']> {
  // Components whose identity annotation is malformed are a finding
  // elsewhere (compareMeshAccess); no traffic is mapped to them here.
  const { components } = meshComponentsOf(graph);
  const find = (namespace: string | undefined, name: string) => {
    const workload = { mesh: mesh.type, namespace, name };
    return components.find(c =>
      c.identities.some(i => meshIdentityMatches(workload, i)),
    )?.ref;
  };
  const out = new Map<
    string,
    { source: string; destination: string; requests: number }
  >();
  for (const c of calls) {
    const source = find(c.sourceNamespace, c.source);
    const destination = find(c.destinationNamespace, c.destination);
    if (!source || !destination || source === destination) continue;
    const k = `${source}|${destination}`;
    const known = out.get(k);
    if (known) known.requests += c.requests;
    else out.set(k, { source, destination, requests: c.requests });
  }
  return [...out.values()];
}

/**
 * The configured meshes' policy (files, Consul's API) and observed calls
 * (Prometheus), read at most once a minute per backend instance and shared
 * by concurrent callers; the input of the `mesh/*` checks and of
 * `GET /mesh/access`.
 */
export class MeshAccessService {
  readonly #meshes: MeshConfig[];
  readonly #logger: LoggerService;
  readonly #fetch?: typeof fetch;
  readonly #cwd?: string;
  #cached?: {
    at: number;
    value: Promise<
      {
        policy?: MeshPolicy;
        calls?: ObservedWorkloadCall[];
        status: MeshStatus;
      }[]
    >;
  };

  constructor(options: {
    meshes: MeshConfig[];
    logger: LoggerService;
    fetch?: typeof fetch;
    cwd?: string;
  }) {
    this.#meshes = options.meshes;
    this.#logger = options.logger;
    this.#fetch = options.fetch;
    this.#cwd = options.cwd;
  }

  get configured(): boolean {
    return this.#meshes.length > 0;
  }

  #read() {
    if (this.#cached && Date.now() - this.#cached.at < MESH_DATA_MAX_AGE_MS) {
      return this.#cached.value;
    }
    const value = Promise.all(
      this.#meshes.map(async mesh => {
        const status: MeshStatus = {
          id: mesh.id,
          type: mesh.type,
          title: mesh.title,
          windowSeconds: mesh.windowSeconds,
          metrics: !!mesh.prometheusUrl,
        };
        const errors: string[] = [];
        const [policy, calls] = await Promise.all([
          loadMeshPolicy(mesh, { cwd: this.#cwd, fetch: this.#fetch }).catch(
            e => {
              errors.push((e as Error).message);
              return undefined;
            },
          ),
          mesh.prometheusUrl
            ? readObservedCalls(mesh, { fetch: this.#fetch }).catch(e => {
                errors.push((e as Error).message);
                return undefined;
              })
            : undefined,
        ]);
        if (errors.length) {
          status.error = errors.join('; ');
          this.#logger.warn(status.error);
        }
        return { policy, calls, status };
      }),
    );
    this.#cached = { at: Date.now(), value };
    return value;
  }

  /** Policy and observed calls per mesh, resolved on `graph`'s components. */
  async data(
    graph: IntegrationGraph,
  ): Promise<{ meshes: MeshAccessData[]; status: MeshStatus[] }> {
    const read = await this.#read();
    const meshes: MeshAccessData[] = [];
    for (const { policy, calls, status } of read) {
      const mesh = this.#meshes.find(m => m.id === status.id)!;
      meshes.push({
        id: mesh.id,
        type: mesh.type,
        // A mesh whose policy cannot be read decides nothing (its error says so).
        rules: policy?.rules ?? [],
        defaultDeny: policy?.defaultDeny ?? [],
        defaults: policy?.defaults,
        ...(calls
          ? {
              observed: observedByComponent(mesh, calls, graph),
              windowSeconds: mesh.windowSeconds,
            }
          : {}),
      });
    }
    return { meshes, status: read.map(r => r.status) };
  }
}
