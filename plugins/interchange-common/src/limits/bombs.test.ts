import { createGatewayFormatRegistry } from '../gateways/builtinFormats';
import { parseGatewayConfig } from '../gateways/parseGatewayConfig';
import { parseMeshConfig } from '../mesh/parseMeshConfig';
import { parseRabbitMQDefinitions } from '../rabbitmq/definitions';

/**
 * Resource bombs against every parser entry: each is answered with a clear
 * error (or, where the bomb is no bomb for that format, a result) within a
 * bounded time. The CLI and the catalog module call these same entries
 * after their readers' own size checks.
 */

/** Generous: CI shares two cores with other work. Each case is bounded by construction. */
const TIME_LIMIT_MS = 3_000;

const registry = createGatewayFormatRegistry();

const entries: Record<string, (text: string) => unknown> = {
  'gateway file (Kong, Gateway API, Istio, AWS)': text =>
    parseGatewayConfig(text),
  'Apigee bundle (XML)': text =>
    registry.parseBundle([{ path: 'apiproxy/proxies/default.xml', text }]),
  'mesh policy file': text => parseMeshConfig(text),
  'RabbitMQ definitions (JSON)': text => parseRabbitMQDefinitions(text),
};

function aliasBomb(): string {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < 12; i++) {
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  }
  return `${lines.join('\n')}\nkind: AuthorizationPolicy\nservices: *a11\n`;
}

const xmlBomb = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [',
  '<!ENTITY lol "lol">',
  ...Array.from(
    { length: 9 },
    (_, i) =>
      `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
  ),
  ']>',
  '<ProxyEndpoint name="default"><Description>&lol9;</Description></ProxyEndpoint>',
].join('\n');

// Built once: each is several MB.
const tenMegabytes = `routes:\n${'- {name: r, paths: [/a]}\n'.repeat(
  Math.ceil((10 * 1024 * 1024) / 24),
)}`.slice(0, 10 * 1024 * 1024);
const deepYaml = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
const deepJson = `{"queues": ${deepYaml}}`;
const deepXml = `${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}`;
const longLine = `# ${'x'.repeat(300 * 1024)}\n`;
const longJsonLine = `{"queues": [${Array.from(
  { length: 5_000 },
  (_, i) => `{"name": "q${i}", "vhost": "/", "durable": true}`,
).join(', ')}]}`;

type Expected = RegExp | 'result';

const TOO_BIG =
  /is 10\.0 MB; configuration files are read up to 8\.0 MB \(interchange\.inputLimits\.maxFileBytes\): split it/;
const LONG_LINE =
  /line 1 is 307202 characters long; lines are read up to 262144 \(interchange\.inputLimits\.maxLineLength\): break it/;

const cases: Array<[string, string, Record<string, Expected>]> = [
  [
    'YAML alias expansion',
    aliasBomb(),
    {
      'gateway file (Kong, Gateway API, Istio, AWS)':
        /^document 1: aliases expand to more than \d+ values/,
      'Apigee bundle (XML)': /not well-formed XML/,
      'mesh policy file': /^document 1: aliases expand to more than \d+ values/,
      'RabbitMQ definitions (JSON)': /^not JSON/,
    },
  ],
  [
    'XML entity expansion',
    xmlBomb,
    {
      // The text is a YAML scalar: nothing to read, nothing expanded.
      'gateway file (Kong, Gateway API, Istio, AWS)': 'result',
      'Apigee bundle (XML)':
        /declares a DOCTYPE or ENTITY; .*Interchange does not read DTDs: remove the declaration/,
      'mesh policy file': 'result',
      'RabbitMQ definitions (JSON)': /^not JSON/,
    },
  ],
  [
    'a 10 MB document',
    tenMegabytes,
    {
      'gateway file (Kong, Gateway API, Istio, AWS)': TOO_BIG,
      'Apigee bundle (XML)': TOO_BIG,
      'mesh policy file': TOO_BIG,
      'RabbitMQ definitions (JSON)': TOO_BIG,
    },
  ],
  [
    'deep nesting',
    deepYaml,
    {
      'gateway file (Kong, Gateway API, Istio, AWS)':
        /^document 1: nested deeper than 64 levels/,
      'Apigee bundle (XML)': /not well-formed XML/,
      'mesh policy file': /^document 1: nested deeper than 64 levels/,
      'RabbitMQ definitions (JSON)': /^nested deeper than 64 levels/,
    },
  ],
  [
    'deep nesting (JSON object)',
    deepJson,
    {
      'gateway file (Kong, Gateway API, Istio, AWS)':
        /^document 1: nested deeper than 64 levels/,
      'Apigee bundle (XML)': /not well-formed XML/,
      'mesh policy file': /^document 1: nested deeper than 64 levels/,
      'RabbitMQ definitions (JSON)': /^nested deeper than 64 levels/,
    },
  ],
  [
    'deep nesting (XML)',
    deepXml,
    {
      'gateway file (Kong, Gateway API, Istio, AWS)': 'result',
      'Apigee bundle (XML)': /nest|depth|tags/i,
      'mesh policy file': 'result',
      'RabbitMQ definitions (JSON)': /^not JSON/,
    },
  ],
  [
    'a single very long line',
    longLine,
    {
      'gateway file (Kong, Gateway API, Istio, AWS)': LONG_LINE,
      'Apigee bundle (XML)': LONG_LINE,
      'mesh policy file': LONG_LINE,
      'RabbitMQ definitions (JSON)': /^not JSON/,
    },
  ],
  [
    'a long one-line JSON export (allowed: exports are often one line)',
    longJsonLine,
    {
      'gateway file (Kong, Gateway API, Istio, AWS)': 'result',
      'Apigee bundle (XML)': /not well-formed XML/,
      'mesh policy file': 'result',
      'RabbitMQ definitions (JSON)': 'result',
    },
  ],
];

describe.each(cases)('%s', (_name, text, expected) => {
  it.each(Object.keys(entries))('%s', entry => {
    const started = performance.now();
    let outcome: string;
    try {
      entries[entry](text);
      outcome = 'result';
    } catch (e) {
      outcome = (e as Error).message;
    }
    const took = performance.now() - started;
    const want = expected[entry];
    expect(outcome).toMatch(want === 'result' ? /^result$/ : want);
    expect(took).toBeLessThan(TIME_LIMIT_MS);
  });
});
