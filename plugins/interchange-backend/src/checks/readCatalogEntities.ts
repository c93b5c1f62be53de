import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { DEFAULT_INTEGRATION_KINDS } from '@interchange/plugin-interchange-common';

/**
 * The kinds the integration graph reads: its node kinds, users (owners may
 * be users, and `hygiene/unowned` needs to know they exist) and every
 * integration kind.
 */
export const GRAPH_KINDS: readonly string[] = [
  'Component',
  'System',
  'Group',
  'User',
  'API',
  'Resource',
  ...DEFAULT_INTEGRATION_KINDS.map(k => k.kind),
];

/** Entities per catalog request. */
const PAGE_SIZE = 500;

/**
 * Every entity of the graph's kinds, page by page (cursor pagination, so a
 * large catalog is never one response).
 */
export async function readCatalogEntities(
  catalog: CatalogService,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const entities: Entity[] = [];
  let response = await catalog.queryEntities(
    { filter: { kind: [...GRAPH_KINDS] }, limit: PAGE_SIZE },
    { credentials },
  );
  entities.push(...response.items);
  while (response.pageInfo.nextCursor) {
    response = await catalog.queryEntities(
      { cursor: response.pageInfo.nextCursor, limit: PAGE_SIZE },
      { credentials },
    );
    entities.push(...response.items);
  }
  return entities;
}
