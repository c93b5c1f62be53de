export { KafkaTopicStateCard } from './KafkaTopicStateCard';
