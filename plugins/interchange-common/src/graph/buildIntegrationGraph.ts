import { Entity } from '@backstage/catalog-model';
import { collapseGraph } from './collapse';
import {
  DEFAULT_INTEGRATION_KINDS,
  IntegrationKindMapping,
  IntegrationRefField,
} from './kinds';
import { kindOfRef, normalizeRef, refValues } from './refs';
import {
  IntegrationEdgeStyle,
  IntegrationGraph,
  IntegrationGraphEdge,
  IntegrationGraphSkip,
  IntegrationNodeCategory,
} from './types';

/** @public */
export interface BuildIntegrationGraphOptions {
  /** Integration kinds; default {@link DEFAULT_INTEGRATION_KINDS}. */
  kinds?: readonly IntegrationKindMapping[];
  /**
   * A channel with more writer x reader pairs than this is left out of the
   * collapsed view (and recorded in `skipped`) instead of multiplying out.
   * Default 10,000.
   */
  maxPairsPerChannel?: number;
}

const CORE_CATEGORIES: Record<string, IntegrationNodeCategory> = {
  component: 'component',
  system: 'system',
  group: 'group',
  api: 'api',
  resource: 'resource',
};

type Spec = Record<string, unknown>;

/** A ref field's value; with `itemKey`, that key of each listed object. */
function fieldRefs(spec: Spec, f: IntegrationRefField): unknown {
  const value = spec[f.field];
  if (!f.itemKey || !Array.isArray(value)) {
    return value;
  }
  const key = f.itemKey;
  return value.map(item =>
    item && typeof item === 'object'
      ? (item as Record<string, unknown>)[key]
      : item,
  );
}

function isEntityLike(value: unknown): value is Entity {
  const v = value as Entity | undefined;
  return (
    !!v &&
    typeof v === 'object' &&
    typeof v.kind === 'string' &&
    !!v.metadata &&
    typeof v.metadata === 'object' &&
    typeof v.metadata.name === 'string'
  );
}

/** Own keys only: a kind named like an Object member is not a core kind. */
function coreCategoryOf(kind: string): IntegrationNodeCategory | undefined {
  return Object.hasOwn(CORE_CATEGORIES, kind)
    ? CORE_CATEGORIES[kind]
    : undefined;
}

/**
 * Turns catalog entities into the integration graph: nodes for components,
 * systems, groups, APIs, resources and integration kinds; flow edges with a
 * style and sync/async; a collapsed component/system view. Works from `spec`
 * fields (catalog files) and from `relations` (entities from the catalog
 * API), whichever is present. References it cannot resolve, self-loops,
 * duplicates and oversized fan-outs are skipped and recorded in `skipped`.
 * Pure: no I/O.
 *
 * @public
 */
