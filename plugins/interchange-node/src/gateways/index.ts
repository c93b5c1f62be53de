export { KongAdminClient } from './KongAdminClient';
export type { KongSnapshot } from './KongAdminClient';
