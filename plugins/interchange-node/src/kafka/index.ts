export * from './types';
export { KafkaClusters, createKafkaAdminClient } from './KafkaClusters';
export { describeKafkaError } from './kafkaErrors';
export { KafkajsAdminClient } from './KafkajsAdminClient';
export { PlatformaticAdminClient } from './PlatformaticAdminClient';
