import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { checkProperty, mutatedText } from '../__testUtils__/properties';
import { matchesGlob } from './identity';
import { parseMeshConfig } from './parseMeshConfig';

/**
 * Property-based tests of the mesh policy parsers (Istio
 * AuthorizationPolicy, Linkerd policy resources, Consul intentions in YAML,
 * JSON and HCL): arbitrary text and the real public files of __fixtures__
 * mutated end in rules or in an error naming the place, within the time
 * limit of checkProperty.
 */
const dir = path.join(__dirname, '__fixtures__');
const names = fs
  .readdirSync(dir)
  .filter(f => /\.(ya?ml|json|hcl)$/.test(f))
  .sort();
const texts = names.map(f => fs.readFileSync(path.join(dir, f), 'utf8'));

const PLACE =
  /document \d+|line \d+|offset \d+|position \d+|column \d+|file|At \d+:\d+|HCL/i;
const CRASH =
  /is not a function|Cannot read propert|Cannot convert|undefined is not|null is not|is not iterable|Maximum call stack/;

function parse(text: string, fileName?: string): void {
  try {
    const result = parseMeshConfig(text, { fileName });
    for (const s of result.skipped) {
      expect(Number.isInteger(s.document)).toBe(true);
      expect(s.reason.length).toBeGreaterThan(0);
    }
  } catch (e) {
    const message = (e as Error).message;
    expect(message).not.toMatch(CRASH);
    expect(message).toMatch(PLACE);
  }
}

describe('mesh policy parsers on hostile input (fast-check)', () => {
  // The HCL parser (compiled Go) loads on first use, in about a second;
  // loaded before the timed runs, which time parsing.
  beforeAll(() => parseMeshConfig('Kind = "service-intentions"\nName = "a"\n'));

  it('arbitrary text', () => {
    checkProperty(
      'mesh parsers, arbitrary text',
      fc.string({ maxLength: 300 }),
      text => parse(text),
      { numRuns: 200 },
    );
  });

  it('mutated real files (YAML and HCL)', () => {
    checkProperty(
      `mesh parsers, ${names.length} real files mutated`,
      mutatedText(texts),
      ({ original, text }) => parse(text, names[original]),
      { numRuns: 300 },
    );
  });

  it('glob matching agrees with the regular expression it replaced, in linear time', () => {
    const toRegExp = (glob: string) =>
      new RegExp(
        `^${glob
          .split('*')
          .map(p => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      );
    const text = fc.string({
      unit: fc.constantFrom('a', 'b', '*'),
      maxLength: 12,
    });
    checkProperty(
      'mesh glob matching',
      fc.tuple(
        text,
        text.map(s => s.replace(/\*/g, '')),
      ),
      ([glob, value]) => {
        expect(matchesGlob(glob, value)).toBe(toRegExp(glob).test(value));
      },
      { numRuns: 500 },
    );
    // A many-star pattern against a long name: the regex took seconds.
    const start = performance.now();
    expect(matchesGlob(`${'*a'.repeat(20)}*b`, 'a'.repeat(5000))).toBe(false);
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
