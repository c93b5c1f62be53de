/**
 * Helpers for tests that talk to the real Kafka broker of
 * `scripts/kafka/start.sh`.
 *
 * @packageDocumentation
 */
export * from './testUtils/kafka';
export * from './testUtils/kongAdmin';
export * from './testUtils/rabbitmq';
export * from './testUtils/privateServices';
export * from './testUtils/clustersWithHook';
export { freePort } from './testUtils/freePort';
export { captureScheduler } from './testUtils/schedulerCapture';
