import { DEFAULT_INTEGRATION_KINDS } from '../graph';

/**
 * Kinds the map draws or reads (owners come from `spec.owner`/`ownedBy`).
 * The browser asks the catalog for these, and the backend builds the graph
 * it lays out ahead of time from the same kinds, so both make the same jobs.
 *
 * @public
 */
export const MAP_KINDS: readonly string[] = [
  'Component',
  'System',
  'API',
  ...DEFAULT_INTEGRATION_KINDS.map(k => k.kind),
];

/**
 * Only what buildIntegrationGraph reads: names, a few spec fields, the
 * relations, and the spec fields naming writers, readers and calls (the
 * graph reads those too, so the map stays right where a processor did not
 * emit the relations).
 *
 * @public
 */
export const MAP_FIELDS: readonly string[] = [
  ...new Set(
    [
      ...DEFAULT_INTEGRATION_KINDS.flatMap(k => [
        ...k.writers,
        ...k.readers,
        ...(k.links ?? []),
      ]).map(f => f.field),
      'producesTo',
      'consumesFrom',
      'consumesApis',
      'providesApis',
      'dependsOn',
    ].map(f => `spec.${f}`),
  ),
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
  'spec.type',
  'spec.url',
  'relations',
];
