import { Config } from '@backstage/config';
import { checkId } from './checkId';

/** @public */
export interface GatewayConfig {
  id: string;
  type: 'kong' | 'gateway-api' | 'istio' | 'aws-api-gateway';
  title: string;
  /** Kong only: Admin API base URL, read live by the gateway provider. */
  adminUrl?: string;
  /** Kong Admin API token (sent as `Kong-Admin-Token`). */
  token?: string;
  /** Kong Enterprise workspace. */
  workspace?: string;
  /** Globs of configuration files (relative to the backend's working directory). */
  files: string[];
  /** Owner of routes whose upstream matches no component. */
  defaultOwner?: string;
  /** System of routes whose upstream matches no component. */
  defaultSystem?: string;
  /** Per Admin API request, in milliseconds. Default 10000. */
  requestTimeoutMs: number;
}

const GATEWAY_TYPES = ['kong', 'gateway-api', 'istio', 'aws-api-gateway'];

/**
 * Reads `interchange.gateways`.
 *
 * @public
 */
export function readGateways(config: Config): GatewayConfig[] {
  const seen = new Set<string>();
  return (config.getOptionalConfigArray('interchange.gateways') ?? []).map(
    (g, i) => {
      const key = `interchange.gateways[${i}]`;
      const id = g.getString('id');
      checkId(id, `${key}.id`, seen);
      const type = g.getString('type');
      if (!GATEWAY_TYPES.includes(type)) {
        throw new Error(
          `${key}.type: '${type}' is not supported; use one of ${GATEWAY_TYPES.join(
            ', ',
          )}`,
        );
      }
      const adminUrl = g.getOptionalString('adminUrl');
      if (adminUrl !== undefined) {
        if (type !== 'kong') {
          throw new Error(
            `${key}.adminUrl: only Kong gateways are read through an Admin API; remove adminUrl or set type: kong`,
          );
        }
        if (!/^https?:\/\/[^\s]+$/.test(adminUrl)) {
          throw new Error(
            `${key}.adminUrl: '${adminUrl}' is not an http(s) URL; write e.g. 'http://kong-admin.internal:8001'`,
          );
        }
      }
      return {
        id,
        type: type as GatewayConfig['type'],
        title: g.getOptionalString('title') ?? id,
        adminUrl: adminUrl?.replace(/\/+$/, ''),
        token: g.getOptionalString('token'),
        workspace: g.getOptionalString('workspace'),
        files: g.getOptionalStringArray('files') ?? [],
        defaultOwner: g.getOptionalString('defaultOwner'),
        defaultSystem: g.getOptionalString('defaultSystem'),
        requestTimeoutMs: g.getOptionalNumber('requestTimeoutMs') ?? 10_000,
      };
    },
  );
}
