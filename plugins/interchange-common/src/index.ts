/**
 * Isomorphic types, schemas and pure logic shared by the Interchange
 * frontend and backend packages.
 *
 * @packageDocumentation
 */
export * from './entities';
export * from './validation';
export * from './kafka';
export * from './permissions/permissions';
export * from './webhooks';
export * from './gateways';
export * from './graph';
export * from './checks';
