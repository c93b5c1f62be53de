import { INTERCHANGE_RELATION_PAIRS } from '@interchange/plugin-interchange-common';

/**
 * Interchange's relation types, to add to the catalog graph's `relations`:
 * the graph only draws relation types it is told about.
 *
 * @example
 * ```tsx
 * <EntityCatalogGraphCard
 *   relations={[...ALL_RELATIONS, ...interchangeGraphRelations]}
 *   relationPairs={[...ALL_RELATION_PAIRS, ...interchangeGraphRelationPairs]}
 * />
 * ```
 *
 * @public
 */
export const interchangeGraphRelations: string[] =
  INTERCHANGE_RELATION_PAIRS.flat();

/**
 * Interchange's relation pairs, for the catalog graph's `relationPairs`.
 *
 * @public
 */
export const interchangeGraphRelationPairs: [string, string][] =
  INTERCHANGE_RELATION_PAIRS.map(([a, b]) => [a, b]);
