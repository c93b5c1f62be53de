import { isApigeeBundle, parseApigeeBundle } from './apigee';
import { isAwsApiTemplate, parseAwsApiGatewayExport } from './awsApiGateway';
import { GatewayConfigFormat, GatewayFormatRegistry } from './formatRegistry';
import { parseGatewayApiDocument } from './gatewayApi';
import { parseIstioDocument } from './istio';
import { parseKongConfig } from './kong';

/** Kong declarative configuration (decK, `kong.yml`). @public */
export const kongFormat: GatewayConfigFormat = {
  id: 'kong',
  title: 'Kong declarative config',
  detect: d =>
    d._format_version !== undefined ||
    Array.isArray(d.services) ||
    Array.isArray(d.routes),
  parse: parseKongConfig,
};

/** Kubernetes Gateway API (`HTTPRoute`). @public */
export const gatewayApiFormat: GatewayConfigFormat = {
  id: 'gateway-api',
  title: 'Gateway API',
  detect: d =>
    String(d.apiVersion ?? '').startsWith('gateway.networking.k8s.io/'),
  parse: parseGatewayApiDocument,
};

/** Istio (`VirtualService`). @public */
export const istioFormat: GatewayConfigFormat = {
  id: 'istio',
  title: 'Istio',
  detect: d => String(d.apiVersion ?? '').startsWith('networking.istio.io/'),
  parse: parseIstioDocument,
};

/** AWS API Gateway OpenAPI export, or a SAM / CloudFormation template with an API. @public */
export const awsApiGatewayFormat: GatewayConfigFormat = {
  id: 'aws-api-gateway',
  title: 'AWS API Gateway export',
  detect: d =>
    Boolean((d.swagger || d.openapi) && d.paths) || isAwsApiTemplate(d),
  parse: parseAwsApiGatewayExport,
};

/** Apigee API proxy bundle (the `apiproxy/` folder or its zip export). @public */
export const apigeeFormat: GatewayConfigFormat = {
  id: 'apigee',
  title: 'Apigee API proxy bundle',
  detectBundle: isApigeeBundle,
  parseBundle: parseApigeeBundle,
};

/**
 * The formats Interchange reads out of the box, in the order they are
 * registered. Later ones are asked first, so an OpenAPI export that also
 * has a `routes` list is read as AWS, not Kong; the Kubernetes ones are told
 * apart by apiVersion.
 *
 * @public
 */
export const builtinGatewayFormats: readonly GatewayConfigFormat[] = [
  kongFormat,
  gatewayApiFormat,
  istioFormat,
  awsApiGatewayFormat,
  apigeeFormat,
];

/** A registry holding the built-in formats, for callers to add their own to. @public */
export function createGatewayFormatRegistry(): GatewayFormatRegistry {
  return new GatewayFormatRegistry([...builtinGatewayFormats]);
}
