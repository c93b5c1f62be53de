import {
  CollapsedEdge,
  IntegrationEdgeStyle,
  IntegrationGraph,
  IntegrationGraphSkip,
} from './types';

class CollapsedEdges {
  readonly #edges = new Map<string, CollapsedEdge>();

  add(
    from: string,
    to: string,
    style: IntegrationEdgeStyle,
    sync: boolean,
    channel: string,
  ) {
    const key = `${from}>${to}`;
    let edge = this.#edges.get(key);
    if (!edge) {
      edge = { from, to, styles: [], sync: false, channels: [], via: [] };
      this.#edges.set(key, edge);
    }
    if (!edge.styles.includes(style)) edge.styles.push(style);
    if (!edge.channels.includes(channel)) {
      edge.channels.push(channel);
      edge.via.push({ channel, style, sync });
    }
    edge.sync = edge.sync || sync;
  }

  list(): CollapsedEdge[] {
    return [...this.#edges.values()];
  }
}

/**
 * Fills `graph.collapsed`: every node between components (a topic, webhook,
 * API) becomes component -> component edges labelled with it; direct
 * component -> component edges (dependsOn, mesh calls) are kept with the
 * target as their channel. System edges aggregate component edges across
 * two different systems.
 */
export function collapseGraph(
  graph: IntegrationGraph,
  maxPairsPerChannel: number,
  skip: (s: IntegrationGraphSkip) => void,
): void {
  const isComponent = (ref: string) =>
    graph.nodes.get(ref)?.category === 'component';
  const components = new CollapsedEdges();
  for (const node of graph.nodes.values()) {
    if (node.category === 'component' || node.category === 'external') {
      continue;
    }
    const ins = (graph.incoming.get(node.ref) ?? []).filter(e =>
      isComponent(e.from),
    );
    const outs = (graph.outgoing.get(node.ref) ?? []).filter(e =>
      isComponent(e.to),
    );
    if (ins.length === 0 || outs.length === 0) {
      continue;
    }
    if (ins.length * outs.length > maxPairsPerChannel) {
      skip({
        entityRef: node.ref,
        reason: 'fan-out',
        message: `${node.ref} joins ${ins.length} writers to ${
          outs.length
        } readers (${
          ins.length * outs.length
        } pairs, over ${maxPairsPerChannel}); left out of the collapsed view`,
      });
      continue;
    }
    for (const i of ins) {
      for (const o of outs) {
        if (i.from === o.to) {
          skip({
            entityRef: node.ref,
            reason: 'self-loop',
            ref: i.from,
            message: `${i.from} both writes to and reads from ${node.ref}; no component edge`,
          });
          continue;
        }
        components.add(i.from, o.to, i.style, i.sync || o.sync, node.ref);
      }
    }
  }
  for (const e of graph.edges) {
    if (isComponent(e.from) && isComponent(e.to)) {
      components.add(e.from, e.to, e.style, e.sync, e.to);
    }
  }
  graph.collapsed.components = components.list();

  const systems = new CollapsedEdges();
  for (const e of graph.collapsed.components) {
    const a = graph.nodes.get(e.from)?.system;
    const b = graph.nodes.get(e.to)?.system;
    if (!a || !b || a === b) {
      continue;
    }
    for (const v of e.via) {
      systems.add(a, b, v.style, v.sync, v.channel);
    }
  }
  graph.collapsed.systems = systems.list();
}
