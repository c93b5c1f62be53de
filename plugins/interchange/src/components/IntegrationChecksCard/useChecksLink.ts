import { useRouteRef } from '@backstage/core-plugin-api';
import { checksRouteRef } from '../../routes';

/** The findings page's URL; undefined when the app does not mount it. */
export function useChecksLink(): string | undefined {
  try {
    // useRouteRef throws for a route the app does not mount; it has called
    // all of its own hooks by then, so the hook order stays the same.
    return useRouteRef(checksRouteRef)();
  } catch {
    return undefined;
  }
}
