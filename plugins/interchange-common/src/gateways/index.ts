export * from './types';
export { parseKongConfig } from './kong';
export { parseGatewayApiDocument } from './gatewayApi';
export { parseIstioDocument } from './istio';
export { parseAwsApiGatewayExport } from './awsApiGateway';
export { parseApigeeBundle } from './apigee';
export {
  checkBundleFiles,
  isBundleConfigPath,
  readZipBundle,
} from './bundleFiles';
export { detectGatewayFormat, parseGatewayConfig } from './parseGatewayConfig';
export { GatewayDocumentError, GatewayFormatRegistry } from './formatRegistry';
export type {
  GatewayConfigFormat,
  GatewayFileParseResult,
} from './formatRegistry';
export {
  apigeeFormat,
  awsApiGatewayFormat,
  builtinGatewayFormats,
  createGatewayFormatRegistry,
  gatewayApiFormat,
  istioFormat,
  kongFormat,
} from './builtinFormats';
export {
  KONG_AUTH_PLUGIN_FOR,
  KONG_AUTH_PLUGINS,
  KONG_RATE_LIMIT_PLUGINS,
  quotedChoices,
  RATE_LIMIT_PERIODS,
  ROUTE_AUTHENTICATIONS,
} from './routePolicy';
export {
  ANNOTATION_ROUTE_LOCATION,
  ANNOTATION_ROUTE_SOURCE,
  ANNOTATION_UPSTREAM_UNMATCHED,
  linkedRouteToEntity,
  matchUpstreamComponent,
  routeEntityName,
  routeToEntity,
} from './routeEntities';
export type { RouteEntityOptions } from './routeEntities';
export { ANNOTATION_ROUTE_DRIFT, computeRouteDrift } from './drift';
export type { RouteDrift } from './drift';
