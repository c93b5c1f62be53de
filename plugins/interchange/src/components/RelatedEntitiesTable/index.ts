export { RelatedEntitiesTable } from './RelatedEntitiesTable';
export type { RelationGroup } from './RelatedEntitiesTable';
