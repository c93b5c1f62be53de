import { evaluateMeshAccess } from './evaluate';
import { parseMeshConfig } from './parseMeshConfig';

const ap = (name: string, action: string, spec: string) => `---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: ${name}, namespace: shop}
spec:
  action: ${action}
${spec}
`;
const orders = { mesh: 'istio' as const, namespace: 'shop', name: 'orders' };
const web = { mesh: 'istio' as const, namespace: 'web', name: 'frontend' };

describe('evaluateMeshAccess: Istio precedence CUSTOM > DENY > ALLOW', () => {
  const allow = ap(
    'allow',
    'ALLOW',
    `  selector: {matchLabels: {app: orders}}
  rules:
  - from: [{source: {principals: ["cluster.local/ns/web/sa/frontend"]}}]`,
  );
  it('no ALLOW policy on the workload: allow all', () => {
    expect(evaluateMeshAccess(parseMeshConfig(''), web, orders).decision).toBe(
      'allow',
    );
  });
  it('an ALLOW policy: only what it allows', () => {
    const f = parseMeshConfig(allow);
    expect(evaluateMeshAccess(f, web, orders).decision).toBe('allow');
    expect(
      evaluateMeshAccess(f, { ...web, name: 'other' }, orders).decision,
    ).toBe('deny');
  });
  it('DENY wins over ALLOW for the same caller', () => {
    const f = parseMeshConfig(
      allow +
        ap(
          'deny',
          'DENY',
          `  rules:
  - from: [{source: {namespaces: ["web"]}}]`,
        ),
    );
    const d = evaluateMeshAccess(f, web, orders);
    expect(d.decision).toBe('deny');
    expect(d.reason).toContain('AuthorizationPolicy shop/deny (DENY)');
  });
  it('a DENY narrowed to paths denies only some requests', () => {
    const f = parseMeshConfig(
      allow +
        ap(
          'deny',
          'DENY',
          `  rules:
  - to: [{operation: {paths: ["/admin/*"]}}]`,
        ),
    );
    expect(evaluateMeshAccess(f, web, orders)).toMatchObject({
      decision: 'allow',
      conditional: true,
    });
  });
  it('CUSTOM decides before DENY', () => {
    const f = parseMeshConfig(
      ap(
        'ext',
        'CUSTOM',
        `  provider: {name: opa}
  rules: [{}]`,
      ) + ap('deny', 'DENY', '  rules: [{}]'),
    );
    expect(evaluateMeshAccess(f, web, orders)).toMatchObject({
      decision: 'custom',
    });
  });
  it('spec: {} denies all; rules: [{}] allows all', () => {
    const none =
      'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: none, namespace: shop}\nspec: {}\n';
    expect(
      evaluateMeshAccess(parseMeshConfig(none), web, orders).decision,
    ).toBe('deny');
    expect(
      evaluateMeshAccess(
        parseMeshConfig(ap('all', 'ALLOW', '  rules: [{}]')),
        web,
        orders,
      ).decision,
    ).toBe('allow');
  });
  it('AUDIT never changes the decision; dry-run policies are skipped', () => {
    const f = parseMeshConfig(ap('audit', 'AUDIT', '  rules: [{}]'));
    expect(evaluateMeshAccess(f, web, orders).decision).toBe('allow');
    const dry = parseMeshConfig(`apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: d, namespace: shop, annotations: {istio.io/dry-run: "true"}}
spec: {action: DENY, rules: [{}]}`);
    expect(dry.rules).toEqual([]);
    expect(dry.skipped[0].reason).toContain('dry-run');
  });
});

describe('evaluateMeshAccess: Consul precedence by specificity', () => {
  const consul = (hcl: string) => parseMeshConfig(hcl, { fileName: 'x.hcl' });
  const a = { mesh: 'consul' as const, name: 'web' };
  const b = { mesh: 'consul' as const, name: 'api' };
  it('exact source beats a wildcard source for the same destination; deny wins at equal precedence', () => {
    const f = consul(`Kind = "service-intentions"
Name = "api"
Sources = [
  { Name = "*", Action = "deny" },
  { Name = "web", Action = "allow" },
]`);
    expect(f.rules.map(r => r.precedence)).toEqual([8, 9]);
    expect(evaluateMeshAccess(f, a, b).decision).toBe('allow');
    expect(
      evaluateMeshAccess(f, { mesh: 'consul', name: 'batch' }, b).decision,
    ).toBe('deny');
  });
  it('the default applies when nothing matches', () => {
    const f = consul(`Kind = "service-intentions"
Name = "db"
Sources = [{ Name = "web", Action = "allow" }]`);
    expect(evaluateMeshAccess(f, a, b).decision).toBe('allow');
    expect(evaluateMeshAccess(f, a, b, { consul: 'deny' }).decision).toBe(
      'deny',
    );
  });
});

describe('bad input', () => {
  it('refuses an alias bomb, deep nesting, binary junk and huge files with a clear error', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(
            98 + i,
          )} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(
            97 + i,
          )},*${String.fromCharCode(97 + i)},*${String.fromCharCode(
            97 + i,
          )},*${String.fromCharCode(97 + i)},*${String.fromCharCode(
            97 + i,
          )},*${String.fromCharCode(97 + i)},*${String.fromCharCode(
            97 + i,
          )},*${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    const started = Date.now();
    expect(() => parseMeshConfig(bomb)).toThrow(/document 1: .*alias/i);
    expect(() =>
      parseMeshConfig(`${'['.repeat(200)}${']'.repeat(200)}`),
    ).toThrow(/nested more than 64 levels|document 1/);
    expect(() => parseMeshConfig('kind: x\n\u0000\u0001\u0002')).toThrow(
      'binary data',
    );
    expect(() => parseMeshConfig('# a comment\n'.repeat(800 * 1024))).toThrow(
      'configuration files are read up to 8.0 MB',
    );
    expect(() => parseMeshConfig('#'.repeat(6 * 1024 * 1024))).toThrow(
      'line 1 is 6291456 characters long',
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });
  it('skips what is not mesh policy, naming why', () => {
    const r = parseMeshConfig(
      'apiVersion: v1\nkind: Service\nmetadata: {name: orders}\n',
    );
    expect(r.skipped).toEqual([
      expect.objectContaining({
        kind: 'Service',
        name: 'orders',
        reason: expect.stringContaining('not a mesh authorization policy'),
      }),
    ]);
  });
});
