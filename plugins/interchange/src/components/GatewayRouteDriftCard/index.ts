export { GatewayRouteDriftCard } from './GatewayRouteDriftCard';
