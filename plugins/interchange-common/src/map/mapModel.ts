import type { CheckFinding } from '../checks';
import type {
  CollapsedEdge,
  IntegrationEdgeStyle,
  IntegrationGraph,
  IntegrationGraphNode,
} from '../graph';

/**
 * What the map draws: boxes for systems, nodes for entities, flow edges.
 *
 * @public
 */
export interface MapNode {
  id: string;
  /** `group`: a system's box holding its members; `system`: a system drawn as one node. */
  type: 'group' | 'entity' | 'system';
  label: string;
  /** Lower-case kind, e.g. `component`, `kafkatopic`, or `url` for external endpoints. */
  kind: string;
  /** The system box it sits in. */
  parent?: string;
  style?: IntegrationEdgeStyle;
  findings: CheckFinding[];
  /** In focus mode: where it stands relative to the focused entity. */
  focus?: 'center' | 'downstream' | 'upstream' | 'both';
  /** For `system` nodes: how many members it holds. */
  members?: number;
}

/** @public */
export interface MapEdge {
  id: string;
  from: string;
  to: string;
  /** The style it is drawn in (the first when a collapsed edge has several). */
  style: IntegrationEdgeStyle;
  styles: IntegrationEdgeStyle[];
  sync: boolean;
  /** Collapsed view: the channels (topics, webhooks, APIs) it stands for. */
  label?: string;
  channels: string[];
  findings: CheckFinding[];
}

/** @public */
export interface MapModel {
  nodes: MapNode[];
  edges: MapEdge[];
  /** Entity nodes the filters left, before `systemsOnly`. */
  entityCount: number;
  /** True when entities were folded into one node per system (too many to draw). */
  systemsOnly: boolean;
}

/** @public */
export interface MapFilters {
  owners: string[];
  systems: string[];
  styles: IntegrationEdgeStyle[];
  lifecycles: string[];
}

/** @public */
export const NO_FILTERS: MapFilters = {
  owners: [],
  systems: [],
  styles: [],
  lifecycles: [],
};

/**
 * The entities kept in focus mode, with their side of the focused one.
 *
 * @public
 */
export type FocusSet = Map<
  string,
  'center' | 'downstream' | 'upstream' | 'both'
>;

/** @public */
export interface MapModelOptions {
  /** Integration entities and APIs become labelled component to component edges. */
  collapseIntegrations: boolean;
  filters: MapFilters;
  findings: readonly CheckFinding[];
  focus?: FocusSet;
  /**
   * Above this many entity nodes the map draws one node per system (with
   * the collapsed system to system edges) unless `expandAll`. Default
   * MAX_ENTITY_NODES.
   */
  maxEntityNodes?: number;
  expandAll?: boolean;
  /** The company view (one node per system) whatever the size; not in focus mode. */
  systemsView?: boolean;
}

/**
 * Up to this many entities the map draws every one by default: 5,000 (the
 * size `yarn bench:map` measures) lays out and draws in seconds and pans
 * fluidly (docs/benchmarks.md); above it the company view comes first.
 *
 * @public
 */
export const MAX_ENTITY_NODES = 6000;

/**
 * Box for entities that belong to no system.
 *
 * @public
 */
export const NO_SYSTEM = 'system:interchange/no-system';

const DRAWN = new Set(['component', 'integration', 'api', 'external']);

/**
 * `kind:ns/name` to a readable name (title when there is one).
 *
 * @public
 */
export function labelOf(node: IntegrationGraphNode | undefined, ref: string) {
  if (node?.title) return node.title;
  if (node) return node.name;
  const slash = ref.indexOf('/');
  return slash === -1 ? ref : ref.slice(slash + 1);
}

/**
 * The system box an entity sits in: its own system; for a channel (topic,
 * webhook, API, route) without one, the system of its first writer, else
 * of its first reader, so it sits next to who owns the data flow.
 *
 * @public
 */
export function groupOf(
  graph: IntegrationGraph,
  ref: string,
  hops = 2,
): string {
  const node = graph.nodes.get(ref);
  if (node?.system && graph.nodes.has(node.system)) return node.system;
  if (node && node.category !== 'component' && hops > 0) {
    // A webhook's URL sits with its webhook, which sits with its sender.
    const neighbours = [
      ...(graph.incoming.get(ref) ?? []).map(e => e.from),
      ...(graph.outgoing.get(ref) ?? []).map(e => e.to),
    ];
    for (const n of neighbours) {
      const g = groupOf(graph, n, hops - 1);
      if (g !== NO_SYSTEM) return g;
    }
  }
  return NO_SYSTEM;
}

