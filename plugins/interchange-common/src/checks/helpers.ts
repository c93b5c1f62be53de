import {
  IntegrationGraph,
  IntegrationGraphNode,
  readersOf,
  skippedFor,
  writersOf,
} from '../graph';
import { CheckLiveData, CheckLiveDataKey, RuleFinding } from './types';

/**
 * Why a live rule cannot run: none of its kinds of live data came, with the
 * reasons the collector gave (a cluster unreachable, ...). Undefined when
 * any of them is there.
 */
export function liveDataSkipReason(
  liveData: CheckLiveData | undefined,
  keys: CheckLiveDataKey[],
  what: string,
): string | undefined {
  if (keys.some(k => liveData?.[k])) {
    return undefined;
  }
  const reasons = keys.flatMap(k => liveData?.unavailable?.[k] ?? []);
  return `needs live data (${what})${
    reasons.length ? `: ${[...new Set(reasons)].join('; ')}` : ''
  }`;
}

/** Integration nodes of one kind (case-insensitive), e.g. `KafkaTopic`. */
export function nodesOfKind(
  graph: IntegrationGraph,
  kind: string,
): IntegrationGraphNode[] {
  const k = kind.toLowerCase();
  return [...graph.nodes.values()].filter(n => n.kind === k);
}

/** Integration nodes of a style (topics, later queues, for `event`). */
export function channelsOfStyle(
  graph: IntegrationGraph,
  style: string,
): IntegrationGraphNode[] {
  return [...graph.nodes.values()].filter(
    n => n.category === 'integration' && n.style === style,
  );
}

/** Components among an integration's writers. */
export function componentWriters(
  graph: IntegrationGraph,
  ref: string,
): string[] {
  return writersOf(graph, ref).filter(
    r => graph.nodes.get(r)?.category === 'component',
  );
}

/** Entities (not external URLs) among an integration's readers. */
export function entityReaders(graph: IntegrationGraph, ref: string): string[] {
  return readersOf(graph, ref).filter(
    r => graph.nodes.get(r)?.category !== 'external',
  );
}

/** Spec of a node's entity, as a loose record. */
export function specOf(node: IntegrationGraphNode): Record<string, any> {
  return (node.entity?.spec ?? {}) as Record<string, any>;
}

/** Adds what the graph skipped for the entity to a finding's details. */
export function withSkipped(
  graph: IntegrationGraph,
  finding: RuleFinding,
): RuleFinding {
  const skipped = skippedFor(graph, finding.entityRef);
  if (skipped.length === 0) {
    return finding;
  }
  return {
    ...finding,
    details: {
      ...finding.details,
      skipped: skipped.map(s => s.message),
    },
  };
}

/** A short list for messages: `a, b and 3 more`. */
export function listRefs(refs: string[], max = 4): string {
  if (refs.length <= max) {
    return refs.join(', ');
  }
  return `${refs.slice(0, max).join(', ')} and ${refs.length - max} more`;
}
