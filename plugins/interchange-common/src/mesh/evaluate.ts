import { meshIdentityMatches } from './identity';
import { MeshDefaultDeny, MeshIdentityPattern, MeshRule } from './types';

/** What the mesh decides for calls from one identity to another. @public */
export interface MeshDecision {
  /** `custom`: an Istio CUSTOM policy hands the call to an external authorizer. */
  decision: 'allow' | 'deny' | 'custom';
  /** Allowed or denied only for some requests (paths, methods, ports, conditions). */
  conditional: boolean;
  /** The rule that decided, when one did (not a default). */
  rule?: MeshRule;
  reason: string;
}

/** Defaults when nothing in the files decides. @public */
export interface MeshDefaults {
  /** Consul's `acl.default_policy` (or mesh `DefaultIntentionPolicy`); Consul's own default is allow. */
  consul?: 'allow' | 'deny';
  /** Linkerd's default inbound policy for workloads without a Server; `all-unauthenticated` (allow) by default. */
  linkerd?: 'allow' | 'deny';
}

const unconditional = (r: MeshRule) =>
  !r.paths.length &&
  !r.methods.length &&
  !r.ports.length &&
  !r.conditions.length;

const covers = (
  r: { sourceIdentity?: MeshIdentityPattern },
  s: MeshIdentityPattern,
) => !!r.sourceIdentity && meshIdentityMatches(r.sourceIdentity, s);

function istio(
  rules: MeshRule[],
  defaults: MeshDefaultDeny[],
  s: MeshIdentityPattern,
): MeshDecision {
  const from = rules.filter(r => covers(r, s));
  const custom = from.find(r => r.action === 'custom');
  if (custom) {
    return {
      decision: 'custom',
      conditional: !unconditional(custom),
      rule: custom,
      reason: `${custom.policy} (CUSTOM, provider ${
        custom.provider ?? '?'
      }) decides first`,
    };
  }
  const denies = from.filter(r => r.action === 'deny');
  const fullDeny = denies.find(unconditional);
  if (fullDeny) {
    return {
      decision: 'deny',
      conditional: false,
      rule: fullDeny,
      reason: `${fullDeny.policy} (DENY) matches: a DENY wins over any ALLOW`,
    };
  }
  const partial = denies.length > 0;
  if (!defaults.length) {
    return {
      decision: 'allow',
      conditional: partial,
      reason: `no ALLOW policy applies to the workload: Istio allows${
        partial ? ` (except what ${denies[0].policy} denies)` : ''
      }`,
    };
  }
  const allow =
    from.find(r => r.action === 'allow' && unconditional(r)) ??
    from.find(r => r.action === 'allow');
  if (allow) {
    return {
      decision: 'allow',
      conditional: partial || !unconditional(allow),
      rule: allow,
      reason: `${allow.policy} (ALLOW) matches`,
    };
  }
  return {
    decision: 'deny',
    conditional: false,
    reason: `${defaults[0].reason}, and none allows this caller`,
  };
}

function linkerd(
  rules: MeshRule[],
  defaults: MeshDefaultDeny[],
  s: MeshIdentityPattern,
  fallback: 'allow' | 'deny',
): MeshDecision {
  if (!defaults.length) {
    return {
      decision: fallback,
      conditional: false,
      reason: `no Server selects the workload: the default inbound policy (${
        fallback === 'allow' ? 'all-unauthenticated' : 'deny'
      }) applies`,
    };
  }
  const allow = rules
    .filter(r => covers(r, s))
    .sort((a, b) => Number(unconditional(b)) - Number(unconditional(a)))[0];
  if (allow) {
    return {
      decision: 'allow',
      conditional: !unconditional(allow),
      rule: allow,
      reason: `${allow.policy} authorizes it`,
    };
  }
  return {
    decision: 'deny',
    conditional: false,
    reason: `${defaults[0].reason}; no authorization names this caller`,
  };
}

function consul(
  rules: MeshRule[],
  defaults: MeshDefaultDeny[],
  s: MeshIdentityPattern,
  fallback: 'allow' | 'deny',
): MeshDecision {
  const from = rules.filter(r => covers(r, s));
  if (!from.length) {
    const d = defaults.length ? 'deny' : fallback;
    return {
      decision: d,
      conditional: false,
      reason: defaults.length
        ? `no intention matches: ${defaults[0].reason}`
        : `no intention matches: the default ACL policy (${d}) applies`,
    };
  }
  // Highest precedence wins; at equal precedence deny beats allow.
  const top = Math.max(...from.map(r => r.precedence ?? 0));
  const best = from.filter(r => (r.precedence ?? 0) === top);
  const l4Deny = best.find(r => r.action === 'deny' && r.order === undefined);
  if (l4Deny)
    return {
      decision: 'deny',
      conditional: false,
      rule: l4Deny,
      reason: `${l4Deny.policy}: ${l4Deny.source} deny (precedence ${top})`,
    };
  const l4Allow = best.find(r => r.action === 'allow' && r.order === undefined);
  if (l4Allow)
    return {
      decision: 'allow',
      conditional: false,
      rule: l4Allow,
      reason: `${l4Allow.policy}: ${l4Allow.source} allow (precedence ${top})`,
    };
  // L7 permissions: first match decides per request; the pair is allowed for some requests when any permission allows.
  const ordered = [...best].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  const firstAll = ordered.find(unconditional);
  const allow = ordered.find(
    r =>
      r.action === 'allow' &&
      (!firstAll || (r.order ?? 0) <= (firstAll.order ?? 0)),
  );
  if (allow)
    return {
      decision: 'allow',
      conditional: true,
      rule: allow,
      reason: `${allow.policy}: L7 permissions allow some requests (precedence ${top})`,
    };
  return {
    decision: 'deny',
    conditional: !firstAll,
    rule: ordered[0],
    reason: `${ordered[0].policy}: its L7 permissions allow nothing (precedence ${top})`,
  };
}

/**
 * What the mesh decides for calls from `source` to `destination`, by that
 * mesh's own precedence. Istio: CUSTOM, then DENY, then "no ALLOW policy:
 * allow", then ALLOW, else deny. Linkerd: a workload without a Server takes
 * the default inbound policy; with one, only what an authorization names is
 * allowed. Consul: the most specific intention wins, deny at equal
 * precedence; nothing matching takes the default. A rule narrowed by paths,
 * methods, ports or conditions never denies a pair as a whole.
 *
 * @public
 */
export function evaluateMeshAccess(
  facts: { rules: MeshRule[]; defaultDeny: MeshDefaultDeny[] },
  source: MeshIdentityPattern,
  destination: MeshIdentityPattern,
  defaults: MeshDefaults = {},
): MeshDecision {
  const mesh = destination.mesh;
  const rules = facts.rules.filter(
    r =>
      r.mesh === mesh &&
      r.destinationIdentity &&
      meshIdentityMatches(r.destinationIdentity, destination),
  );
  const deny = facts.defaultDeny.filter(
    d =>
      d.mesh === mesh &&
      d.destinationIdentity &&
      meshIdentityMatches(d.destinationIdentity, destination),
  );
  if (source.mesh !== mesh) {
    return {
      decision: 'deny',
      conditional: false,
      reason: `${source.mesh} and ${mesh} identities are different meshes`,
    };
  }
  if (mesh === 'istio') return istio(rules, deny, source);
  if (mesh === 'linkerd')
    return linkerd(rules, deny, source, defaults.linkerd ?? 'allow');
  return consul(rules, deny, source, defaults.consul ?? 'allow');
}
