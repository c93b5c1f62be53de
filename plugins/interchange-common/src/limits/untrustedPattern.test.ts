import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { createGatewayFormatRegistry } from '../gateways/builtinFormats';
import { BundleFile } from '../gateways/types';
import {
  compileUntrustedPattern,
  MAX_PATTERN_LENGTH,
  untrustedPatternProblem,
} from './untrustedPattern';

describe('compileUntrustedPattern', () => {
  it('refuses the classic catastrophic patterns quickly, naming the field and the fix', () => {
    untrustedPatternProblem('warm-up: the first call loads the parser');
    for (const pattern of ['(a+)+$', '^(\\w+\\s?)*$', '(x*)*y', '/(.*)*/a']) {
      const start = performance.now();
      expect(() => compileUntrustedPattern(pattern, 'spec.paths[0]')).toThrow(
        /^spec\.paths\[0\]: '.*' is refused: matching it may take exponential time .*: remove the outer repetition/,
      );
      expect(performance.now() - start).toBeLessThan(100);
    }
  });

  it('the refused pattern would indeed stall a match (why the check exists)', () => {
    const start = performance.now();
    // 2^20 backtracking steps already take a noticeable time; each further
    // 'a' doubles it.
    /(a+)+$/.test(`${'a'.repeat(20)}!`);
    expect(performance.now() - start).toBeGreaterThan(5);
  });

  it('accepts ordinary route regexes and naming rules', () => {
    for (const pattern of [
      '/orders/\\d+$',
      '/users/(?<id>[^/]+)/orders$',
      // What the Apigee reader makes of '/orders/*/items/**'.
      '/orders/[^/]+/items/.*$',
      '^[a-z]+\\.[a-z0-9-]+\\.v[0-9]+$',
      '^(__.*|_schemas|_confluent.*|connect-(configs|offsets|status))$',
      // An optional group holding a repetition: safe-regex2 alone refuses it.
      '^/api/v[0-9]+/(payments|refunds)(/.*)?$',
      '/files(/[^/]+)??$',
      '/a[(]x+[)]?/(b+)?',
    ]) {
      expect(compileUntrustedPattern(pattern, 'x')).toBeInstanceOf(RegExp);
    }
  });

  it('an optional group inside a repetition is still refused', () => {
    for (const pattern of ['((a+)?)+$', '(a?){30}', '(x(/.*)?)*$']) {
      expect(untrustedPatternProblem(pattern)?.message).toMatch(
        /exponential time/,
      );
    }
  });

  it('refuses invalid syntax, lookbehinds and over-long patterns with what to do', () => {
    expect(() => compileUntrustedPattern('(', 'namePattern')).toThrow(
      /^namePattern: '\(' is not a valid regular expression \(.*\): fix its syntax$/,
    );
    expect(untrustedPatternProblem('/a(?<=b)c')).toEqual({
      message: expect.stringMatching(/lookbehind/),
      fix: 'rewrite it without the lookbehind',
    });
    const long = `^${'a'.repeat(MAX_PATTERN_LENGTH)}$`;
    expect(() => compileUntrustedPattern(long, 'exclude')).toThrow(
      /^exclude: '\^a+\.\.\.' is \d+ characters long; patterns are accepted up to 1024: shorten it/,
    );
  });

  it('passes flags through', () => {
    expect(compileUntrustedPattern('^a$', 'x', 'i').test('A')).toBe(true);
  });
});

/**
 * safe-regex2 is a heuristic: it may refuse a safe pattern. Every regex path
 * in the real public gateway files and bundles of the fixtures, and in the
 * demo company's entities, must pass, or users would see false refusals.
 */
describe('real route regexes are not refused', () => {
  const registry = createGatewayFormatRegistry();
  const gatewayFixtures = path.join(
    __dirname,
    '..',
    'gateways',
    '__fixtures__',
  );
  const repoRoot = path.join(__dirname, '..', '..', '..', '..');

  function bundleOf(dir: string): BundleFile[] {
    const files: BundleFile[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else
          files.push({
            path: path.relative(dir, p),
            text: fs.readFileSync(p, 'utf8'),
          });
      }
    };
    walk(dir);
    return files;
  }

  function regexPaths(): { where: string; path: string }[] {
    const found: { where: string; path: string }[] = [];
    const add = (where: string, paths: readonly string[]) =>
      paths
        .filter(p => p.startsWith('~'))
        .forEach(p => found.push({ where, path: p }));
    for (const name of fs.readdirSync(gatewayFixtures)) {
      const p = path.join(gatewayFixtures, name);
      if (name === 'apigee') {
        for (const bundle of fs.readdirSync(p)) {
          const dir = path.join(p, bundle);
          if (!fs.statSync(dir).isDirectory()) continue;
          for (const r of registry.parseBundle(bundleOf(dir)).routes) {
            add(`apigee/${bundle}`, r.paths);
          }
        }
      } else if (/\.(ya?ml|json)$/.test(name)) {
        for (const r of registry.parse(fs.readFileSync(p, 'utf8')).routes) {
          add(name, r.paths);
        }
      }
    }
    for (const file of [
      'examples/repos/storefront-edge/kong.yml',
      'examples/gateways/mesh-internal-routes.yaml',
    ]) {
      const text = fs.readFileSync(path.join(repoRoot, file), 'utf8');
      for (const r of registry.parse(text).routes) add(file, r.paths);
    }
    const entities = fs.readFileSync(
      path.join(repoRoot, 'examples/integrations/gateway-routes.yaml'),
      'utf8',
    );
    for (const doc of entities.split(/^---$/m).map(d => load(d) as any)) {
      add('examples/integrations/gateway-routes.yaml', doc?.spec?.paths ?? []);
    }
    return found;
  }

  it('every regex path of the fixtures and examples passes the check', () => {
    const found = regexPaths();
    // eslint-disable-next-line no-console
    console.log(found.map(f => `${f.where}: ${f.path}`).join('\n'));
    // The sweep must see real regexes, or it proves nothing.
    expect(found.length).toBeGreaterThanOrEqual(4);
    const refused = found
      .map(f => ({ ...f, problem: untrustedPatternProblem(f.path.slice(1)) }))
      .filter(f => f.problem !== undefined);
    expect(refused).toEqual([]);
  });
});
