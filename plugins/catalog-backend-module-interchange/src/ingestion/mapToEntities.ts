import {
  GatewayRouteEntityV1alpha1,
  linkedRouteToEntity,
  NormalizedRoute,
  RouteEntityOptions,
} from '@interchange/plugin-interchange-common';
import { LinkedRoute } from './linkToComponents';

/** The entities of linked routes, and the routes that give none. */
export interface MappedRoutes {
  entities: { route: NormalizedRoute; entity: GatewayRouteEntityV1alpha1 }[];
  /** Names of routes with no upstream: the gateway answers them itself. */
  answeredByGateway: string[];
}

/** One GatewayRoute entity per linked route (see linkedRouteToEntity). */
export function mapToEntities(
  linked: readonly LinkedRoute[],
  options: RouteEntityOptions,
): MappedRoutes {
  const result: MappedRoutes = { entities: [], answeredByGateway: [] };
  for (const { route, component } of linked) {
    const entity = linkedRouteToEntity(route, component, options);
    if (entity) {
      result.entities.push({ route, entity });
    } else {
      result.answeredByGateway.push(route.name);
    }
  }
  return result;
}
