export {
  readKafkaClusters,
  type KafkaClusterConfig,
  type KafkaSaslConfig,
  type KafkaTlsConfig,
} from './readKafkaClusters';
export { readGateways, type GatewayConfig } from './readGateways';
