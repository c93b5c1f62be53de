export * from './types';
export { parseKongConfig } from './kong';
export { parseGatewayApiDocument } from './gatewayApi';
export { parseIstioDocument } from './istio';
export { parseAwsApiGatewayExport } from './awsApiGateway';
export { detectGatewayFormat, parseGatewayConfig } from './parseGatewayConfig';
