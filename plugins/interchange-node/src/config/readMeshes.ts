import { Config } from '@backstage/config';
import { checkId } from './checkId';

/** @public */
export type MeshConfigType = 'istio' | 'linkerd' | 'consul';

const TYPES: readonly MeshConfigType[] = ['istio', 'linkerd', 'consul'];

/** One service mesh of `interchange.meshes`. @public */
export interface MeshConfig {
  id: string;
  type: MeshConfigType;
  title: string;
  /** Globs of policy files (relative to the backend's working directory). */
  files: string[];
  /** Consul only: the HTTP API read for `/v1/connect/intentions`. */
  consulUrl?: string;
  /** Consul ACL token, sent as `X-Consul-Token`; never logged. */
  consulToken?: string;
  /** Consul's `acl.default_policy` (or mesh default) when nothing matches. Default `allow`, Consul's own default. */
  defaultPolicy: 'allow' | 'deny';
  /** Prometheus holding the mesh's request metrics. */
  prometheusUrl?: string;
  /** How far back observed calls count, in seconds. Default 7 days. */
  windowSeconds: number;
  /** Per HTTP request (Consul, Prometheus), in milliseconds. Default 10000. */
  requestTimeoutMs: number;
}

const DURATION = /^(\d+)(s|m|h|d)$/;
const UNIT = { s: 1, m: 60, h: 3600, d: 86400 } as const;

function httpUrl(value: string | undefined, key: string, example: string) {
  if (value === undefined) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(value)) {
    throw new Error(
      `${key}: '${value}' is not an http(s) URL; write e.g. '${example}'`,
    );
  }
  return value.replace(/\/+$/, '');
}

/**
 * Reads `interchange.meshes`: each mesh needs `files`, `consulUrl` (Consul)
 * or `prometheusUrl`; bad values fail start-up naming the key and the fix.
 *
 * @public
 */
export function readMeshes(config: Config): MeshConfig[] {
  const seen = new Set<string>();
  return (config.getOptionalConfigArray('interchange.meshes') ?? []).map(
    (m, i) => {
      const key = `interchange.meshes[${i}]`;
      const id = m.getString('id');
      checkId(id, `${key}.id`, seen);
      const type = m.getString('type');
      if (!TYPES.includes(type as MeshConfigType)) {
        throw new Error(
          `${key}.type: '${type}' is not supported; use one of ${TYPES.join(
            ', ',
          )}`,
        );
      }
      const consulUrl = httpUrl(
        m.getOptionalString('consulUrl'),
        `${key}.consulUrl`,
        'http://consul.internal:8500',
      );
      if (consulUrl && type !== 'consul') {
        throw new Error(
          `${key}.consulUrl: only Consul meshes have an intentions API; remove consulUrl or set type: consul`,
        );
      }
      const prometheusUrl = httpUrl(
        m.getOptionalString('prometheusUrl'),
        `${key}.prometheusUrl`,
        'http://prometheus.istio-system:9090',
      );
      if (prometheusUrl && type === 'consul') {
        throw new Error(
          `${key}.prometheusUrl: Interchange reads the request metrics of Istio and Linkerd meshes only; remove prometheusUrl from this Consul mesh`,
        );
      }
      const files = m.getOptionalStringArray('files') ?? [];
      if (!files.length && !consulUrl && !prometheusUrl) {
        throw new Error(
          `${key}: set files (policy files), consulUrl (Consul) or prometheusUrl; a mesh with none of them has nothing to read`,
        );
      }
      const window = m.getOptionalString('window') ?? '7d';
      const w = DURATION.exec(window);
      if (!w || Number(w[1]) <= 0) {
        throw new Error(
          `${key}.window: '${window}' is not a duration; write e.g. '30m', '24h' or '7d'`,
        );
      }
      const defaultPolicy = m.getOptionalString('defaultPolicy') ?? 'allow';
      if (defaultPolicy !== 'allow' && defaultPolicy !== 'deny') {
        throw new Error(
          `${key}.defaultPolicy: '${defaultPolicy}' must be allow or deny (Consul's acl.default_policy)`,
        );
      }
      return {
        id,
        type: type as MeshConfigType,
        title: m.getOptionalString('title') ?? id,
        files,
        consulUrl,
        consulToken: m.getOptionalString('consulToken'),
        defaultPolicy,
        prometheusUrl,
        windowSeconds: Number(w[1]) * UNIT[w[2] as keyof typeof UNIT],
        requestTimeoutMs: m.getOptionalNumber('requestTimeoutMs') ?? 10_000,
      };
    },
  );
}
