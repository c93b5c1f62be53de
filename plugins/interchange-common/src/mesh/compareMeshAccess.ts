import type { IntegrationGraph } from '../graph';
import { meshDecisionBetween, resolveMeshAccess } from './access';
import { MeshDefaults } from './evaluate';
import { meshComponentsOf } from './meshComponents';
import { formatMeshIdentity, meshIdentityMatches } from './identity';
import { MeshDefaultDeny, MeshRule, MeshType } from './types';

/**
 * One configured mesh as the comparison needs it: its policy and, when it
 * has metrics, the calls observed over its window (component refs).
 *
 * @public
 */
export interface MeshAccessData {
  /** `interchange.meshes[].id`. */
  id: string;
  type: MeshType;
  rules: MeshRule[];
  defaultDeny: MeshDefaultDeny[];
  defaults?: MeshDefaults;
  /** Absent when the mesh has no metrics: nothing is said about traffic. */
  observed?: { source: string; destination: string; requests: number }[];
  windowSeconds?: number;
}

/** What the mesh says about one pair of components. @public */
export interface MeshPairDecision {
  mesh: string;
  decision: 'allow' | 'deny' | 'custom';
  /** Only for some requests (paths, methods, ports, conditions). */
  conditional: boolean;
  reason: string;
  /** The policy of the deciding rule, when a rule decided. */
  policy?: string;
}

/**
 * One caller -> callee pair with its three columns: declared in the catalog
 * (`dependsOn`, or `consumesApis` of an API the callee provides), allowed by
 * the mesh, observed in traffic.
 *
 * @public
 */
export interface MeshAccessPair {
  source: string;
  destination: string;
  /** How the catalog declares it (`dependsOn`, `api:default/orders-api`); empty: undeclared. */
  declaredVia: string[];
  /** One per mesh that knows the destination; empty when no mesh decides. */
  allowed: MeshPairDecision[];
  /** Requests per mesh with metrics, over its window; absent: no metrics. */
  observed?: { mesh: string; requests: number; windowSeconds?: number }[];
}

/** A rule letting any source in, with the components it guards. @public */
export interface MeshAllowAny {
  mesh: string;
  rule: MeshRule;
  destinations: string[];
}

/** @public */
export interface MeshAccessComparison {
  pairs: MeshAccessPair[];
  allowAny: MeshAllowAny[];
  /** Identities rules name that no component stands for, per mesh. */
  unmapped: { mesh: string; identity: string; side: string; policy: string }[];
  /** Components whose mesh identity annotation cannot be read. */
  invalidIdentities: { entityRef: string; message: string }[];
}

/** Declared synchronous calls between components, with how. */
export function declaredCalls(graph: IntegrationGraph): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (from: string, to: string, via: string) => {
    if (from === to) return;
    const k = `${from}|${to}`;
    const list = out.get(k) ?? [];
    if (!list.includes(via)) list.push(via);
    out.set(k, list);
  };
  for (const e of graph.edges) {
    if (graph.nodes.get(e.from)?.category !== 'component') continue;
    if (e.relation === 'dependsOn') {
      add(e.from, e.to, 'dependsOn');
    } else if (e.relation === 'consumesApi') {
      for (const p of graph.outgoing.get(e.to) ?? []) {
        if (p.relation === 'apiProvidedBy') add(e.from, p.to, e.to);
      }
    }
  }
  return out;
}

const cache = new WeakMap<
  IntegrationGraph,
  { meshes: readonly MeshAccessData[]; result: MeshAccessComparison }
>();

/**
 * Declared vs allowed vs observed for every pair of components any of them
 * mentions: the catalog's declared calls, each mesh's allow rules resolved
 * to components (deny wins, by the mesh's precedence) and its decision on
 * each declared call, and the observed calls. Pure; cached per graph and
 * mesh list, so the rules and the API share one computation.
 *
 * @public
 */
export function compareMeshAccess(
  graph: IntegrationGraph,
  meshes: readonly MeshAccessData[],
): MeshAccessComparison {
  const known = cache.get(graph);
  if (known && known.meshes === meshes) return known.result;

  const { components, invalidIdentities } = meshComponentsOf(graph);
  const byRef = new Map(components.map(c => [c.ref, c]));
  const declared = declaredCalls(graph);
  const pairs = new Map<string, MeshAccessPair>();
  const pair = (source: string, destination: string) => {
    const k = `${source}|${destination}`;
    let p = pairs.get(k);
    if (!p) {
      p = {
        source,
        destination,
        declaredVia: declared.get(k) ?? [],
        allowed: [],
      };
      pairs.set(k, p);
    }
    return p;
  };
  for (const k of declared.keys()) {
    const [s, d] = k.split('|');
    pair(s, d);
  }
  const result: MeshAccessComparison = {
    pairs: [],
    allowAny: [],
    unmapped: [],
    invalidIdentities,
  };
  for (const mesh of meshes) {
    const resolved = resolveMeshAccess(mesh, components, mesh.defaults);
    for (const m of resolved.mayCall) {
      pair(m.source, m.destination).allowed.push({
        mesh: mesh.id,
        decision: 'allow',
        conditional: m.conditional,
        reason: m.reason,
        policy: m.rules[0]?.policy,
      });
    }
    for (const o of resolved.overridden) {
      pair(o.source, o.destination).allowed.push({
        mesh: mesh.id,
        decision: 'deny',
        conditional: false,
        reason: o.reason,
      });
    }
    for (const rule of resolved.allowAny) {
      result.allowAny.push({
        mesh: mesh.id,
        rule,
        destinations: rule.destinationIdentity
          ? components
              .filter(c =>
                c.identities.some(i =>
                  meshIdentityMatches(rule.destinationIdentity!, i),
                ),
              )
              .map(c => c.ref)
          : [],
      });
    }
    for (const u of resolved.unmapped)
      result.unmapped.push({ mesh: mesh.id, ...u });
    for (const o of mesh.observed ?? []) {
      if (o.source !== o.destination) pair(o.source, o.destination);
    }
  }
  // The mesh's word on each pair it has not decided yet (declared or observed).
  for (const p of pairs.values()) {
    const s = byRef.get(p.source);
    const d = byRef.get(p.destination);
    for (const mesh of meshes) {
      if (s && d && !p.allowed.some(a => a.mesh === mesh.id)) {
        const decision = meshDecisionBetween(mesh, s, d, mesh.defaults);
        if (decision) {
          p.allowed.push({
            mesh: mesh.id,
            decision: decision.decision,
            conditional: decision.conditional,
            reason: decision.reason,
            policy: decision.rule?.policy,
          });
        }
      }
      if (mesh.observed) {
        const requests = mesh.observed
          .filter(o => o.source === p.source && o.destination === p.destination)
          .reduce((sum, o) => sum + o.requests, 0);
        (p.observed ??= []).push({
          mesh: mesh.id,
          requests,
          windowSeconds: mesh.windowSeconds,
        });
      }
    }
  }
  result.pairs = [...pairs.values()].sort(
    (a, b) =>
      a.source.localeCompare(b.source) ||
      a.destination.localeCompare(b.destination),
  );
  cache.set(graph, { meshes, result });
  return result;
}

/** Text of a rule's destination for messages. */
export function meshRuleDestination(rule: MeshRule): string {
  return rule.destinationIdentity
    ? formatMeshIdentity(rule.destinationIdentity)
    : rule.destination;
}
