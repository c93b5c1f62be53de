import { evaluateMeshAccess, MeshDecision, MeshDefaults } from './evaluate';
import {
  formatMeshIdentity,
  isAnyIdentity,
  meshIdentityMatches,
} from './identity';
import {
  MeshDefaultDeny,
  MeshIdentityPattern,
  MeshRule,
  MeshType,
} from './types';

/** A component with the mesh identities it runs as. @public */
export interface MeshComponent {
  /** `component:default/orders`. */
  ref: string;
  identities: MeshIdentityPattern[];
}

/** One component the mesh lets call another. @public */
export interface MeshMayCall {
  source: string;
  destination: string;
  mesh: MeshType;
  /** Allowed only for some requests. */
  conditional: boolean;
  reason: string;
  /** The allow rules naming this pair, as the files say them. */
  rules: MeshRule[];
}

/** An identity a rule names that no component stands for. @public */
export interface MeshUnmappedIdentity {
  /** `istio:orders/order-service`, or the file's text when it names no workload. */
  identity: string;
  side: 'source' | 'destination';
  policy: string;
}

/** The mesh's allow rules resolved to components. @public */
export interface MeshAccessFacts {
  mayCall: MeshMayCall[];
  /** Allow rules a deny (or a higher-precedence intention) overrides, with the reason. */
  overridden: {
    source: string;
    destination: string;
    mesh: MeshType;
    reason: string;
  }[];
  /** Allow rules that let any source in (`*`, any namespace, unauthenticated). */
  allowAny: MeshRule[];
  unmapped: MeshUnmappedIdentity[];
}

const componentsFor = (
  pattern: MeshIdentityPattern | undefined,
  components: MeshComponent[],
) =>
  pattern
    ? components.filter(c =>
        c.identities.some(i => meshIdentityMatches(pattern, i)),
      )
    : [];

/**
 * "May call" between components: every allow rule's source and destination
 * resolved to components (ComponentIndex data: the `interchange.dev/mesh-identity`
 * annotation, else the component's name), then checked with the mesh's own
 * precedence, so a deny wins over an allow. A wildcard source (`*`) is not
 * expanded to every component: it is reported in `allowAny`. Identities no
 * component stands for are listed in `unmapped`, not dropped.
 *
 * @public
 */
export function resolveMeshAccess(
  facts: { rules: MeshRule[]; defaultDeny: MeshDefaultDeny[] },
  components: MeshComponent[],
  defaults: MeshDefaults = {},
): MeshAccessFacts {
  const out: MeshAccessFacts = {
    mayCall: [],
    overridden: [],
    allowAny: [],
    unmapped: [],
  };
  const unmapped = new Map<string, MeshUnmappedIdentity>();
  const pairs = new Map<string, MeshMayCall>();
  const overridden = new Map<string, MeshAccessFacts['overridden'][number]>();
  const note = (
    identity: string,
    side: 'source' | 'destination',
    policy: string,
  ) => {
    const k = `${side}|${identity}`;
    if (!unmapped.has(k)) unmapped.set(k, { identity, side, policy });
  };
  for (const rule of facts.rules) {
    if (rule.action !== 'allow') continue;
    const dests = componentsFor(rule.destinationIdentity, components);
    if (!dests.length) {
      note(
        rule.destinationIdentity
          ? formatMeshIdentity(rule.destinationIdentity)
          : rule.destination,
        'destination',
        rule.policy,
      );
    }
    if (rule.sourceIdentity && isAnyIdentity(rule.sourceIdentity)) {
      out.allowAny.push(rule);
      continue;
    }
    const sources = componentsFor(rule.sourceIdentity, components);
    if (!sources.length) {
      note(
        rule.sourceIdentity
          ? formatMeshIdentity(rule.sourceIdentity)
          : rule.source,
        'source',
        rule.policy,
      );
    }
    for (const s of sources) {
      for (const d of dests) {
        if (s.ref === d.ref) continue;
        const key = `${s.ref}|${d.ref}|${rule.mesh}`;
        const known = pairs.get(key);
        if (known) {
          known.rules.push(rule);
          continue;
        }
        if (overridden.has(key)) continue;
        const decision = decide(facts, s, d, rule, defaults);
        if (decision.decision === 'allow') {
          pairs.set(key, {
            source: s.ref,
            destination: d.ref,
            mesh: rule.mesh,
            conditional: decision.conditional,
            reason: decision.reason,
            rules: [rule],
          });
        } else {
          overridden.set(key, {
            source: s.ref,
            destination: d.ref,
            mesh: rule.mesh,
            reason: decision.reason,
          });
        }
      }
    }
  }
  out.mayCall = [...pairs.values()];
  out.overridden = [...overridden.values()];
  out.unmapped = [...unmapped.values()];
  return out;
}

/** The decision for the identities of two components the rule covers. */
function decide(
  facts: { rules: MeshRule[]; defaultDeny: MeshDefaultDeny[] },
  s: MeshComponent,
  d: MeshComponent,
  rule: MeshRule,
  defaults: MeshDefaults,
): MeshDecision {
  const srcIds = s.identities.filter(
    i =>
      i.mesh === rule.mesh &&
      rule.sourceIdentity &&
      meshIdentityMatches(rule.sourceIdentity, i),
  );
  const dstIds = d.identities.filter(
    i =>
      i.mesh === rule.mesh &&
      rule.destinationIdentity &&
      meshIdentityMatches(rule.destinationIdentity, i),
  );
  let last: MeshDecision | undefined;
  for (const si of srcIds) {
    for (const di of dstIds) {
      // A default identity's `*` namespace matches whatever namespace a rule names.
      last = evaluateMeshAccess(facts, si, di, defaults);
      if (last.decision === 'allow') return last;
    }
  }
  return (
    last ?? {
      decision: 'deny',
      conditional: false,
      reason: 'no identities to compare',
    }
  );
}

/**
 * What the mesh decides between two components (for a declared
 * dependency): allow when any pair of their identities of one mesh is
 * allowed; `undefined` when they share no mesh.
 *
 * @public
 */
export function meshDecisionBetween(
  facts: { rules: MeshRule[]; defaultDeny: MeshDefaultDeny[] },
  source: MeshComponent,
  destination: MeshComponent,
  defaults: MeshDefaults = {},
): MeshDecision | undefined {
  let last: MeshDecision | undefined;
  for (const di of destination.identities) {
    for (const si of source.identities.filter(i => i.mesh === di.mesh)) {
      const known =
        facts.rules.some(
          r =>
            r.mesh === di.mesh &&
            r.destinationIdentity &&
            meshIdentityMatches(r.destinationIdentity, di),
        ) ||
        facts.defaultDeny.some(
          r =>
            r.mesh === di.mesh &&
            r.destinationIdentity &&
            meshIdentityMatches(r.destinationIdentity, di),
        );
      if (!known) continue;
      // A default identity's `*` namespace matches whatever namespace a rule names.
      last = evaluateMeshAccess(facts, si, di, defaults);
      if (last.decision === 'allow') return last;
    }
  }
  return last;
}
