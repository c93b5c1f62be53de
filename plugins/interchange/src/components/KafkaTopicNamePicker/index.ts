export {
  KafkaTopicNamePicker,
  kafkaTopicNameValidation,
} from './KafkaTopicNamePicker';
export type { KafkaTopicNamePickerUiOptions } from './KafkaTopicNamePicker';
