/**
 * Backend library shared by the Interchange backend plugin and modules:
 * configuration, and (as they land) the Kafka access layer and the safe
 * webhook sender.
 *
 * @packageDocumentation
 */
export * from './config/readInterchangeConfig';
export * from './kafka';
export * from './webhooks';
export * from './gateways';
