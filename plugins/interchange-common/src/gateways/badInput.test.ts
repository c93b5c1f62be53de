import { strToU8, zipSync } from 'fflate';
import { createGatewayFormatRegistry } from './builtinFormats';
import { readZipBundle } from './bundleFiles';
import { MAX_CONFIG_FILE_BYTES } from '../limits/inputLimits';
import { parseGatewayConfig } from './parseGatewayConfig';

/**
 * Hostile or broken input ends in a clear error. Each case is bounded by
 * construction (size checked before parsing, nesting and alias expansion
 * counted while reading, zip output counted as it inflates), so these
 * tests assert the error, not a time.
 */
describe('bad input', () => {
  it('a YAML alias bomb is refused, naming the document', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) {
      lines.push(
        `a${i}: &a${i} [${Array(10)
          .fill(`*a${i - 1}`)
          .join(', ')}]`,
      );
    }
    lines.push('services: *a11');
    const bomb = `_format_version: "3.0"\n${lines.join('\n')}\n`;
    expect(() => parseGatewayConfig(bomb)).toThrow(
      /^document 1: aliases expand to more than \d+ values/,
    );
  });

  it('a bomb split over documents shares one budget', () => {
    const doc = (i: number) =>
      `a: &a [${Array(50).fill('x').join(',')}]\nb: &b [${Array(50)
        .fill('*a')
        .join(',')}]\nc${i}: [${Array(50).fill('*b').join(',')}]\n`;
    const text = Array.from({ length: 40 }, (_, i) => doc(i)).join('---\n');
    expect(() => parseGatewayConfig(text)).toThrow(/aliases expand/);
  });

  it('files over the size limit are refused before parsing', () => {
    const big = `routes:\n${'- {name: r, paths: [/a]}\n'.repeat(
      Math.ceil((10 * 1024 * 1024) / 24),
    )}`;
    expect(big.length).toBeGreaterThan(MAX_CONFIG_FILE_BYTES);
    expect(() => parseGatewayConfig(big)).toThrow(
      /^the file is 10\.\d MB; configuration files are read up to 8\.0 MB \(interchange\.inputLimits\.maxFileBytes\): split it into several files$/,
    );
  });

  it('deeply nested YAML and JSON are refused', () => {
    const flow = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(() => parseGatewayConfig(`services: ${flow}`)).toThrow(
      /^document 1: .*(maxDepth|nest)/,
    );
    expect(() => parseGatewayConfig(flow)).toThrow(
      /^document 1: nested deeper than 64 levels/,
    );
  });

  it('binary junk is refused as binary, not parsed', () => {
    const junk = String.fromCharCode(
      ...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256),
    );
    expect(() => parseGatewayConfig(junk)).toThrow(
      /holds binary data \(a NUL byte at offset \d+\), not YAML, JSON or XML text/,
    );
  });

  it('custom YAML tags other than CloudFormation ones fail with the tag named', () => {
    expect(() => parseGatewayConfig('paths: !Secret x\n')).toThrow(
      /^document 1: unknown tag !<!Secret>/,
    );
  });

  it('a zip bomb stops after a bounded amount of output', () => {
    // 40 MB of one byte deflates to a few tens of kB.
    const zip = zipSync({
      'apiproxy/proxies/default.xml': new Uint8Array(40 * 1024 * 1024).fill(32),
    });
    expect(zip.length).toBeLessThan(1024 * 1024);
    expect(() => readZipBundle(zip)).toThrow(
      /apiproxy\/proxies\/default.xml inflates to more than 8 MB \(a zip bomb\?\)/,
    );
  });

  it('zip entries that climb out of the archive, and non-zips, are refused', () => {
    const slip = zipSync({
      '../apiproxy/proxies/default.xml': strToU8('<x/>'),
    });
    expect(() => readZipBundle(slip)).toThrow(/points outside the archive/);
    expect(() => readZipBundle(strToU8('not a zip at all'))).toThrow(
      /not a zip archive/,
    );
    const other = zipSync({ 'README.md': strToU8('# hi') });
    expect(() =>
      createGatewayFormatRegistry().parseBundle(readZipBundle(other)),
    ).toThrow(/not a configuration bundle/);
  });

  it('a kind named like an Object property (found by fast-check) is skipped with a text reason', () => {
    for (const kind of ['__proto__', 'constructor', 'toString']) {
      const result = createGatewayFormatRegistry().parse(
        JSON.stringify({
          apiVersion: 'gateway.networking.k8s.io/v1',
          kind,
          metadata: { name: 'cors-allow-credentials' },
          spec: { rules: [] },
        }),
      );
      for (const skipped of result.skipped) {
        expect(typeof skipped.reason).toBe('string');
      }
    }
  });
});
