/***/
/**
 * The interchange backend module for the catalog plugin.
 *
 * @packageDocumentation
 */

export { catalogModuleInterchange as default } from './module';
