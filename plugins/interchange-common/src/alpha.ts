/**
 * Alpha exports of the Interchange common package.
 *
 * @packageDocumentation
 */
export { interchangeCatalogModelLayer } from './entities/catalogModelLayer';