function passes(
  node: IntegrationGraphNode,
  group: string,
  filters: MapFilters,
): boolean {
  if (filters.owners.length && !filters.owners.includes(node.owner ?? '')) {
    return false;
  }
  if (filters.systems.length && !filters.systems.includes(group)) {
    return false;
  }
  if (
    filters.styles.length &&
    node.category !== 'component' &&
    !filters.styles.includes(
      node.style ?? (node.kind === 'api' ? 'http' : 'webhook'),
    )
  ) {
    return false;
  }
  if (
    filters.lifecycles.length &&
    !(node.lifecycle
      ? filters.lifecycles.includes(node.lifecycle)
      : node.category !== 'component')
  ) {
    return false;
  }
  return true;
}

/**
 * Findings by the refs they involve.
 *
 * @public
 */
export function indexFindings(findings: readonly CheckFinding[]) {
  const byRef = new Map<string, CheckFinding[]>();
  for (const f of findings) {
    for (const ref of new Set([f.entityRef, ...f.entityRefs])) {
      const list = byRef.get(ref) ?? [];
      list.push(f);
      byRef.set(ref, list);
    }
  }
  return byRef;
}

/** Findings that involve both ends of an edge, or one of its channels. */
/**
 * The map edge of one edge of the graph's collapsed view (components or
 * systems): drawn in its first style, with the label, channels and
 * findings the view gives it. `view` keeps its id apart from the other
 * edges between the same two nodes.
 */
function collapsedMapEdge(
  e: CollapsedEdge,
  view: 'collapsed' | 'systems',
  drawn: Pick<MapEdge, 'label' | 'channels' | 'findings'>,
): MapEdge {
  return {
    id: `${e.from}>${e.to}>${view}`,
    from: e.from,
    to: e.to,
    style: e.styles[0],
    styles: e.styles,
    sync: e.sync,
    label: drawn.label,
    channels: drawn.channels,
    findings: drawn.findings,
  };
}

function edgeFindings(
  byRef: Map<string, CheckFinding[]>,
  from: string,
  to: string,
  channels: readonly string[],
): CheckFinding[] {
  const out = new Set<CheckFinding>();
  const toSet = new Set(byRef.get(to) ?? []);
  for (const f of byRef.get(from) ?? []) if (toSet.has(f)) out.add(f);
  for (const c of channels) for (const f of byRef.get(c) ?? []) out.add(f);
  return [...out];
}

function shortName(ref: string, graph: IntegrationGraph) {
  return labelOf(graph.nodes.get(ref), ref);
}

/**
 * Turns the integration graph into what the map draws, after filters,
 * focus and the collapse toggle. Pure, so the page, the entity card and
 * the tests share it.
 *
 * @public
 */
