import { Readable } from 'node:stream';
import { AuthService } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';

/** The search document type (index) of Interchange's integration entities. */
export const INTERCHANGE_SEARCH_TYPE = 'interchange';

/** Kinds indexed; the RabbitMQ kinds are included when the catalog has them. */
export const INTERCHANGE_SEARCH_KINDS = [
  'KafkaTopic',
  'GatewayRoute',
  'Webhook',
  'RabbitMQExchange',
  'RabbitMQQueue',
];

/**
 * One integration entity in the search index. Every document has every key
 * (Lunr takes its fields from the first document), empty when not relevant.
 */
export interface InterchangeDocument extends IndexableDocument {
  kind: string;
  owner: string;
  system: string;
  cluster: string;
  topicName: string;
  producers: string;
  consumers: string;
  consumerGroups: string;
  gateway: string;
  paths: string;
  events: string;
  url: string;
}

function list(v: unknown): string[] {
  if (Array.isArray(v)) {
    return v.map(x => String(x));
  }
  return v === undefined || v === null ? [] : [String(v)];
}

function consumerRefs(spec: Record<string, any>): {
  refs: string[];
  groups: string[];
} {
  const refs: string[] = [];
  const groups: string[] = [];
  for (const c of Array.isArray(spec.consumers) ? spec.consumers : []) {
    if (typeof c === 'string') {
      refs.push(c);
    } else if (c && typeof c === 'object') {
      if (c.entityRef) refs.push(String(c.entityRef));
      if (c.consumerGroup) groups.push(String(c.consumerGroup));
    }
  }
  return { refs, groups };
}

/** The document of one entity: its searchable fields as text. */
export function toInterchangeDocument(entity: Entity): InterchangeDocument {
  const spec = (entity.spec ?? {}) as Record<string, any>;
  const { refs: consumers, groups } = consumerRefs(spec);
  const routes = Array.isArray(spec.routes) ? spec.routes : [];
  const paths = [
    ...list(spec.path),
    ...list(spec.paths),
    ...routes.flatMap((r: any) => list(r?.path ?? r?.paths)),
  ];
  const namespace = entity.metadata.namespace ?? 'default';
  const fields = {
    kind: entity.kind,
    owner: String(spec.owner ?? ''),
    system: String(spec.system ?? ''),
    cluster: String(spec.cluster ?? spec.broker ?? ''),
    topicName: String(
      spec.topicName ??
        (entity.kind === 'KafkaTopic' ? entity.metadata.name : ''),
    ),
    producers: [...list(spec.producers), ...list(spec.sender)].join(' '),
    consumers: [
      ...consumers,
      ...list(spec.receiver),
      ...list(spec.upstream),
    ].join(' '),
    consumerGroups: groups.join(' '),
    gateway: String(spec.gateway ?? ''),
    paths: paths.join(' '),
    events: list(spec.events).join(' '),
    url: String(spec.url ?? ''),
  };
  return {
    title: entity.metadata.title ?? entity.metadata.name,
    // The text holds the fields too, so a plain query (a path, a group name)
    // finds the entity whatever field it is in.
    text: [
      entity.metadata.description ?? '',
      entity.metadata.name,
      fields.topicName,
      fields.paths,
      fields.consumerGroups,
      fields.producers,
      fields.consumers,
      fields.events,
      fields.gateway,
      fields.cluster,
    ]
      .filter(Boolean)
      .join(' '),
    location: `/catalog/${namespace}/${entity.kind.toLocaleLowerCase(
      'en-US',
    )}/${entity.metadata.name}`,
    authorization: { resourceRef: stringifyEntityRef(entity) },
    ...fields,
  };
}

/**
 * Collates KafkaTopic, GatewayRoute, Webhook and RabbitMQ entities for
 * Backstage search (type `interchange`), read with the plugin's own
 * credentials; results are filtered per user by catalog read permission.
 */
export class InterchangeCollatorFactory implements DocumentCollatorFactory {
  readonly type = INTERCHANGE_SEARCH_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<InterchangeDocument> {
    const credentials = await this.auth.getOwnServiceCredentials();
    let cursor: string | undefined;
    do {
      const page = await this.catalog.queryEntities(
        cursor
          ? { cursor, limit: 500 }
          : { filter: { kind: INTERCHANGE_SEARCH_KINDS }, limit: 500 },
        { credentials },
      );
      for (const entity of page.items) {
        yield toInterchangeDocument(entity);
      }
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
  }
}
