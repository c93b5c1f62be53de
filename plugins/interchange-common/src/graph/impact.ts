import { compareCodeUnits, normalizeRef } from './refs';
import { IntegrationGraph, IntegrationGraphEdge } from './types';

/** @public */
export type ImpactDirection = 'downstream' | 'upstream';

/** @public */
export interface ImpactOptions {
  /**
   * `downstream`: what depends on the entity (what may break when it
   * changes). `upstream`: what the entity depends on.
   */
  direction: ImpactDirection;
  /** Hops to follow, 1 to 20; default 2. An integration entity in between is a hop. */
  depth?: number;
}

/** @public */
export interface ImpactEntry {
  entityRef: string;
  /** Hops from the entity (or from a member of the system or group). */
  distance: number;
  /** Refs from the entity to this one, both included. */
  path: string[];
}

/** @public */
export interface ImpactResult {
  entityRef: string;
  direction: ImpactDirection;
  depth: number;
  /** False when the entity is not in the graph (then `reached` is empty). */
  found: boolean;
  reached: ImpactEntry[];
}

/**
 * Who depends on whom along an edge. Asynchronous flows (events, webhooks)
 * make the receiving side depend on the sending side; synchronous calls
 * make the caller depend on the callee.
 */
function dependency(e: IntegrationGraphEdge): {
  dependent: string;
  dependee: string;
} {
  return e.sync
    ? { dependent: e.from, dependee: e.to }
    : { dependent: e.to, dependee: e.from };
}

/**
 * What depends on an entity (downstream) or what it depends on (upstream),
 * up to `depth` hops, each with the path that connects it. A system or group
 * starts from its members (entities whose `system` or `owner` it is).
 *
 * @public
 */
export function impact(
  graph: IntegrationGraph,
  entityRef: string,
  options: ImpactOptions,
): ImpactResult {
  const depth = options.depth ?? 2;
  if (!Number.isInteger(depth) || depth < 1 || depth > 20) {
    throw new RangeError(
      `depth must be an integer from 1 to 20 (got ${depth})`,
    );
  }
  if (options.direction !== 'downstream' && options.direction !== 'upstream') {
    throw new RangeError(
      `direction must be 'downstream' or 'upstream' (got '${options.direction}')`,
    );
  }
  const start = normalizeRef(entityRef, undefined, 'default') ?? entityRef;
  const result: ImpactResult = {
    entityRef: start,
    direction: options.direction,
    depth,
    found: graph.nodes.has(start),
    reached: [],
  };
  const startNode = graph.nodes.get(start);
  if (!startNode) {
    return result;
  }

  // Each step moves from a node to the nodes that depend on it (downstream)
  // or that it depends on (upstream).
  const neighbours = (ref: string): string[] => {
    const out: string[] = [];
    for (const e of [
      ...(graph.outgoing.get(ref) ?? []),
      ...(graph.incoming.get(ref) ?? []),
    ]) {
      const { dependent, dependee } = dependency(e);
      if (options.direction === 'downstream' && dependee === ref) {
        out.push(dependent);
      } else if (options.direction === 'upstream' && dependent === ref) {
        out.push(dependee);
      }
    }
    return out;
  };

  const paths = new Map<string, string[]>([[start, [start]]]);
  let frontier: string[] = [start];
  if (startNode.category === 'system' || startNode.category === 'group') {
    for (const node of graph.nodes.values()) {
      const member =
        startNode.category === 'system'
          ? node.system === start
          : node.owner === start;
      if (member && !paths.has(node.ref)) {
        paths.set(node.ref, [start, node.ref]);
        frontier.push(node.ref);
      }
    }
  }
  const members = new Set(frontier);
  for (let distance = 1; distance <= depth && frontier.length > 0; distance++) {
    const next: string[] = [];
    for (const ref of frontier) {
      for (const n of neighbours(ref)) {
        if (paths.has(n)) {
          continue;
        }
        const path = [...paths.get(ref)!, n];
        paths.set(n, path);
        next.push(n);
        if (!members.has(n)) {
          result.reached.push({ entityRef: n, distance, path });
        }
      }
    }
    frontier = next;
  }
  result.reached.sort(
    (a, b) =>
      a.distance - b.distance ||
      compareCodeUnits(a.entityRef, b.entityRef),
  );
  return result;
}
