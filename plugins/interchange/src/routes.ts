import { createRouteRef } from '@backstage/core-plugin-api';

export const rootRouteRef = createRouteRef({
  id: 'interchange',
});

export const webhooksRouteRef = createRouteRef({
  id: 'interchange-webhooks',
});

export const routesRouteRef = createRouteRef({
  id: 'interchange-routes',
});

export const mapRouteRef = createRouteRef({
  id: 'interchange-map',
});

export const checksRouteRef = createRouteRef({
  id: 'interchange-checks',
});

export const strategyRouteRef = createRouteRef({
  id: 'interchange-strategy',
});

export const secretLinkRouteRef = createRouteRef({
  id: 'interchange-secret-link',
});

/**
 * The plugin's routes by the names apps bind and link them with, for the
 * legacy plugin and the new-frontend-system plugin alike.
 */
export const interchangeRouteRefs = {
  root: rootRouteRef,
  webhooks: webhooksRouteRef,
  routes: routesRouteRef,
  map: mapRouteRef,
  checks: checksRouteRef,
  strategy: strategyRouteRef,
  secretLink: secretLinkRouteRef,
};
