export { KafkaTopicStateCard } from './KafkaTopicStateCard';
export { KafkaConsumerGroupsCard } from './KafkaConsumerGroupsCard';
