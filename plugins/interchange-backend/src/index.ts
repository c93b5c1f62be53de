/**
 * The Interchange backend plugin.
 *
 * @packageDocumentation
 */
export { interchangePlugin as default } from './plugin';
export type { CatalogProblem } from './problems/CatalogProblemsStore';
