export type {
  CollapsedEdge,
  IntegrationEdgeStyle,
  IntegrationGraph,
  IntegrationGraphEdge,
  IntegrationGraphLink,
  IntegrationGraphNode,
  IntegrationGraphSkip,
  IntegrationNodeCategory,
} from './types';
export type { IntegrationKindMapping, IntegrationRefField } from './kinds';
export { DEFAULT_INTEGRATION_KINDS } from './kinds';
export { buildIntegrationGraph } from './buildIntegrationGraph';
export type { BuildIntegrationGraphOptions } from './buildIntegrationGraph';
export { impact } from './impact';
export type {
  ImpactDirection,
  ImpactEntry,
  ImpactOptions,
  ImpactResult,
} from './impact';
export {
  collapsedFrom,
  linksFrom,
  readersOf,
  skippedFor,
  writersOf,
} from './queries';
