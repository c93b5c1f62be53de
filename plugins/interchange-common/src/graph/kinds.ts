import { IntegrationEdgeStyle } from './types';

/**
 * A spec field naming entities, with the kind a bare name means (as the
 * catalog module's relation emitter reads it).
 *
 * @public
 */
export interface IntegrationRefField {
  field: string;
  defaultKind: string;
  /**
   * When the field is a list of objects, the key of each object that holds
   * the ref, e.g. `exchange` in a queue's `bindings`.
   */
  itemKey?: string;
}

/**
 * How one integration kind becomes graph edges. Adding a kind (RabbitMQ
 * exchanges and queues, mesh routes) is one more entry of this shape; the
 * graph, the collapsed view, impact and the rules need no change.
 *
 * @public
 */
export interface IntegrationKindMapping {
  /** The catalog kind, e.g. `KafkaTopic` (matched case-insensitively). */
  kind: string;
  style: IntegrationEdgeStyle;
  sync: boolean;
  /** Spec fields naming who puts data in (edges writer -> integration). */
  writers: IntegrationRefField[];
  /** Spec fields naming who it delivers to (edges integration -> reader). */
  readers: IntegrationRefField[];
  /**
   * Relation pair meaning "writes to": `[on the integration, on the writer]`,
   * e.g. `['producedBy', 'producesTo']`.
   */
  writerRelations: readonly [string, string];
  /** Relation pair meaning "delivers to": `[on the integration, on the reader]`. */
  readerRelations: readonly [string, string];
  /** Spec field with an external destination URL, used when there is no reader. */
  externalUrlField?: string;
  /** Spec fields that are structural links, e.g. `schema` -> describedBy an API. */
  links?: Array<IntegrationRefField & { type: string }>;
}

/**
 * The built-in integration kinds. Field and relation names are those of
 * `emitInterchangeRelations` in the catalog module.
 *
 * @public
 */
export const DEFAULT_INTEGRATION_KINDS: readonly IntegrationKindMapping[] = [
  {
    kind: 'KafkaTopic',
    style: 'event',
    sync: false,
    writers: [{ field: 'producers', defaultKind: 'Component' }],
    readers: [{ field: 'consumers', defaultKind: 'Component' }],
    writerRelations: ['producedBy', 'producesTo'],
    readerRelations: ['consumedBy', 'consumesFrom'],
    links: [{ field: 'schema', defaultKind: 'API', type: 'describedBy' }],
  },
  {
    kind: 'Webhook',
    style: 'webhook',
    sync: false,
    writers: [{ field: 'sender', defaultKind: 'Component' }],
    readers: [{ field: 'receiver', defaultKind: 'Component' }],
    writerRelations: ['producedBy', 'producesTo'],
    readerRelations: ['consumedBy', 'consumesFrom'],
    externalUrlField: 'url',
    links: [{ field: 'schema', defaultKind: 'API', type: 'describedBy' }],
  },
  {
    // producer -> exchange; the exchange's readers are the queues bound to it.
    kind: 'RabbitMQExchange',
    style: 'event',
    sync: false,
    writers: [{ field: 'producers', defaultKind: 'Component' }],
    readers: [],
    writerRelations: ['producedBy', 'producesTo'],
    readerRelations: ['boundFrom', 'boundTo'],
    links: [{ field: 'schema', defaultKind: 'API', type: 'describedBy' }],
  },
  {
    // exchange -> queue -> consumer: a queue's writers are its exchanges.
    kind: 'RabbitMQQueue',
    style: 'event',
    sync: false,
    writers: [
      {
        field: 'bindings',
        itemKey: 'exchange',
        defaultKind: 'RabbitMQExchange',
      },
    ],
    readers: [{ field: 'consumers', defaultKind: 'Component' }],
    writerRelations: ['boundTo', 'boundFrom'],
    readerRelations: ['consumedBy', 'consumesFrom'],
  },
  {
    kind: 'GatewayRoute',
    style: 'http',
    sync: true,
    writers: [],
    readers: [{ field: 'upstream', defaultKind: 'Component' }],
    writerRelations: ['routedFrom', 'routesThrough'],
    readerRelations: ['routesTo', 'routedBy'],
    links: [{ field: 'api', defaultKind: 'API', type: 'exposes' }],
  },
];
