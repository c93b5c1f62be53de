import { Entity } from '@backstage/catalog-model';

/**
 * How an integration moves data: `event` (producer -> topic -> consumer),
 * `webhook` (sender -> webhook -> receiver or URL), `http` (API calls,
 * `dependsOn`, route -> upstream), `mesh` (service-mesh calls).
 *
 * @public
 */
export type IntegrationEdgeStyle = 'event' | 'webhook' | 'http' | 'mesh';

/**
 * What a node stands for. Integration entities (topics, routes, webhooks and
 * the kinds added later) are `integration`; a webhook's external URL is an
 * `external` node whose ref is `url:<url>`.
 *
 * @public
 */
export type IntegrationNodeCategory =
  | 'component'
  | 'system'
  | 'group'
  | 'api'
  | 'resource'
  | 'integration'
  | 'external';

/** @public */
export interface IntegrationGraphNode {
  /** `kind:namespace/name`, lower case. */
  ref: string;
  /** Lower-case kind, e.g. `kafkatopic`. */
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  category: IntegrationNodeCategory;
  /** Owner ref (`group:default/team-a`) as declared, lower case. */
  owner?: string;
  /** System ref the entity is part of, lower case. */
  system?: string;
  lifecycle?: string;
  type?: string;
  /** For integration nodes: the mapping that produced its edges. */
  integrationKind?: string;
  /** For integration nodes: the style of their edges. */
  style?: IntegrationEdgeStyle;
  /** For integration nodes: whether calls through them are synchronous. */
  sync?: boolean;
  /** The catalog entity (absent for external nodes). */
  entity?: Entity;
}

/**
 * A directed edge in the direction data or calls travel: producer -> topic,
 * topic -> consumer, caller -> API -> provider, route -> upstream.
 *
 * @public
 */
export interface IntegrationGraphEdge {
  from: string;
  to: string;
  style: IntegrationEdgeStyle;
  /** Synchronous: the caller waits for the callee (http, mesh). */
  sync: boolean;
  /** The relation (catalog name) this edge was built from. */
  relation: string;
}

/**
 * A structural link that is not a data flow: a route exposes an API, a topic
 * is described by an API, a component depends on a resource.
 *
 * @public
 */
export interface IntegrationGraphLink {
  from: string;
  to: string;
  type: string;
}

/**
 * A component -> component (or system -> system) edge of the collapsed
 * view, labelled with the channels (topics, webhooks, APIs) it goes through.
 *
 * @public
 */
export interface CollapsedEdge {
  from: string;
  to: string;
  styles: IntegrationEdgeStyle[];
  /** True when at least one channel is synchronous. */
  sync: boolean;
  /** Channel refs; the target component's ref for a direct `dependsOn` or mesh call. */
  channels: string[];
  /** Each channel with its own style and sync flag. */
  via: Array<{ channel: string; style: IntegrationEdgeStyle; sync: boolean }>;
}

/**
 * Something the graph could not use, and why. Rules copy the entries of the
 * entities they report into the finding's details.
 *
 * @public
 */
export interface IntegrationGraphSkip {
  /** The entity whose field held the reference (or the duplicate entity). */
  entityRef: string;
  reason:
    | 'unresolved-ref'
    | 'invalid-ref'
    | 'self-loop'
    | 'duplicate-entity'
    | 'fan-out'
    | 'unsupported-kind';
  /** The reference or field concerned. */
  ref?: string;
  message: string;
}

/** @public */
export interface IntegrationGraph {
  nodes: Map<string, IntegrationGraphNode>;
  edges: IntegrationGraphEdge[];
  links: IntegrationGraphLink[];
  /** Edges by `from` ref. */
  outgoing: Map<string, IntegrationGraphEdge[]>;
  /** Edges by `to` ref. */
  incoming: Map<string, IntegrationGraphEdge[]>;
  collapsed: {
    components: CollapsedEdge[];
    systems: CollapsedEdge[];
  };
  /** Every entity ref in the input, whatever its kind (owners may be users). */
  known: Set<string>;
  skipped: IntegrationGraphSkip[];
}