export function buildMapModel(
  graph: IntegrationGraph,
  options: MapModelOptions,
): MapModel {
  const byRef = indexFindings(options.findings);
  const focus = options.focus;

  // Channels that the collapsed view turns into component -> component
  // edges; the others (an orphan topic, a webhook to a URL) stay nodes.
  const collapsedChannels = new Set<string>();
  if (options.collapseIntegrations) {
    for (const e of graph.collapsed.components) {
      for (const c of e.channels) {
        if (graph.nodes.get(c)?.category !== 'component')
          collapsedChannels.add(c);
      }
    }
  }

  const kept = new Map<string, { node: IntegrationGraphNode; group: string }>();
  for (const node of graph.nodes.values()) {
    if (!DRAWN.has(node.category) || collapsedChannels.has(node.ref)) continue;
    if (focus && !focus.has(node.ref)) continue;
    const group = groupOf(graph, node.ref);
    if (!focus && !passes(node, group, options.filters)) continue;
    kept.set(node.ref, { node, group });
  }

  const styleOk = (styles: readonly IntegrationEdgeStyle[]) =>
    !options.filters.styles.length ||
    styles.some(s => options.filters.styles.includes(s));

  const edges: MapEdge[] = [];
  for (const e of graph.edges) {
    if (!kept.has(e.from) || !kept.has(e.to) || !styleOk([e.style])) continue;
    edges.push({
      id: `${e.from}>${e.to}>${e.style}`,
      from: e.from,
      to: e.to,
      style: e.style,
      styles: [e.style],
      sync: e.sync,
      channels: [],
      findings: edgeFindings(byRef, e.from, e.to, []),
    });
  }
  if (options.collapseIntegrations) {
    for (const e of graph.collapsed.components) {
      if (!kept.has(e.from) || !kept.has(e.to) || !styleOk(e.styles)) continue;
      const channels = e.channels.filter(c => collapsedChannels.has(c));
      if (!channels.length) continue; // a direct call, already drawn above
      if (focus && !channels.some(c => focus.has(c))) continue;
      edges.push(
        collapsedMapEdge(e, 'collapsed', {
          label: channels.map(c => shortName(c, graph)).join(', '),
          channels,
          findings: edgeFindings(byRef, e.from, e.to, channels),
        }),
      );
    }
  }

  const entityCount = kept.size;
  const limit = options.maxEntityNodes ?? MAX_ENTITY_NODES;
  if (
    !focus &&
    (options.systemsView || (!options.expandAll && entityCount > limit))
  ) {
    return systemsView(graph, kept, byRef, styleOk, entityCount);
  }

  const nodes: MapNode[] = [];
  const groups = new Set<string>();
  for (const { group } of kept.values()) groups.add(group);
  for (const g of [...groups].sort()) {
    const node = graph.nodes.get(g);
    nodes.push({
      id: g,
      type: 'group',
      label: g === NO_SYSTEM ? 'No system' : labelOf(node, g),
      kind: 'system',
      findings: byRef.get(g) ?? [],
    });
  }
  for (const [ref, { node, group }] of kept) {
    nodes.push({
      id: ref,
      type: 'entity',
      label: labelOf(node, ref),
      kind: node.kind,
      parent: group,
      style: node.style ?? (node.kind === 'api' ? 'http' : undefined),
      findings: byRef.get(ref) ?? [],
      focus: focus?.get(ref),
    });
  }
  return { nodes, edges, entityCount, systemsOnly: false };
}

function systemsView(
  graph: IntegrationGraph,
  kept: Map<string, { node: IntegrationGraphNode; group: string }>,
  byRef: Map<string, CheckFinding[]>,
  styleOk: (s: readonly IntegrationEdgeStyle[]) => boolean,
  entityCount: number,
): MapModel {
  const members = new Map<string, number>();
  const memberFindings = new Map<string, Set<CheckFinding>>();
  for (const { group } of kept.values()) {
    members.set(group, (members.get(group) ?? 0) + 1);
  }
  for (const [ref, { group }] of kept) {
    const set = memberFindings.get(group) ?? new Set();
    for (const f of byRef.get(ref) ?? []) set.add(f);
    memberFindings.set(group, set);
  }
  const nodes: MapNode[] = [...members.keys()].sort().map(g => ({
    id: g,
    type: 'system',
    label: g === NO_SYSTEM ? 'No system' : labelOf(graph.nodes.get(g), g),
    kind: 'system',
    members: members.get(g),
    findings: [
      ...new Set([...(byRef.get(g) ?? []), ...(memberFindings.get(g) ?? [])]),
    ],
  }));
  const edges: MapEdge[] = [];
  for (const e of graph.collapsed.systems) {
    if (!members.has(e.from) || !members.has(e.to) || !styleOk(e.styles))
      continue;
    edges.push(
      collapsedMapEdge(e, 'systems', {
        label: `${e.channels.length} integration${
          e.channels.length === 1 ? '' : 's'
        }`,
        channels: e.channels,
        findings: edgeFindings(byRef, e.from, e.to, []),
      }),
    );
  }
  return { nodes, edges, entityCount, systemsOnly: true };
}

/**
 * Owners, systems and lifecycles present, for the filter menus.
 *
 * @public
 */
export function filterChoices(graph: IntegrationGraph) {
  const owners = new Set<string>();
  const systems = new Set<string>();
  const lifecycles = new Set<string>();
  for (const node of graph.nodes.values()) {
    if (!DRAWN.has(node.category)) continue;
    if (node.owner) owners.add(node.owner);
    systems.add(groupOf(graph, node.ref));
    if (node.lifecycle) lifecycles.add(node.lifecycle);
  }
  return {
    owners: [...owners].sort(),
    systems: [...systems].sort(),
    lifecycles: [...lifecycles].sort(),
  };
}
