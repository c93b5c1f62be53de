/**
 * The Interchange backend plugin.
 *
 * @packageDocumentation
 */
export { interchangePlugin as default } from './plugin';
export type { CatalogProblem } from './problems/CatalogProblemsStore';
export { searchModuleInterchangeCollator } from './search/module';
export {
  InterchangeCollatorFactory,
  INTERCHANGE_SEARCH_TYPE,
  toInterchangeDocument,
} from './search/InterchangeCollatorFactory';
export type { InterchangeDocument } from './search/InterchangeCollatorFactory';
