import path from 'node:path';
import { meshCommand } from './mesh';

const fixtures = path.resolve(
  __dirname,
  '../../../../plugins/interchange-common/src/mesh/__fixtures__',
);

function capture() {
  const lines: string[] = [];
  const errors: string[] = [];
  return {
    out: {
      log: (l: string) => lines.push(l),
      error: (l: string) => errors.push(l),
    },
    lines,
    errors,
  };
}

describe('interchange mesh', () => {
  it('--json prints every rule of every file as the files name them', async () => {
    const c = capture();
    const code = await meshCommand([fixtures], { json: true }, c.out);
    expect(code).toBe(0);
    const json = JSON.parse(c.lines.join('\n'));
    const byName = (n: string) =>
      json.files.find((f: any) => f.file.endsWith(n));
    expect(byName('istio-deny-and-allow.yaml')).toMatchObject({
      mesh: 'istio',
      rules: [
        {
          source: 'deny',
          destination: 'foo/*',
          action: 'deny',
          ports: [],
          paths: [],
          methods: [],
        },
        { source: 'allow', destination: 'foo/*', action: 'allow' },
      ],
      skipped: [],
    });
    expect(byName('consul-payments.hcl').rules).toEqual([
      expect.objectContaining({
        source: 'public-api',
        destination: 'payments',
        action: 'allow',
        precedence: 9,
      }),
    ]);
    expect(byName('linkerd-emojivoto-policy.yml').mesh).toBe('linkerd');
    expect(c.lines.join('\n')).not.toMatch(/\[object Object\]|undefined/);
  });

  it('prints text with the skipped items and a summary; exit 1 for an unreadable file', async () => {
    const c = capture();
    const bad = path.join(fixtures, '..', 'identity.ts');
    const code = await meshCommand(
      [path.join(fixtures, 'consul-l7-intentions-config-entries.hcl'), bad],
      {},
      c.out,
    );
    expect(code).toBe(1);
    const text = c.lines.join('\n');
    expect(text).toContain('ALLOW s1 -> s2');
    expect(text).toContain('only when: header x-test-debug present');
    expect(text).toContain(
      'skipped service-defaults s2 (document 1): config_entries.bootstrap[0]: not service-intentions',
    );
    expect(text).toContain('error: cannot parse');
    expect(text).toMatch(/2 files: 9 rules, 1 skipped, 1 unreadable/);
  });

  it('exit 2 when nothing matches', async () => {
    const c = capture();
    expect(await meshCommand(['no/such/*.yaml'], {}, c.out)).toBe(2);
    expect(c.errors[0]).toContain('no files match');
  });
});
