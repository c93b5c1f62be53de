import { parseAllDocuments } from 'yaml';
import { parseAwsApiGatewayExport } from './awsApiGateway';
import { parseGatewayApiDocument } from './gatewayApi';
import { parseIstioDocument } from './istio';
import { parseKongConfig } from './kong';
import { GatewayFormat, GatewayParseResult } from './types';

/** Which parser a document is for, or undefined when none is. @public */
export function detectGatewayFormat(doc: unknown): GatewayFormat | undefined {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return undefined;
  }
  const d = doc as Record<string, any>;
  const apiVersion = String(d.apiVersion ?? '');
  if (apiVersion.startsWith('gateway.networking.k8s.io/')) {
    return 'gateway-api';
  }
  if (apiVersion.startsWith('networking.istio.io/')) {
    return 'istio';
  }
  if ((d.swagger || d.openapi) && d.paths) {
    return 'aws-api-gateway';
  }
  if (
    d._format_version !== undefined ||
    Array.isArray(d.services) ||
    Array.isArray(d.routes)
  ) {
    return 'kong';
  }
  return undefined;
}

/**
 * Every route in a gateway configuration file (YAML or JSON, one or several
 * documents), whatever its format, and everything that was skipped with the
 * reason. Throws only for text that is not YAML/JSON at all.
 *
 * @public
 */
export function parseGatewayConfig(text: string): GatewayParseResult & {
  formats: GatewayFormat[];
} {
  const result: GatewayParseResult & { formats: GatewayFormat[] } = {
    routes: [],
    skipped: [],
    formats: [],
  };
  const docs = parseAllDocuments(text);
  (Array.isArray(docs) ? docs : [docs]).forEach((d, i) => {
    if (d.errors.length) {
      throw new Error(
        `document ${i + 1}: ${d.errors[0].message.split('\n')[0]}`,
      );
    }
    const doc = d.toJS({ maxAliasCount: 100 });
    if (doc === null || doc === undefined) {
      return;
    }
    const format = detectGatewayFormat(doc);
    let parsed: GatewayParseResult;
    switch (format) {
      case 'kong':
        parsed = parseKongConfig(doc, i);
        break;
      case 'gateway-api':
        parsed = parseGatewayApiDocument(doc, i);
        break;
      case 'istio':
        parsed = parseIstioDocument(doc, i);
        break;
      case 'aws-api-gateway':
        parsed = parseAwsApiGatewayExport(doc, i);
        break;
      default:
        result.skipped.push({
          document: i,
          kind: String((doc as { kind?: unknown }).kind ?? typeof doc),
          name: (doc as { metadata?: { name?: string } }).metadata?.name,
          reason:
            'not a gateway configuration this parser knows (Kong declarative config, Gateway API, Istio, AWS API Gateway export)',
        });
        return;
    }
    if (!result.formats.includes(format)) {
      result.formats.push(format);
    }
    result.routes.push(...parsed.routes);
    result.skipped.push(...parsed.skipped);
  });
  return result;
}
