import type { GatewayRouteEntityV1alpha1 } from '../entities/types';

/** The configuration formats Interchange reads out of the box. @public */
export type BuiltinGatewayFormat =
  | 'kong'
  | 'gateway-api'
  | 'istio'
  | 'aws-api-gateway'
  | 'apigee';

/**
 * The id of a configuration format: a built-in one, or one an adopter
 * registered (see GatewayFormatRegistry).
 *
 * @public
 */
export type GatewayFormat = BuiltinGatewayFormat | (string & {});

/** Where a route's traffic goes, as the gateway configuration says. @public */
export interface RouteUpstream {
  /**
   * `url`: an HTTP(S) URL; `service`: a Kubernetes Service or mesh host (or
   * an Apigee TargetServer, by name); `lambda`: an AWS Lambda function;
   * `mock`: answered by the gateway itself.
   */
  kind: 'url' | 'service' | 'lambda' | 'mock';
  /** Host name of the upstream (URL host, Service name, mesh host). */
  host?: string;
  url?: string;
  port?: number;
  namespace?: string;
  /** Traffic share when a route splits between several upstreams. */
  weight?: number;
  /** Istio subset, e.g. `v2`. */
  subset?: string;
  /** The gateway's own name for the upstream: Kong service, Apigee TargetEndpoint. */
  name?: string;
  /** A private connection the gateway reaches it through, e.g. `VPC link ${stageVariables.vpcLinkId}`. */
  via?: string;
}

/** How a path matches. @public */
export type PathMatch = 'prefix' | 'exact' | 'regex' | 'template';

/**
 * One route of one gateway, the same shape whatever the configuration
 * format: what the GatewayRoute entity model needs, plus where it came from.
 *
 * @public
 */
export interface NormalizedRoute {
  format: GatewayFormat;
  /** Route name in the configuration (unique per source document). */
  name: string;
  /** Listener hosts; empty means any host. */
  hosts: string[];
  /** Each starts with `/`, or `~/` for a regular expression (as in GatewayRoute). */
  paths: string[];
  /** How each path of `paths` matches. */
  pathMatch: PathMatch[];
  /** Upper case; empty means every method. */
  methods: string[];
  upstreams: RouteUpstream[];
  authentication?: NonNullable<
    GatewayRouteEntityV1alpha1['spec']['authentication']
  >;
  rateLimit?: NonNullable<GatewayRouteEntityV1alpha1['spec']['rateLimit']>;
  /** Gateway plugins / policies by name, for drift and display. */
  plugins: string[];
  /** Kubernetes Gateway or Istio gateway names the route attaches to; `mesh` for Istio sidecars. */
  parents: string[];
  /** Extra conditions the path model cannot express (headers, query). */
  conditions: string[];
  source: {
    /** 0-based index of the YAML document in its file (0 for a bundle). */
    document: number;
    /** e.g. `services[0].routes[0]`, `HTTPRoute foo-route rules[1]`, `apiproxy/proxies/default.xml Flow getOrder`. */
    location: string;
  };
}

/** Something a parser did not turn into a route, and why. @public */
export interface SkippedItem {
  document: number;
  /** e.g. `TCPRoute`, `Gateway`, `route`. */
  kind: string;
  name?: string;
  reason: string;
}

/** @public */
export interface GatewayParseResult {
  routes: NormalizedRoute[];
  skipped: SkippedItem[];
}

/**
 * One file of a configuration bundle (a folder read as a whole, such as an
 * Apigee API proxy): its path inside the bundle, with `/` separators, and
 * its text.
 *
 * @public
 */
export interface BundleFile {
  path: string;
  text: string;
}
