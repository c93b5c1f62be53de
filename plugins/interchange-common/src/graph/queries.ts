import {
  CollapsedEdge,
  IntegrationGraph,
  IntegrationGraphLink,
  IntegrationGraphSkip,
} from './types';

/**
 * Entities writing into an integration (producers, senders), in the order
 * they were declared.
 *
 * @public
 */
export function writersOf(graph: IntegrationGraph, ref: string): string[] {
  return (graph.incoming.get(ref) ?? []).map(e => e.from);
}

/**
 * Entities an integration delivers to (consumers, receivers, upstreams, and
 * `url:` nodes for external webhook destinations).
 *
 * @public
 */
export function readersOf(graph: IntegrationGraph, ref: string): string[] {
  return (graph.outgoing.get(ref) ?? []).map(e => e.to);
}

const skippedIndex = new WeakMap<
  IntegrationGraph,
  { size: number; byRef: Map<string, IntegrationGraphSkip[]> }
>();

/**
 * What the graph skipped while reading an entity, for a finding's details.
 *
 * @public
 */
export function skippedFor(
  graph: IntegrationGraph,
  ref: string,
): IntegrationGraphSkip[] {
  let index = skippedIndex.get(graph);
  if (!index || index.size !== graph.skipped.length) {
    const byRef = new Map<string, IntegrationGraphSkip[]>();
    for (const s of graph.skipped) {
      if (!byRef.has(s.entityRef)) byRef.set(s.entityRef, []);
      byRef.get(s.entityRef)!.push(s);
    }
    index = { size: graph.skipped.length, byRef };
    skippedIndex.set(graph, index);
  }
  return index.byRef.get(ref) ?? [];
}


const linkIndex = new WeakMap<
  IntegrationGraph,
  Map<string, IntegrationGraphLink[]>
>();
const collapsedIndex = new WeakMap<
  IntegrationGraph,
  Map<string, CollapsedEdge[]>
>();

function byFrom<T extends { from: string }>(items: T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(item.from);
    if (list) list.push(item);
    else map.set(item.from, [item]);
  }
  return map;
}

/**
 * Structural links from an entity (`exposes`, `describedBy`, `dependsOn`),
 * indexed once per graph.
 *
 * @public
 */
export function linksFrom(
  graph: IntegrationGraph,
  ref: string,
): IntegrationGraphLink[] {
  let index = linkIndex.get(graph);
  if (!index) {
    index = byFrom(graph.links);
    linkIndex.set(graph, index);
  }
  return index.get(ref) ?? [];
}

/**
 * Collapsed component -> component edges leaving a component, indexed once
 * per graph.
 *
 * @public
 */
export function collapsedFrom(
  graph: IntegrationGraph,
  ref: string,
): CollapsedEdge[] {
  let index = collapsedIndex.get(graph);
  if (!index) {
    index = byFrom(graph.collapsed.components);
    collapsedIndex.set(graph, index);
  }
  return index.get(ref) ?? [];
}
