/**
 * Backend library shared by the Interchange backend plugin and modules:
 * configuration readers, the shared services (the Kafka cluster registry),
 * the Kafka access layer, the safe webhook sender and the Kong Admin client.
 *
 * @packageDocumentation
 */
export * from './config';
export * from './services';
export * from './kafka';
export * from './rabbitmq';
export * from './liveState';
export * from './webhooks';
export * from './gateways';
export * from './mesh';
export * from './extensions/configFormats';
export * from './extensions/checkRules';