export function buildIntegrationGraph(
  entities: readonly unknown[],
  options: BuildIntegrationGraphOptions = {},
): IntegrationGraph {
  const mappings = new Map<string, IntegrationKindMapping>();
  for (const m of options.kinds ?? DEFAULT_INTEGRATION_KINDS) {
    mappings.set(m.kind.toLowerCase(), m);
  }
  const graph: IntegrationGraph = {
    nodes: new Map(),
    edges: [],
    links: [],
    outgoing: new Map(),
    incoming: new Map(),
    collapsed: { components: [], systems: [] },
    known: new Set(),
    skipped: [],
  };
  const skipKeys = new Set<string>();
  const skip = (s: IntegrationGraphSkip) => {
    const key = `${s.entityRef}|${s.reason}|${s.ref ?? ''}`;
    if (!skipKeys.has(key)) {
      skipKeys.add(key);
      graph.skipped.push(s);
    }
  };

  // 1. Nodes.
  const accepted: Array<{ ref: string; entity: Entity }> = [];
  for (const value of entities) {
    if (!isEntityLike(value)) {
      continue;
    }
    const namespace = value.metadata.namespace ?? 'default';
    const ref = normalizeRef(
      `${value.kind}:${namespace}/${value.metadata.name}`,
      undefined,
      'default',
    );
    if (!ref) {
      continue;
    }
    if (graph.known.has(ref)) {
      skip({
        entityRef: ref,
        reason: 'duplicate-entity',
        message: `${ref} appears more than once; the first one is used`,
      });
      continue;
    }
    graph.known.add(ref);
    const kind = kindOfRef(ref);
    const mapping = mappings.get(kind);
    const category: IntegrationNodeCategory | undefined = mapping
      ? 'integration'
      : coreCategoryOf(kind);
    if (!category) {
      continue; // users, domains, locations, templates: known, not drawn
    }
    const spec = (value.spec ?? {}) as Spec;
    graph.nodes.set(ref, {
      ref,
      kind,
      namespace: namespace.toLowerCase(),
      name: value.metadata.name.toLowerCase(),
      title: value.metadata.title,
      category,
      lifecycle:
        typeof spec.lifecycle === 'string' ? spec.lifecycle : undefined,
      type: typeof spec.type === 'string' ? spec.type : undefined,
      owner: normalizeRef(spec.owner, 'Group', namespace),
      system:
        kind === 'system'
          ? undefined
          : normalizeRef(spec.system, 'System', namespace),
      integrationKind: mapping?.kind,
      style: mapping?.style,
      sync: mapping?.sync,
      entity: value,
    });
    accepted.push({ ref, entity: value });
  }

  // 2. Edges and links.
  const edgeKeys = new Set<string>();
  const linkKeys = new Set<string>();
  const unresolved = (declaredBy: string, missing: string) =>
    skip({
      entityRef: declaredBy,
      reason: 'unresolved-ref',
      ref: missing,
      message: `${declaredBy} refers to ${missing}, which is not in the catalog`,
    });
  const addEdge = (
    declaredBy: string,
    from: string,
    to: string,
    style: IntegrationEdgeStyle,
    sync: boolean,
    relation: string,
  ) => {
    let missing: string | undefined;
    if (!graph.nodes.has(from)) {
      missing = from;
    } else if (!graph.nodes.has(to)) {
      missing = to;
    }
    if (missing) {
      unresolved(declaredBy, missing);
      return;
    }
    if (from === to) {
      skip({
        entityRef: declaredBy,
        reason: 'self-loop',
        ref: from,
        message: `${from} ${relation} itself; ignored`,
      });
      return;
    }
    const key = `${from}>${to}>${style}`;
    if (edgeKeys.has(key)) {
      return;
    }
    edgeKeys.add(key);
    const edge: IntegrationGraphEdge = { from, to, style, sync, relation };
    graph.edges.push(edge);
    if (!graph.outgoing.has(from)) graph.outgoing.set(from, []);
    graph.outgoing.get(from)!.push(edge);
    if (!graph.incoming.has(to)) graph.incoming.set(to, []);
    graph.incoming.get(to)!.push(edge);
  };
  const addLink = (
    declaredBy: string,
    from: string,
    to: string,
    type: string,
  ) => {
    const missing = [from, to].find(r => !graph.known.has(r));
    if (missing) {
      unresolved(declaredBy, missing);
      return;
    }
    const key = `${from}>${to}>${type}`;
    if (from !== to && !linkKeys.has(key)) {
      linkKeys.add(key);
      graph.links.push({ from, to, type });
    }
  };
  /** An edge through an integration, styled by the integration's kind. */
  const viaIntegration = (
    declaredBy: string,
    integration: string,
    from: string,
    to: string,
    relation: (m: IntegrationKindMapping) => string,
  ) => {
    const m = mappings.get(kindOfRef(integration));
    if (m) {
      addEdge(declaredBy, from, to, m.style, m.sync, relation(m));
    }
  };
  const writer = (declaredBy: string, w: string, integration: string) =>
    viaIntegration(
      declaredBy,
      integration,
      w,
      integration,
      m => m.writerRelations[1],
    );
  const reader = (declaredBy: string, integration: string, r: string) =>
    viaIntegration(
      declaredBy,
      integration,
      integration,
      r,
      m => m.readerRelations[0],
    );
  const api = (
    declaredBy: string,
    from: string,
    to: string,
    relation: string,
  ) => addEdge(declaredBy, from, to, 'http', true, relation);
  const dependsOn = (declaredBy: string, from: string, to: string) => {
    if (kindOfRef(from) === 'component' && kindOfRef(to) === 'component') {
      addEdge(declaredBy, from, to, 'http', true, 'dependsOn');
    } else {
      addLink(declaredBy, from, to, 'dependsOn');
    }
  };
  const refsOf = (
    self: string,
    namespace: string,
    value: unknown,
    defaultKind: string | undefined,
    field: string,
  ): string[] => {
    const out: string[] = [];
    for (const raw of refValues(value)) {
      const ref = normalizeRef(raw, defaultKind, namespace);
      if (ref) {
        out.push(ref);
      } else {
        skip({
          entityRef: self,
          reason: 'invalid-ref',
          ref: raw,
          message: `${self} spec.${field}: '${raw}' is not an entity ref${
            defaultKind ? '' : ' (give the kind, e.g. component:name)'
          }`,
        });
      }
    }
    return out;
  };

  // The core kinds' own ref fields, in this order.
  const coreFields: Array<
    [
      kinds: string[],
      field: string,
      defaultKind: string | undefined,
      add: (self: string, target: string) => void,
    ]
  > = [
    [['component'], 'producesTo', 'KafkaTopic', (c, t) => writer(c, c, t)],
    [['component'], 'consumesFrom', 'KafkaTopic', (c, t) => reader(c, t, c)],
    [
      ['component'],
      'consumesApis',
      'API',
      (c, a) => api(c, c, a, 'consumesApi'),
    ],
    [
      ['component'],
      'providesApis',
      'API',
      (c, a) => api(c, a, c, 'apiProvidedBy'),
    ],
    [
      ['component', 'resource'],
      'dependsOn',
      undefined,
      (c, t) => dependsOn(c, c, t),
    ],
  ];

  for (const { ref: self, entity } of accepted) {
    const node = graph.nodes.get(self)!;
    const spec = (entity.spec ?? {}) as Spec;
    const ns = entity.metadata.namespace ?? 'default';
    const mapping = mappings.get(node.kind);
    const specRefs = (
      value: unknown,
      defaultKind: string | undefined,
      field: string,
    ) => refsOf(self, ns, value, defaultKind, field);
    const mappedRefs = (f: IntegrationRefField) =>
      specRefs(fieldRefs(spec, f), f.defaultKind, f.field);

    // From spec fields (catalog files carry no relations).
    if (mapping) {
      for (const f of mapping.writers) {
        for (const w of mappedRefs(f)) {
          writer(self, w, self);
        }
      }
      let readers = 0;
      for (const f of mapping.readers) {
        for (const r of mappedRefs(f)) {
          readers += 1;
          reader(self, self, r);
        }
      }
      const url = mapping.externalUrlField
        ? spec[mapping.externalUrlField]
        : undefined;
      if (readers === 0 && typeof url === 'string' && url) {
        const ext = `url:${url}`;
        if (!graph.nodes.has(ext)) {
          graph.nodes.set(ext, {
            ref: ext,
            kind: 'url',
            namespace: '',
            name: url,
            category: 'external',
          });
        }
        addEdge(self, self, ext, mapping.style, mapping.sync, 'deliversTo');
      }
      for (const l of mapping.links ?? []) {
        for (const t of specRefs(spec[l.field], l.defaultKind, l.field)) {
          addLink(self, self, t, l.type);
        }
      }
    }
    for (const [kinds, field, defaultKind, add] of coreFields) {
      if (kinds.includes(node.kind)) {
        for (const t of specRefs(spec[field], defaultKind, field)) {
          add(self, t);
        }
      }
    }

    // From relations (entities read from the catalog API).
    for (const rel of entity.relations ?? []) {
      const target = normalizeRef(rel.targetRef, undefined, 'default');
      if (!target || typeof rel.type !== 'string') {
        continue;
      }
      const targetMapping = mappings.get(kindOfRef(target));
      const t = rel.type;
      if (mapping && t === mapping.writerRelations[0]) {
        writer(self, target, self);
      } else if (mapping && t === mapping.readerRelations[0]) {
        reader(self, self, target);
      } else if (targetMapping && t === targetMapping.writerRelations[1]) {
        writer(self, self, target);
      } else if (targetMapping && t === targetMapping.readerRelations[1]) {
        reader(self, target, self);
      } else if (t === 'consumesApi' || t === 'apiProvidedBy') {
        api(self, self, target, t);
      } else if (t === 'apiConsumedBy') {
        api(self, target, self, 'consumesApi');
      } else if (t === 'providesApi') {
        api(self, target, self, 'apiProvidedBy');
      } else if (t === 'mayCall' || t === 'mayBeCalledBy') {
        // Service-mesh policy (the catalog module's mesh processor).
        const [from, to] = t === 'mayCall' ? [self, target] : [target, self];
        addEdge(self, from, to, 'mesh', true, 'mayCall');
      } else if (t === 'dependsOn') {
        dependsOn(self, self, target);
      } else if (t === 'dependencyOf') {
        dependsOn(self, target, self);
      } else if (t === 'ownedBy') {
        node.owner = node.owner ?? target;
      } else if (t === 'partOf' && kindOfRef(target) === 'system') {
        node.system = node.system ?? target;
      } else if (
        t === 'exposes' ||
        t === 'describedBy' ||
        t === 'exposedBy' ||
        t === 'describes'
      ) {
        const forward = t === 'exposes' || t === 'describedBy';
        addLink(
          self,
          forward ? self : target,
          forward ? target : self,
          t === 'exposes' || t === 'exposedBy' ? 'exposes' : 'describedBy',
        );
      }
    }
  }

  collapseGraph(graph, options.maxPairsPerChannel ?? 10_000, skip);
  return graph;
}
