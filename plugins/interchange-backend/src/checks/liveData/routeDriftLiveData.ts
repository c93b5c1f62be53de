import {
  ANNOTATION_ROUTE_DRIFT,
  IntegrationGraph,
  isGatewayRouteEntity,
  RouteDrift,
} from '@interchange/plugin-interchange-common';

/**
 * Route drift as the gateway provider computed it against the live Kong
 * (`interchange.dev/route-drift`, written on every route of a gateway with
 * an admin URL, `[]` when in sync). Routes without it have no live gateway
 * to compare with and are not judged; undefined when no route has it.
 */
export function readRouteDrift(
  graph: IntegrationGraph,
): { drift?: Record<string, RouteDrift[]>; unavailable: string[] } {
  const drift: Record<string, RouteDrift[]> = {};
  let routes = 0;
  const unreadable: string[] = [];
  for (const node of graph.nodes.values()) {
    if (!node.entity || !isGatewayRouteEntity(node.entity)) {
      continue;
    }
    routes += 1;
    const raw = node.entity.metadata.annotations?.[ANNOTATION_ROUTE_DRIFT];
    if (raw === undefined) {
      continue;
    }
    try {
      const parsed = JSON.parse(raw);
      if (Array.isArray(parsed)) {
        drift[node.ref] = parsed;
        continue;
      }
    } catch {
      // reported below
    }
    unreadable.push(node.ref);
  }
  const unavailable = unreadable.length
    ? [
        `${ANNOTATION_ROUTE_DRIFT} is not a JSON list on ${unreadable.join(
          ', ',
        )}`,
      ]
    : [];
  if (Object.keys(drift).length > 0) {
    return { drift, unavailable };
  }
  return {
    unavailable: [
      ...unavailable,
      routes
        ? `no gateway route has live drift: drift is computed for gateways with an adminUrl under interchange.gateways (the ${ANNOTATION_ROUTE_DRIFT} annotation)`
        : 'no gateway routes in the catalog',
    ],
  };
}
