/**
 * Performance marks along the map's first render, in the order they
 * happen: `yarn bench:map` reads them to split the time from navigation to
 * the drawn map (docs/benchmarks.md). Marking costs microseconds, and the
 * names are what the benchmark and browser profiles look for.
 */
export const MAP_MARKS = {
  /** The map page's first render: the app is booted and the route loaded. */
  mounted: 'interchange-map-mounted',
  /** The catalog answered the map's entity query. */
  catalog: 'interchange-map-catalog',
  /** `buildIntegrationGraph` is done. */
  graph: 'interchange-map-graph',
  /** ELK placed every node of the current model. */
  layout: 'interchange-map-layout',
  /** React Flow drew the layout (two frames after it mounted). */
  ready: 'interchange-map-ready',
} as const;

export function markMap(name: (typeof MAP_MARKS)[keyof typeof MAP_MARKS]) {
  if (typeof performance !== 'undefined') performance.mark?.(name);
}
