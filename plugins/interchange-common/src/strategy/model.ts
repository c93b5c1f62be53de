import { compileUntrustedPattern } from '../limits/untrustedPattern';
import {
  ANNOTATION_CHECK_EXCEPTIONS,
  BUILTIN_CHECK_RULES,
  CheckException,
  CheckFinding,
  CheckSeverity,
  parseCheckExceptions,
} from '../checks';
import { exceptionExpiry } from '../checks/exceptions';
import {
  buildIntegrationGraph,
  IntegrationEdgeStyle,
  IntegrationGraph,
  IntegrationGraphNode,
} from '../graph';
import { compareCodeUnits as cmp } from '../graph/refs';
import { IntegrationStrategyInput } from './types';

/** The styles in the order every table lists them. */
export const STYLES: readonly IntegrationEdgeStyle[] = [
  'event',
  'webhook',
  'http',
  'mesh',
];
export const SEVERITIES: readonly CheckSeverity[] = [
  'error',
  'warning',
  'info',
];
const SEVERITY_ORDER: Record<CheckSeverity, number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** Owner column for entities without one. */
export const NO_OWNER = '(no owner)';
/** System column for components outside any system. */
export const NO_SYSTEM = '(no system)';

type StyleCounts = Record<IntegrationEdgeStyle, number>;
const zeroStyles = (): StyleCounts => ({
  event: 0,
  webhook: 0,
  http: 0,
  mesh: 0,
});

export interface TeamConformance {
  owner: string;
  entities: number;
  conforming: number;
  /** Whole percent, undefined when the team owns no entity. */
  score?: number;
  bySeverity: Record<CheckSeverity, number>;
  byRule: Map<string, number>;
  excused: number;
}

export interface ExceptionRow {
  entityRef: string;
  owner: string;
  exception: CheckException;
  /** Undefined when the document has no time. */
  active?: boolean;
}

/** Everything the document says, computed once; the renderer only formats. */
export interface StrategyModel {
  graph: IntegrationGraph;
  systems: string[];
  teams: string[];
  components: number;
  integrationsByKind: Array<{
    kind: string;
    style?: IntegrationEdgeStyle;
    count: number;
  }>;
  entitiesByStyle: StyleCounts;
  connectionsByStyle: StyleCounts;
  perSystem: Array<{
    system: string;
    owner: string;
    components: number;
    styles: StyleCounts;
    total: number;
  }>;
  platforms: Array<{
    kind: string;
    id: string;
    title?: string;
    detail: string;
    configured: boolean;
    entities: number;
  }>;
  signingSchemes: Array<{ scheme: string; count: number }>;
  standards: {
    topicNaming: Array<{
      cluster: string;
      namePattern?: string;
      nameDescription?: string;
      topics: number;
      matching: number;
    }>;
    webhooks: number;
    signedWebhooks: number;
    publicRoutes: number;
    authenticatedPublicRoutes: number;
    outboundWebhooks: number;
    retryingWebhooks: number;
    topics: number;
    openByRule: Map<string, number>;
  };
  findingsByRule: Array<{
    rule: string;
    severity: CheckSeverity;
    count: number;
  }>;
  findingsBySeverity: Record<CheckSeverity, number>;
  conformance: TeamConformance[];
  exceptions: ExceptionRow[];
  hotspots: CheckFinding[];
  mostConnected: Array<{ ref: string; neighbours: number; owner: string }>;
  findings: CheckFinding[];
}

const HOTSPOT_LIMIT = 10;
const MOST_CONNECTED_LIMIT = 5;

function specOf(node: IntegrationGraphNode): Record<string, any> {
  return (node.entity?.spec ?? {}) as Record<string, any>;
}

function sortedCounts<K extends string>(map: Map<K, number>) {
  return [...map.entries()].sort((a, b) => cmp(a[0], b[0]));
}

