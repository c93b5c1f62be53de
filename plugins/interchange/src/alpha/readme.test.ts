import fs from 'node:fs';
import path from 'node:path';
import { interchangeExtensions } from './index';
import packageJson from '../../package.json';

/*
 * The install instructions list every extension of the plugin with its id,
 * so a page or card added to src/extensions.ts must be documented in both
 * READMEs (the adoption test, scripts/adoption/run.sh, runs their commands).
 */
const repoRoot = path.resolve(__dirname, '../../../..');
const readmes = {
  'README.md': fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'),
  'plugins/interchange/README.md': fs.readFileSync(
    path.resolve(__dirname, '../../README.md'),
    'utf8',
  ),
};

function extensionIds() {
  return interchangeExtensions.map(e => {
    const { kind, name } = e as unknown as { kind?: string; name?: string };
    return `${kind}:interchange${name ? `/${name}` : ''}`;
  });
}

describe('the READMEs', () => {
  it.each(Object.entries(readmes))(
    '%s lists every extension id of the new-frontend-system plugin',
    (_file, text) => {
      const missing = extensionIds().filter(id => !text.includes(`\`${id}\``));
      expect(missing).toEqual([]);
    },
  );

  it('installs a version range the current packages satisfy', () => {
    const [major, minor] = packageJson.version.split('.');
    const ranges = [
      ...readmes['README.md'].matchAll(/@interchange\/[\w-]+@(\^[\d.]+)/g),
    ].map(m => m[1]);
    expect(ranges.length).toBeGreaterThan(0);
    // While on 0.x a caret range covers one minor version.
    const expected = major === '0' ? `^0.${minor}.0` : `^${major}.0.0`;
    expect([...new Set(ranges)]).toEqual([expected]);
  });
});
