import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { load } from 'js-yaml';
import {
  checkProperty,
  mutatedText,
  mutatedValue,
} from '../__testUtils__/properties';
import { createGatewayFormatRegistry } from './builtinFormats';
import { GatewayFileParseResult } from './formatRegistry';
import { BundleFile } from './types';

/**
 * Property-based tests of every gateway configuration parser (Kong decK,
 * Gateway API HTTPRoute, Istio VirtualService, AWS API Gateway and SAM,
 * Apigee bundles): arbitrary text, the real public files of __fixtures__
 * mutated, and their documents with one node replaced by anything. Each
 * input ends in routes or in an error that names the place (a document, a
 * file of the bundle, a line); never in a TypeError from deep inside a
 * parser, and never after more than the time limit of checkProperty.
 */
const registry = createGatewayFormatRegistry();
const dir = path.join(__dirname, '__fixtures__');
const files = fs
  .readdirSync(dir)
  .filter(f => /\.(ya?ml|json)$/.test(f))
  .sort();
const texts = files.map(f => fs.readFileSync(path.join(dir, f), 'utf8'));

/** Errors a person can act on: they say where. */
const PLACE =
  /document \d+|line \d+|offset \d+|position \d+|column \d+|the file|apiproxy\/|bundle/;

/** Crashes of the parser itself, not messages written for people. */
const CRASH =
  /is not a function|Cannot read propert|Cannot convert|undefined is not|null is not|is not iterable|Maximum call stack|Invalid array length/;

function checkError(e: unknown): void {
  expect(e).toBeInstanceOf(Error);
  const message = (e as Error).message;
  expect(message).not.toMatch(CRASH);
  expect(message).toMatch(PLACE);
}

function checkResult(result: GatewayFileParseResult): void {
  for (const r of result.routes) {
    // Route names become entity names and messages: always text.
    if (
      typeof r.name !== 'string' ||
      !r.paths.every(p => typeof p === 'string') ||
      !r.hosts.every(h => typeof h === 'string') ||
      !r.methods.every(m => typeof m === 'string') ||
      !Number.isInteger(r.source.document) ||
      typeof r.source.location !== 'string'
    ) {
      throw new Error(`a route of the wrong shape: ${JSON.stringify(r)}`);
    }
  }
  for (const s of result.skipped) {
    // A skipped item names its document and says why.
    expect(Number.isInteger(s.document)).toBe(true);
    expect(typeof s.reason).toBe('string');
    expect(s.reason.length).toBeGreaterThan(0);
  }
}

function parseText(text: string): void {
  let result: GatewayFileParseResult;
  try {
    result = registry.parse(text);
  } catch (e) {
    checkError(e);
    return;
  }
  checkResult(result);
}

describe('gateway parsers on hostile input (fast-check)', () => {
  it('has real files of every document format to mutate', () => {
    const formats = new Set(texts.flatMap(t => registry.parse(t).formats));
    expect([...formats].sort()).toEqual([
      'aws-api-gateway',
      'gateway-api',
      'istio',
      'kong',
    ]);
  });

  it('arbitrary text: routes, or an error naming the place', () => {
    checkProperty(
      'gateway parsers, arbitrary text',
      fc.oneof(
        fc.string({ maxLength: 400 }),
        fc.string({ maxLength: 400, unit: 'binary' }),
        fc.json({ maxDepth: 4 }),
      ),
      parseText,
      { numRuns: 300 },
    );
  });

  it('mutated real files: routes, or an error naming the place', () => {
    checkProperty(
      `gateway parsers, ${files.length} real files mutated`,
      mutatedText(texts),
      ({ text }) => parseText(text),
      { numRuns: 400 },
    );
  });

  it('real documents with one node replaced by any value', () => {
    const docs = texts.flatMap(t => {
      const out: unknown[] = [];
      // The fixtures are plain YAML/JSON apart from CloudFormation tags,
      // which the registry reads; here only the tagless ones are mutated.
      try {
        out.push(load(t));
      } catch {
        // multi-document or tagged: mutated as text above
      }
      return out.filter(d => d && typeof d === 'object');
    });
    expect(docs.length).toBeGreaterThan(10);
    checkProperty(
      `gateway parsers, ${docs.length} real documents with a node replaced`,
      fc.constantFrom(...docs).chain(mutatedValue),
      doc => {
        const text = JSON.stringify(doc) ?? 'null';
        parseText(text);
      },
      { numRuns: 400 },
    );
  });
});

const apigeeRoot = path.join(dir, 'apigee');
function bundle(name: string): BundleFile[] {
  const out: BundleFile[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else
        out.push({
          path: path
            .relative(path.join(apigeeRoot, name), p)
            .split(path.sep)
            .join('/'),
          text: fs.readFileSync(p, 'utf8'),
        });
    }
  };
  walk(path.join(apigeeRoot, name));
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

describe('Apigee bundles on hostile input (fast-check)', () => {
  const bundles = fs
    .readdirSync(apigeeRoot, { withFileTypes: true })
    .filter(e => e.isDirectory())
    .map(e => bundle(e.name));

  function parseBundle(bundleFiles: BundleFile[]): void {
    let result: GatewayFileParseResult;
    try {
      result = registry.parseBundle(bundleFiles);
    } catch (e) {
      checkError(e);
      return;
    }
    checkResult(result);
  }

  it('mutated XML files of real bundles: routes, or an error naming the file', () => {
    const inputs = bundles.flatMap(b =>
      b.map((f, i) => ({ bundle: b, index: i, text: f.text })),
    );
    checkProperty(
      `Apigee bundles, ${inputs.length} files of ${bundles.length} real bundles mutated`,
      fc.nat({ max: inputs.length - 1 }).chain(i =>
        mutatedText([inputs[i].text]).map(({ text }) => {
          const { bundle: b, index } = inputs[i];
          return b.map((f, j) => (j === index ? { ...f, text } : f));
        }),
      ),
      parseBundle,
      { numRuns: 300 },
    );
  });

  it('arbitrary bundle files: routes, or an error naming the file', () => {
    checkProperty(
      'Apigee bundles, arbitrary files',
      fc.array(
        fc.record({
          path: fc.oneof(
            fc.constantFrom(
              'apiproxy/proxies/default.xml',
              'apiproxy/targets/default.xml',
              'apiproxy/policies/Quota.xml',
              'apiproxy/x.xml',
            ),
            fc.string({ maxLength: 30 }).map(s => `apiproxy/${s}`),
          ),
          text: fc.oneof(
            fc.string({ maxLength: 200 }),
            fc
              .tuple(
                fc.constantFrom(
                  'ProxyEndpoint',
                  'TargetEndpoint',
                  'APIProxy',
                  'Quota',
                  'VerifyAPIKey',
                ),
                fc.string({ maxLength: 120 }),
              )
              .map(
                ([root, inner]) => `<${root} name="default">${inner}</${root}>`,
              ),
          ),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      parseBundle,
      { numRuns: 300 },
    );
  });
});
