import {
  builtinGatewayFormats,
  createGatewayFormatRegistry,
} from './builtinFormats';
import { GatewayDocumentError, GatewayFormatRegistry } from './formatRegistry';
import { parseGatewayConfig } from './parseGatewayConfig';
import { testEdgeProxyFormat } from '../testUtils/edgeProxyFormat';

const EDGE = `
kind: EdgeProxy
routes:
- { name: orders, path: /orders, to: 'http://order-service:8080' }
`;

describe('GatewayFormatRegistry', () => {
  it('holds the five built-in formats in order, and describes them for messages', () => {
    const registry = createGatewayFormatRegistry();
    expect(registry.list().map(f => f.id)).toEqual([
      'kong',
      'gateway-api',
      'istio',
      'aws-api-gateway',
      'apigee',
    ]);
    expect(registry.describe()).toBe(
      'Kong declarative config, Gateway API, Istio, AWS API Gateway export, Apigee API proxy bundle',
    );
    expect(builtinGatewayFormats).toHaveLength(5);
  });

  it('asks later formats first: an added format claims a document Kong would take', () => {
    const builtins = createGatewayFormatRegistry();
    expect(builtins.detect({ kind: 'EdgeProxy', routes: [] })?.id).toBe('kong');
    const registry = createGatewayFormatRegistry();
    registry.add(testEdgeProxyFormat);
    expect(registry.detect({ kind: 'EdgeProxy', routes: [] })?.id).toBe(
      'edge-proxy',
    );
    // Built-ins keep today's precedence: an OpenAPI export with a routes list is AWS.
    expect(
      registry.detect({ openapi: '3.0.1', paths: {}, routes: [] })?.id,
    ).toBe('aws-api-gateway');
    expect(registry.detect('text')).toBeUndefined();
    expect(registry.detect([{ routes: [] }])).toBeUndefined();
  });

  it('parses files with added formats next to built-in ones, document by document', () => {
    const registry = createGatewayFormatRegistry();
    registry.add(testEdgeProxyFormat);
    const result = parseGatewayConfig(
      `${EDGE}---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: web }
spec:
  rules:
  - backendRefs: [{ name: storefront-web, port: 80 }]
`,
      registry,
    );
    expect(result.formats).toEqual(['edge-proxy', 'gateway-api']);
    expect(result.routes.map(r => [r.format, r.name])).toEqual([
      ['edge-proxy', 'orders'],
      ['gateway-api', 'web'],
    ]);
    // The default registry has no idea about the added format.
    expect(parseGatewayConfig(EDGE).formats).toEqual(['kong']);
  });

  it("sets each route's format to the id of the format that read it", () => {
    const registry = new GatewayFormatRegistry([
      { ...testEdgeProxyFormat, id: 'edge-proxy-v2' },
    ]);
    expect(registry.parse(EDGE).routes[0].format).toBe('edge-proxy-v2');
  });

  it('names every format it knows when a document matches none', () => {
    const registry = createGatewayFormatRegistry();
    registry.add(testEdgeProxyFormat);
    expect(
      registry.parse('kind: Something\nmetadata: { name: x }').skipped,
    ).toEqual([
      {
        document: 0,
        kind: 'Something',
        name: 'x',
        reason:
          'not a gateway configuration this parser knows (Kong declarative config, Gateway API, Istio, AWS API Gateway export, EdgeProxy manifest)',
      },
    ]);
  });

  it("fails the whole file, naming the document and the format, when a format's parser throws", () => {
    const registry = new GatewayFormatRegistry([
      {
        ...testEdgeProxyFormat,
        parse: () => {
          throw new TypeError('routes is not iterable');
        },
      },
    ]);
    let error: unknown;
    try {
      registry.parse(`a: 1\n---${EDGE}`);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GatewayDocumentError);
    expect(error).toMatchObject({
      message: 'document 2 (EdgeProxy manifest): routes is not iterable',
      document: 1,
      format: 'edge-proxy',
    });
  });

  it('refuses malformed formats and duplicate ids with the field and the fix', () => {
    const registry = createGatewayFormatRegistry();
    expect(() =>
      registry.add({ ...testEdgeProxyFormat, id: 'Edge Proxy' }),
    ).toThrow(
      "gateway configuration format 'Edge Proxy': id must be lower case letters, digits and '-' (at most 63), e.g. 'apigee'",
    );
    expect(() => registry.add({ ...testEdgeProxyFormat, title: '' })).toThrow(
      "gateway configuration format 'edge-proxy': set title",
    );
    expect(() =>
      registry.add({ ...testEdgeProxyFormat, parse: undefined as any }),
    ).toThrow('detect(doc) and parse(doc, document) must be functions');
    expect(() => registry.add({ ...testEdgeProxyFormat, id: 'kong' })).toThrow(
      "gateway configuration format 'kong' is already registered; give the new format another id",
    );
  });

  it('still refuses YAML alias bombs and text that is not YAML', () => {
    const registry = createGatewayFormatRegistry();
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 8 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(
            98 + i,
          )} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(',')}]`,
      ),
    ].join('\n');
    expect(() => registry.parse(bomb)).toThrow(/^document 1: .*alias/i);
    expect(() => registry.parse('a: [1, 2')).toThrow(/^document 1: /);
  });
});
