import { RouteRef, useRouteRef } from '@backstage/core-plugin-api';

/** A page's URL; undefined when the app does not mount that page. */
export function useOptionalRouteLink(routeRef: RouteRef): string | undefined {
  try {
    // useRouteRef throws for a route the app does not mount; it has called
    // all of its own hooks by then, so the hook order stays the same.
    return useRouteRef(routeRef)();
  } catch {
    return undefined;
  }
}
