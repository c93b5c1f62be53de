export * from './types';
export { parseKongConfig } from './kong';
export { parseGatewayApiDocument } from './gatewayApi';
export { parseIstioDocument } from './istio';
export { parseAwsApiGatewayExport } from './awsApiGateway';
export { detectGatewayFormat, parseGatewayConfig } from './parseGatewayConfig';
export {
  ANNOTATION_ROUTE_LOCATION,
  ANNOTATION_ROUTE_SOURCE,
  ANNOTATION_UPSTREAM_UNMATCHED,
  matchUpstreamComponent,
  routeEntityName,
  routeToEntity,
} from './routeEntities';
export { ANNOTATION_ROUTE_DRIFT, computeRouteDrift } from './drift';
export type { RouteDrift } from './drift';
