export { KafkaConsumerGroupsCard } from './KafkaConsumerGroupsCard';
