export {
  readKafkaClusters,
  type KafkaClusterConfig,
  type KafkaSaslConfig,
  type KafkaTlsConfig,
} from './readKafkaClusters';
export {
  readGateways,
  type BuiltinGatewayType,
  type GatewayConfig,
  type ReadGatewaysOptions,
} from './readGateways';
export {
  readRabbitMQBrokers,
  type RabbitMQBrokerConfig,
  type RabbitMQTlsConfig,
} from './readRabbitMQBrokers';
export {
  readMeshes,
  type MeshConfig,
  type MeshConfigType,
} from './readMeshes';
export { readInputLimits } from './readInputLimits';
