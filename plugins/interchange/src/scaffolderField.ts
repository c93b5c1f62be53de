import {
  KafkaTopicNamePicker,
  kafkaTopicNameValidation,
} from './components/KafkaTopicNamePicker';

/** The scaffolder field, as both frontend systems register it. */
export const kafkaTopicNameField = {
  name: 'KafkaTopicNamePicker',
  component: KafkaTopicNamePicker,
  validation: kafkaTopicNameValidation,
};
