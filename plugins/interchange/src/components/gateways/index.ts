export { GatewayRouteDriftCard } from './GatewayRouteDriftCard';
export { RoutesPage } from './RoutesPage';
export { EntityRoutesCard } from './EntityRoutesCard';
