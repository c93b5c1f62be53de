/**
 * Isomorphic types, schemas and pure logic shared by the Interchange
 * frontend and backend packages.
 *
 * @packageDocumentation
 */
export * from './entities';
export * from './validation';
export * from './limits';
export * from './kafka';
export * from './rabbitmq';
export * from './liveState';
export * from './permissions/permissions';
export * from './webhooks';
export * from './gateways';
export * from './mesh';
export * from './graph';
export * from './checks';
export * from './strategy';
export * from './map';
// The HTTP contract's client and models, generated from the backend's
// OpenAPI spec (yarn --cwd plugins/interchange-backend generate).
export { DefaultApiClient } from './schema/openapi';
export type { RequestOptions, TypedResponse } from './schema/openapi';
export type * from './schema/openapi/generated/models';
