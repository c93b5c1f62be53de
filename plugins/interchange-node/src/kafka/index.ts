export * from './types';
export {
  KafkaClusters,
  createKafkaAdminClient,
  describeKafkaError,
} from './KafkaClusters';
export { KafkajsAdminClient } from './KafkajsAdminClient';
export { PlatformaticAdminClient } from './PlatformaticAdminClient';
