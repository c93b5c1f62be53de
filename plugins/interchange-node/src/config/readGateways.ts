import { Config } from '@backstage/config';
import { readNamedConfigs } from './readNamedConfigs';

/** @public */
export interface GatewayConfig {
  id: string;
  /**
   * A built-in format (`kong`, `gateway-api`, `istio`, `aws-api-gateway`) or
   * the id of a format a catalog module added through
   * `interchangeConfigFormatsExtensionPoint`.
   */
  type: BuiltinGatewayType | (string & {});
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

/** @public */
export type BuiltinGatewayType =
  | 'kong'
  | 'gateway-api'
  | 'istio'
  | 'aws-api-gateway'
  | 'apigee';

const BUILTIN_GATEWAY_TYPES: readonly BuiltinGatewayType[] = [
  'kong',
  'gateway-api',
  'istio',
  'aws-api-gateway',
  'apigee',
];

/** @public */
export interface ReadGatewaysOptions {
  /**
   * The gateway types accepted: the ids of the configuration formats the
   * backend reads. Default: the built-in formats. The catalog module passes
   * every registered format, so a format added by another module can be a
   * gateway's `type`.
   */
  types?: readonly string[];
}

/**
 * Reads `interchange.gateways`.
 *
 * @public
 */
export function readGateways(
  config: Config,
  options: ReadGatewaysOptions = {},
): GatewayConfig[] {
  const types = options.types ?? BUILTIN_GATEWAY_TYPES;
  return readNamedConfigs(
    config,
    'interchange.gateways',
    (g, { key, id, title }) => {
      const type = g.getString('type');
      if (!types.includes(type)) {
        throw new Error(
          `${key}.type: '${type}' is not supported; use one of ${types.join(
            ', ',
          )} (another format needs a catalog module that adds it through interchangeConfigFormatsExtensionPoint)`,
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
        type,
        title,
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
