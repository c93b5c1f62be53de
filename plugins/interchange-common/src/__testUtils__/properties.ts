import fc from 'fast-check';

/**
 * Helpers for the property-based suites of hostile input: parsers and the
 * validator get arbitrary and mutated inputs and must answer with a result
 * or a clear error, within a bounded time.
 */

/** Longest any single run may take. Generous: the machine running CI is shared. */
export const RUN_TIME_LIMIT_MS = 2_000;

/** Runs per property unless a suite says otherwise: enough to find crashes, small enough for CI. */
export const DEFAULT_RUNS = 150;

/**
 * Checks a property and prints `fast-check: <name>: N runs` (the run count
 * is part of what the suite proves). Each run is timed; one longer than
 * RUN_TIME_LIMIT_MS fails the property with the input that took it.
 */
export function checkProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => void,
  options: { numRuns?: number; seed?: number } = {},
): void {
  let runs = 0;
  const numRuns = options.numRuns ?? DEFAULT_RUNS;
  fc.assert(
    fc.property(arbitrary, value => {
      runs++;
      const start = performance.now();
      predicate(value);
      const took = performance.now() - start;
      if (took > RUN_TIME_LIMIT_MS) {
        throw new Error(
          `took ${Math.round(
            took,
          )} ms; at most ${RUN_TIME_LIMIT_MS} ms is allowed`,
        );
      }
    }),
    { numRuns, ...(options.seed !== undefined ? { seed: options.seed } : {}) },
  );
  // eslint-disable-next-line no-console
  console.log(`fast-check: ${name}: ${runs} runs`);
}

/** The async form of checkProperty, for code that returns promises (Web Crypto). */
export async function checkAsyncProperty<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  predicate: (value: T) => Promise<void>,
  options: { numRuns?: number } = {},
): Promise<void> {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async value => {
      runs++;
      const start = performance.now();
      await predicate(value);
      const took = performance.now() - start;
      if (took > RUN_TIME_LIMIT_MS) {
        throw new Error(
          `took ${Math.round(
            took,
          )} ms; at most ${RUN_TIME_LIMIT_MS} ms is allowed`,
        );
      }
    }),
    { numRuns: options.numRuns ?? DEFAULT_RUNS },
  );
  // eslint-disable-next-line no-console
  console.log(`fast-check: ${name}: ${runs} runs`);
}

/** Fragments that break YAML, JSON and XML in interesting ways. */
const TOKENS = [
  '\n',
  ': ',
  '- ',
  '  ',
  '\t',
  '{',
  '}',
  '[',
  ']',
  ',',
  '"',
  "'",
  '&a ',
  '*a',
  '!!str ',
  '!Ref ',
  '<<: *a',
  '---\n',
  '...\n',
  '#',
  '|',
  '>',
  '~',
  'null',
  '-1',
  '1e999',
  '0x1F',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '<',
  '>',
  '</',
  '/>',
  '<![CDATA[',
  '&amp;',
  '&#x41;',
  '&bogus;',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '__proto__',
  'constructor',
  'toString',
];

/** One edit of a text: delete, duplicate, insert, replace or truncate. */
const edit = (text: string): fc.Arbitrary<string> => {
  const at = fc.nat({ max: Math.max(0, text.length) });
  return fc.oneof(
    // Delete a slice.
    fc
      .tuple(at, fc.nat({ max: 200 }))
      .map(([i, n]) => text.slice(0, i) + text.slice(i + n)),
    // Duplicate a slice in place.
    fc
      .tuple(at, fc.nat({ max: 200 }))
      .map(([i, n]) => text.slice(0, i + n) + text.slice(i)),
    // Insert a token or arbitrary text.
    fc
      .tuple(
        at,
        fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 20 })),
      )
      .map(([i, s]) => text.slice(0, i) + s + text.slice(i)),
    // Replace one character.
    fc
      .tuple(at, fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }))
      .map(([i, c]) => text.slice(0, i) + c + text.slice(i + 1)),
    // Truncate.
    at.map(i => text.slice(0, i)),
  );
};

/**
 * A real file mutated by one to five edits: close enough to a real file to
 * reach deep into a parser, broken enough to find what it does not expect.
 */
export function mutatedText(
  texts: readonly string[],
): fc.Arbitrary<{ original: number; text: string }> {
  return fc
    .tuple(fc.nat({ max: texts.length - 1 }), fc.integer({ min: 1, max: 5 }))
    .chain(([original, edits]) => {
      let arb: fc.Arbitrary<string> = fc.constant(texts[original]);
      for (let i = 0; i < edits; i++) {
        arb = arb.chain(edit);
      }
      return arb.map(text => ({ original, text }));
    });
}

/** Any JSON-like value, including keys that are Object.prototype's. */
export const anyValue: fc.Arbitrary<unknown> = fc.letrec(tie => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string({ maxLength: 30 }),
    fc.constantFrom('__proto__', 'constructor', '', ' ', '*', '~/(a+)+$'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(...TOKENS)),
      tie('value'),
      // Entities and files arrive parsed from YAML or JSON, whose maps
      // always have Object's prototype (`__proto__` is an own key).
      { maxKeys: 4, noNullPrototype: true },
    ),
  ),
})).value;

/**
 * A copy of `value` with one node somewhere replaced by an arbitrary value:
 * a real document whose shape is wrong in one place.
 */
export function mutatedValue(value: unknown): fc.Arbitrary<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (paths.length > 5000 || !v || typeof v !== 'object') return;
    for (const [k, c] of Object.entries(v)) {
      walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
    }
  };
  walk(value, []);
  return fc
    .tuple(fc.constantFrom(...paths), anyValue)
    .map(([path, replacement]) => {
      if (!path.length) return replacement;
      const copy = structuredClone(value) as any;
      let node = copy;
      for (const key of path.slice(0, -1)) node = node[key];
      node[path[path.length - 1]] = replacement;
      return copy;
    });
}
