import { ActualTopic } from '@interchange/plugin-interchange-common';
import { KafkaTopicState } from '../schema/openapi/generated/models';

/**
 * A topic's live state in the form drift compares it with the entity
 * (computeTopicDrift); undefined when the topic does not exist.
 */
export function actualTopicOf(state: KafkaTopicState): ActualTopic | undefined {
  return state.exists
    ? {
        partitions: state.partitions.length,
        replicationFactor: state.replicationFactor,
        configs: Object.fromEntries(state.configs.map(c => [c.name, c.value])),
      }
    : undefined;
}
