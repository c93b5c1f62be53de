import { Entity } from '@backstage/catalog-model';
import { NormalizedRoute } from '@interchange/plugin-interchange-common';
import { ComponentSnapshot } from './componentIndex';

/** A route and the component serving it, if the catalog has one. */
export interface LinkedRoute {
  route: NormalizedRoute;
  component?: Entity;
}

/**
 * Links each route to the component serving it: the first of its real
 * upstreams (not answered by the gateway itself) that a component matches,
 * by matchUpstreamComponent's documented rule.
 */
export function linkToComponents(
  routes: readonly NormalizedRoute[],
  components: Pick<ComponentSnapshot, 'match'>,
): LinkedRoute[] {
  return routes.map(route => ({
    route,
    component: route.upstreams
      .filter(u => u.kind !== 'mock')
      .map(u => components.match(u))
      .find(Boolean),
  }));
}