function inc<K>(map: Map<K, number>, key: K, by = 1) {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Computes the document's numbers from the graph, the findings and config.
 * Every list is sorted with a code-unit comparator so the same input gives
 * the same bytes on any machine.
 */
export function buildStrategyModel(
  input: IntegrationStrategyInput,
): StrategyModel {
  const graph = input.graph ?? buildIntegrationGraph(input.entities ?? []);
  const nodes = [...graph.nodes.values()].sort((a, b) => cmp(a.ref, b.ref));
  const owned = nodes.filter(
    n => n.category !== 'external' && n.category !== 'group',
  );
  const findings = [...input.findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      cmp(a.rule, b.rule) ||
      cmp(a.entityRef, b.entityRef) ||
      cmp(a.message, b.message),
  );

  // Scope.
  const systems = nodes.filter(n => n.category === 'system').map(n => n.ref);
  const teams = [
    ...new Set(owned.map(n => n.owner).filter((o): o is string => !!o)),
  ].sort(cmp);
  const integrationNodes = nodes.filter(n => n.category === 'integration');
  const byKind = new Map<
    string,
    { style?: IntegrationEdgeStyle; count: number }
  >();
  const entitiesByStyle = zeroStyles();
  for (const n of integrationNodes) {
    const kind = n.integrationKind ?? n.kind;
    const entry = byKind.get(kind) ?? { style: n.style, count: 0 };
    entry.count += 1;
    byKind.set(kind, entry);
    if (n.style) entitiesByStyle[n.style] += 1;
  }
  const connectionsByStyle = zeroStyles();
  for (const e of graph.collapsed.components) {
    for (const v of e.via) connectionsByStyle[v.style] += 1;
  }

  // Styles per system: flow edges touching a component of the system.
  const perSystemStyles = new Map<string, StyleCounts>();
  const componentsPerSystem = new Map<string, number>();
  for (const n of nodes) {
    if (n.category === 'component')
      inc(componentsPerSystem, n.system ?? NO_SYSTEM);
  }
  const systemOf = (ref: string) => {
    const n = graph.nodes.get(ref);
    return n?.category === 'component' ? n.system ?? NO_SYSTEM : undefined;
  };
  for (const e of graph.edges) {
    const touched = new Set(
      [systemOf(e.from), systemOf(e.to)].filter((s): s is string => !!s),
    );
    for (const s of touched) {
      if (!perSystemStyles.has(s)) perSystemStyles.set(s, zeroStyles());
      perSystemStyles.get(s)![e.style] += 1;
    }
  }
  const systemKeys = [
    ...new Set([
      ...systems,
      ...componentsPerSystem.keys(),
      ...perSystemStyles.keys(),
    ]),
  ].sort(
    (a, b) =>
      (a === NO_SYSTEM ? 1 : 0) - (b === NO_SYSTEM ? 1 : 0) || cmp(a, b),
  );
  const perSystem = systemKeys.map(system => {
    const styles = perSystemStyles.get(system) ?? zeroStyles();
    return {
      system,
      owner: ownerOfSystem(graph, system),
      components: componentsPerSystem.get(system) ?? 0,
      styles,
      total: STYLES.reduce((t, s) => t + styles[s], 0),
    };
  });

  // Platforms: configured ids and the ids entities name.
  const topicsPerCluster = new Map<string, IntegrationGraphNode[]>();
  const routesPerGateway = new Map<string, number>();
  const schemes = new Map<string, number>();
  for (const n of integrationNodes) {
    const spec = specOf(n);
    if (n.kind === 'kafkatopic' && typeof spec.cluster === 'string') {
      const list = topicsPerCluster.get(spec.cluster) ?? [];
      list.push(n);
      topicsPerCluster.set(spec.cluster, list);
    } else if (n.kind === 'gatewayroute' && typeof spec.gateway === 'string') {
      inc(routesPerGateway, spec.gateway);
    } else if (n.kind === 'webhook') {
      inc(schemes, String(spec.signing?.scheme ?? 'none'));
    }
  }
  const platforms: StrategyModel['platforms'] = [];
  const clusterIds = new Set(input.platforms.kafkaClusters.map(c => c.id));
  for (const c of [...input.platforms.kafkaClusters].sort((a, b) =>
    cmp(a.id, b.id),
  )) {
    platforms.push({
      kind: 'Kafka cluster',
      id: c.id,
      title: c.title,
      detail: c.brokers
        ? `${c.brokers} bootstrap broker${c.brokers === 1 ? '' : 's'}`
        : '',
      configured: true,
      entities: topicsPerCluster.get(c.id)?.length ?? 0,
    });
  }
  for (const [id, topics] of sortedCounts(
    new Map([...topicsPerCluster].map(([k, v]) => [k, v.length])),
  )) {
    if (!clusterIds.has(id)) {
      platforms.push({
        kind: 'Kafka cluster',
        id,
        detail: '',
        configured: false,
        entities: topics,
      });
    }
  }
  const gatewayIds = new Set(input.platforms.gateways.map(g => g.id));
  for (const g of [...input.platforms.gateways].sort((a, b) =>
    cmp(a.id, b.id),
  )) {
    platforms.push({
      kind: gatewayKind(g.type),
      id: g.id,
      title: g.title,
      detail: g.type,
      configured: true,
      entities: routesPerGateway.get(g.id) ?? 0,
    });
  }
  for (const [id, count] of sortedCounts(routesPerGateway)) {
    if (!gatewayIds.has(id)) {
      platforms.push({
        kind: 'Gateway',
        id,
        detail: '',
        configured: false,
        entities: count,
      });
    }
  }

  // Standards: how many entities each applies to and follows it.
  const openByRule = new Map<string, number>();
  for (const f of findings) inc(openByRule, f.rule);
  const webhooks = integrationNodes.filter(n => n.kind === 'webhook');
  const routes = integrationNodes.filter(n => n.kind === 'gatewayroute');
  const publicRoutes = routes.filter(n =>
    ['public', 'partner'].includes(specOf(n).exposure),
  );
  const outbound = webhooks.filter(n => {
    const s = specOf(n);
    return s.type === 'outbound' || (s.type === undefined && !!s.url);
  });
  const topicNaming = [...input.standards.topicNaming]
    .sort((a, b) => cmp(a.cluster, b.cluster))
    .map(p => {
      const topics = topicsPerCluster.get(p.cluster) ?? [];
      let matching = 0;
      if (p.namePattern) {
        let re: RegExp | undefined;
        try {
          re = compileUntrustedPattern(p.namePattern, 'namePattern');
        } catch {
          re = undefined; // the backend refuses such config at start-up
        }
        for (const t of topics) {
          const name = String(
            specOf(t).topicName ?? t.entity?.metadata.name ?? t.name,
          );
          if (re?.test(name)) matching += 1;
        }
      }
      return { ...p, topics: topics.length, matching };
    });

  // Findings by rule and severity.
  const ruleSeverity = new Map<string, number>();
  const findingsBySeverity: Record<CheckSeverity, number> = {
    error: 0,
    warning: 0,
    info: 0,
  };
  for (const f of findings) {
    inc(ruleSeverity, `${f.rule}\n${f.severity}`);
    findingsBySeverity[f.severity] += 1;
  }
  const findingsByRule = sortedCounts(ruleSeverity).map(([key, count]) => {
    const [rule, severity] = key.split('\n') as [string, CheckSeverity];
    return { rule, severity, count };
  });

  // Exceptions from the annotation (valid entries only; invalid ones are findings).
  const ruleIds = new Set([
    ...BUILTIN_CHECK_RULES.map(r => r.id),
    ...(input.extraRuleIds ?? []),
  ]);
  const now = input.generatedAt ? Date.parse(input.generatedAt) : NaN;
  const exceptions: ExceptionRow[] = [];
  for (const n of nodes) {
    const value = n.entity?.metadata.annotations?.[ANNOTATION_CHECK_EXCEPTIONS];
    if (!value) continue;
    for (const exception of parseCheckExceptions(value, ruleIds).exceptions) {
      exceptions.push({
        entityRef: n.ref,
        owner: n.owner ?? NO_OWNER,
        exception,
        active: Number.isNaN(now)
          ? undefined
          : !exception.expires || exceptionExpiry(exception.expires) >= now,
      });
    }
  }
  exceptions.sort(
    (a, b) =>
      cmp(a.entityRef, b.entityRef) || cmp(a.exception.rule, b.exception.rule),
  );

  // Conformance per team.
  const ownerOf = (ref: string) => graph.nodes.get(ref)?.owner ?? NO_OWNER;
  const teamRows = new Map<string, TeamConformance>();
  const row = (owner: string) => {
    let r = teamRows.get(owner);
    if (!r) {
      r = {
        owner,
        entities: 0,
        conforming: 0,
        bySeverity: { error: 0, warning: 0, info: 0 },
        byRule: new Map(),
        excused: 0,
      };
      teamRows.set(owner, r);
    }
    return r;
  };
  const failing = new Set(
    findings.filter(f => f.severity !== 'info').map(f => f.entityRef),
  );
  for (const n of owned) {
    const r = row(n.owner ?? NO_OWNER);
    r.entities += 1;
    if (!failing.has(n.ref)) r.conforming += 1;
  }
  for (const f of findings) {
    const r = row(ownerOf(f.entityRef));
    r.bySeverity[f.severity] += 1;
    inc(r.byRule, f.rule);
  }
  for (const e of exceptions) {
    if (e.active !== false) row(e.owner).excused += 1;
  }
  const conformance = [...teamRows.values()]
    .map(r => ({
      ...r,
      score: r.entities
        ? Math.round((r.conforming * 100) / r.entities)
        : undefined,
    }))
    .sort(
      (a, b) =>
        (a.owner === NO_OWNER ? 1 : 0) - (b.owner === NO_OWNER ? 1 : 0) ||
        cmp(a.owner, b.owner),
    );

  // Hotspots: coupling findings, widest first; the most connected components.
  const hotspots = findings
    .filter(f => f.rule.startsWith('coupling/'))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        b.entityRefs.length - a.entityRefs.length ||
        cmp(a.rule, b.rule) ||
        cmp(a.entityRef, b.entityRef) ||
        cmp(a.message, b.message),
    )
    .slice(0, HOTSPOT_LIMIT);
  const neighbours = new Map<string, Set<string>>();
  for (const e of graph.collapsed.components) {
    if (!neighbours.has(e.from)) neighbours.set(e.from, new Set());
    if (!neighbours.has(e.to)) neighbours.set(e.to, new Set());
    neighbours.get(e.from)!.add(e.to);
    neighbours.get(e.to)!.add(e.from);
  }
  const mostConnected = [...neighbours.entries()]
    .map(([ref, set]) => ({ ref, neighbours: set.size, owner: ownerOf(ref) }))
    .sort((a, b) => b.neighbours - a.neighbours || cmp(a.ref, b.ref))
    .slice(0, MOST_CONNECTED_LIMIT);

  return {
    graph,
    systems,
    teams,
    components: nodes.filter(n => n.category === 'component').length,
    integrationsByKind: [...byKind.entries()]
      .sort((a, b) => cmp(a[0], b[0]))
      .map(([kind, v]) => ({ kind, style: v.style, count: v.count })),
    entitiesByStyle,
    connectionsByStyle,
    perSystem,
    platforms,
    signingSchemes: sortedCounts(schemes).map(([scheme, count]) => ({
      scheme,
      count,
    })),
    standards: {
      topicNaming,
      webhooks: webhooks.length,
      signedWebhooks: webhooks.filter(
        n => (specOf(n).signing?.scheme ?? 'none') !== 'none',
      ).length,
      publicRoutes: publicRoutes.length,
      authenticatedPublicRoutes: publicRoutes.filter(n => {
        const a = specOf(n).authentication;
        return !!a && a !== 'none';
      }).length,
      outboundWebhooks: outbound.length,
      retryingWebhooks: outbound.filter(n => !!specOf(n).retry).length,
      topics: integrationNodes.filter(n => n.style === 'event').length,
      openByRule,
    },
    findingsByRule,
    findingsBySeverity,
    conformance,
    exceptions,
    hotspots,
    mostConnected,
    findings,
  };
}

function gatewayKind(type: string): string {
  switch (type) {
    case 'istio':
      return 'Service mesh (Istio)';
    case 'gateway-api':
      return 'Kubernetes Gateway API';
    case 'kong':
      return 'API gateway (Kong)';
    case 'aws-api-gateway':
      return 'API gateway (AWS)';
    default:
      return `Gateway (${type})`;
  }
}

function ownerOfSystem(graph: IntegrationGraph, system: string): string {
  if (system === NO_SYSTEM) return '';
  const node = graph.nodes.get(system);
  if (!node) return '(system not in the catalog)';
  return node.owner ?? NO_OWNER;
}
