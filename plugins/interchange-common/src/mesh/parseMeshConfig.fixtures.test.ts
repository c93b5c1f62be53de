import fs from 'node:fs';
import path from 'node:path';
import { evaluateMeshAccess } from './evaluate';
import { parseMeshConfig, parseMeshFiles } from './parseMeshConfig';

const read = (name: string) =>
  fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');
const parse = (name: string) => parseMeshConfig(read(name), { fileName: name });

describe('mesh parsers on real public files (see __fixtures__/SOURCES.md)', () => {
  it('Istio: DENY wins over ALLOW for the same caller (istio deny-and-allow)', () => {
    const r = parse('istio-deny-and-allow.yaml');
    expect(r.meshes).toEqual(['istio']);
    expect(r.rules.map(x => [x.source, x.action, x.destination])).toEqual([
      ['deny', 'deny', 'foo/*'],
      ['allow', 'allow', 'foo/*'],
    ]);
    // The principals are bare strings, not cluster.local/ns/<ns>/sa/<sa>:
    // kept as the file names them, with no identity.
    expect(r.rules[0].sourceIdentity).toBeUndefined();
  });

  it('Istio: every field of the full rule; serviceAccounts without a namespace take the policy namespace', () => {
    const r = parse('istio-allow-full-rule.yaml');
    const sa = r.rules.filter(x => x.sourceKind === 'serviceAccount');
    expect(sa.map(x => x.sourceIdentity)).toEqual([
      { mesh: 'istio', namespace: 'my-ns', name: 'my-sa' },
      { mesh: 'istio', namespace: 'foo', name: 'sa-only' },
    ]);
    expect(sa[0].conditions).toContain(
      'notServiceAccounts: my-ns/my-sa-not, sa-not-only',
    );
    expect(sa[0].destination).toBe('foo/app=httpbin,version=v1');
    expect(sa[0].destinationIdentity).toEqual({
      mesh: 'istio',
      namespace: 'foo',
      name: 'httpbin',
    });
    const principals = r.rules.filter(x => x.sourceKind === 'principal');
    expect(principals.map(x => x.source)).toEqual([
      'principal',
      'principal-prefix-*',
      '*-suffix-principal',
      '*',
    ]);
    const p = principals[3];
    expect(p.sourceIdentity).toEqual({
      mesh: 'istio',
      namespace: '*',
      name: '*',
    });
    expect(p.ports).toEqual(['80', '90']);
    expect(p.methods).toEqual([
      'METHOD',
      'METHOD-PREFIX-*',
      '*-SUFFIX-METHOD',
      '*',
    ]);
    expect(p.paths).toContain('/path/template/{*}');
    expect(p.conditions).toEqual(
      expect.arrayContaining([
        'namespaces: ns, ns-prefix-*, *-ns-suffix, *',
        'notPorts: 8000, 9000',
        'hosts: exact.com, *.suffix.com, prefix.*, *',
        'when source.ip in 10.10.10.10, 192.168.10.0/24 not in 90.10.10.10, 90.168.10.0/24',
      ]),
    );
    expect(r.defaultDeny).toHaveLength(1);
    expect(JSON.stringify(r)).not.toMatch(/\[object Object\]|undefined/);
  });

  it('Istio: CUSTOM decides before DENY and ALLOW', () => {
    const r = parse('istio-custom-multiple-providers.yaml');
    expect(r.rules.map(x => [x.action, x.provider, x.paths])).toEqual([
      ['custom', 'provider-1', ['/httpbin1']],
      ['custom', 'provider-2', ['/httpbin2']],
    ]);
    const d = evaluateMeshAccess(
      r,
      { mesh: 'istio', namespace: 'bar', name: 'client' },
      { mesh: 'istio', namespace: 'foo', name: 'httpbin' },
    );
    expect(d.decision).toBe('custom');
    expect(d.conditional).toBe(true);
  });

  it('Linkerd: Server + ServerAuthorization (emojivoto)', () => {
    const r = parse('linkerd-emojivoto-policy.yml');
    expect(r.meshes).toEqual(['linkerd']);
    const voting = r.rules.find(
      x => x.policy === 'ServerAuthorization emojivoto/voting-grpc',
    )!;
    expect(voting.sourceIdentity).toEqual({
      mesh: 'linkerd',
      namespace: 'emojivoto',
      name: 'web',
    });
    expect(voting.destinationIdentity).toEqual({
      mesh: 'linkerd',
      namespace: 'emojivoto',
      name: 'voting-svc',
    });
    expect(voting.ports).toEqual(['grpc']);
    const emoji = r.rules.find(
      x => x.policy === 'ServerAuthorization emojivoto/emoji-grpc',
    )!;
    expect(emoji.sourceIdentity).toEqual({
      mesh: 'linkerd',
      namespace: 'emojivoto',
      name: '*',
    });
    // prom selects three apps through matchExpressions.
    expect(
      r.rules
        .filter(
          x => x.policy === 'ServerAuthorization emojivoto/prom-prometheus',
        )
        .map(x => x.destinationIdentity?.name),
    ).toEqual(['emoji-svc', 'web-svc', 'voting-svc']);
    const web = r.rules.find(
      x => x.policy === 'ServerAuthorization emojivoto/web-public',
    )!;
    expect(web.sourceKind).toBe('unauthenticated');
    expect(web.conditions).toEqual(['networks: 0.0.0.0/0, ::/0']);
    // A Server denies callers no authorization names.
    const dst = {
      mesh: 'linkerd' as const,
      namespace: 'emojivoto',
      name: 'voting-svc',
    };
    expect(
      evaluateMeshAccess(
        r,
        { mesh: 'linkerd', namespace: 'emojivoto', name: 'web' },
        dst,
      ).decision,
    ).toBe('allow');
    // Any other caller only reaches the prom port (the prom Server lets everyone scrape).
    const bot = evaluateMeshAccess(
      r,
      { mesh: 'linkerd', namespace: 'emojivoto', name: 'vote-bot' },
      dst,
    );
    expect(bot).toMatchObject({ decision: 'allow', conditional: true });
    expect(bot.rule).toMatchObject({
      policy: 'ServerAuthorization emojivoto/prom-prometheus',
      ports: ['prom'],
    });
    const webSvc = {
      mesh: 'linkerd' as const,
      namespace: 'emojivoto',
      name: 'web-svc',
    };
    expect(
      evaluateMeshAccess(
        { ...r, rules: r.rules.filter(x => !x.policy.includes('prom')) },
        { mesh: 'linkerd', namespace: 'other', name: 'x' },
        dst,
      ).decision,
    ).toBe('deny');
    expect(
      evaluateMeshAccess(
        r,
        { mesh: 'linkerd', namespace: 'other', name: 'x' },
        webSvc,
      ).decision,
    ).toBe('allow');
    // A workload without a Server takes the default inbound policy.
    expect(
      evaluateMeshAccess(
        r,
        { mesh: 'linkerd', namespace: 'x', name: 'y' },
        { mesh: 'linkerd', namespace: 'other', name: 'z' },
      ).decision,
    ).toBe('allow');
  });

  it('Linkerd: AuthorizationPolicy on HTTPRoutes with MeshTLS and Network authentication (booksapp)', () => {
    const r = parse('linkerd-booksapp-per-route-policy.yaml');
    const get = r.rules.filter(
      x => x.policy === 'AuthorizationPolicy booksapp/authors-get-policy',
    );
    expect(get.map(x => x.source)).toEqual([
      'books.booksapp.serviceaccount.identity.linkerd.cluster.local',
      'webapp.booksapp.serviceaccount.identity.linkerd.cluster.local',
    ]);
    expect(get[0].paths).toEqual(['/authors.json', '/authors/*']);
    expect(get[0].methods).toEqual(['GET']);
    expect(get[0].destinationIdentity).toEqual({
      mesh: 'linkerd',
      namespace: 'booksapp',
      name: 'authors',
    });
    const modify = r.rules.filter(
      x => x.policy === 'AuthorizationPolicy booksapp/authors-modify-policy',
    );
    expect(modify.map(x => x.sourceIdentity?.name)).toEqual(['webapp']);
    expect(modify[0].methods).toEqual(['DELETE', 'PUT', 'POST']);
    const probe = r.rules.find(
      x => x.policy === 'AuthorizationPolicy booksapp/authors-probe-policy',
    )!;
    expect(probe.conditions).toEqual(['networks: 0.0.0.0/0, ::/0']);
    expect(r.skipped).toEqual([]);
  });

  it('Consul HCL: the exact allow (precedence 9) wins over the * -> * deny (5)', () => {
    const r = parseMeshFiles([
      {
        name: 'consul-default-intentions.hcl',
        text: read('consul-default-intentions.hcl'),
      },
      { name: 'consul-payments.hcl', text: read('consul-payments.hcl') },
    ]);
    expect(r.errors).toEqual([]);
    expect(
      r.rules.map(x => [x.source, x.destination, x.action, x.precedence]),
    ).toEqual([
      ['*', '*', 'deny', 5],
      ['public-api', 'payments', 'allow', 9],
    ]);
    const payments = { mesh: 'consul' as const, name: 'payments' };
    expect(
      evaluateMeshAccess(r, { mesh: 'consul', name: 'public-api' }, payments)
        .decision,
    ).toBe('allow');
    const other = evaluateMeshAccess(
      r,
      { mesh: 'consul', name: 'frontend' },
      payments,
    );
    expect(other).toMatchObject({ decision: 'deny' });
    expect(other.reason).toContain('precedence 5');
  });

  it('Consul HCL: L7 permissions in order, deny included', () => {
    const r = parse('consul-config-intentions-web.hcl');
    expect(
      r.rules.map(x => [
        x.source,
        x.destination,
        x.action,
        x.paths,
        x.methods,
        x.order,
      ]),
    ).toEqual([
      ['ingress-service', 'web', 'allow', ['/ui'], ['GET'], 0],
      ['ingress-service', 'web', 'deny', ['/'], ['GET'], 1],
    ]);
    const d = evaluateMeshAccess(
      r,
      { mesh: 'consul', name: 'ingress-service' },
      { mesh: 'consul', name: 'web' },
    );
    expect(d).toMatchObject({ decision: 'allow', conditional: true });
  });

  it('Consul agent config: config_entries.bootstrap in snake_case, and acl default deny', () => {
    const r = parse('consul-l7-intentions-config-entries.hcl');
    expect(r.rules).toHaveLength(9);
    expect(r.rules.map(x => x.paths[0])).toEqual([
      '/exact',
      '/prefix*',
      '~/reg[ex]{2}',
      '/hdr-present',
      '/hdr-exact',
      '/hdr-prefix',
      '/hdr-suffix',
      '/hdr-regex',
      '/method-match',
    ]);
    expect(r.rules[3].conditions).toEqual(['header x-test-debug present']);
    expect(r.rules[4].conditions).toEqual(['header x-test-debug exact exact']);
    expect(r.rules[8].methods).toEqual(['GET', 'PUT']);
    expect(r.skipped.map(s => s.kind)).toEqual(['service-defaults']);
    expect(r.defaultDeny).toEqual([
      expect.objectContaining({ reason: 'acl.default_policy = "deny"' }),
    ]);
    expect(
      evaluateMeshAccess(
        r,
        { mesh: 'consul', name: 'other' },
        { mesh: 'consul', name: 's2' },
      ).decision,
    ).toBe('deny');
  });

  it('Consul Kubernetes CRD: spec.destination, not metadata.name, is the destination', () => {
    const r = parse('consul-k8s-service-intentions.yaml');
    expect(r.rules).toHaveLength(17);
    expect(r.rules[0]).toMatchObject({
      source: 'api-gateway',
      destination: 'service-a',
      action: 'allow',
      precedence: 9,
    });
    expect(r.rules.every(x => x.destination !== 'service-a-intentions')).toBe(
      true,
    );
  });

  it('Linkerd: an HTTPRoute whose rules are not a list (found by fast-check) skips its AuthorizationPolicy, never allows every path', () => {
    const text = `apiVersion: policy.linkerd.io/v1beta3
kind: Server
metadata: { name: authors-server, namespace: booksapp }
spec:
  podSelector: { matchLabels: { app: authors } }
  port: service
---
apiVersion: policy.linkerd.io/v1beta1
kind: HTTPRoute
metadata: { name: authors-probe-route, namespace: booksapp }
spec:
  parentRefs: [{ name: authors-server, kind: Server, group: policy.linkerd.io }]
  rules: "- matches"
---
apiVersion: policy.linkerd.io/v1alpha1
kind: AuthorizationPolicy
metadata: { name: authors-probe-policy, namespace: booksapp }
spec:
  targetRef: { group: policy.linkerd.io, kind: HTTPRoute, name: authors-probe-route }
  requiredAuthenticationRefs: []
`;
    const r = parseMeshConfig(text, { fileName: 'linkerd.yaml' });
    expect(r.rules).toEqual([]);
    expect(r.skipped).toEqual([
      expect.objectContaining({
        kind: 'AuthorizationPolicy',
        name: 'authors-probe-policy',
        reason: expect.stringMatching(/spec\.rules.*not a list/),
      }),
    ]);
  });
});
