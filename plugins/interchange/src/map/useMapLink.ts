import { useRouteRef } from '@backstage/core-plugin-api';
import { mapRouteRef } from '../routes';

/**
 * The map page's URL, focused on `entityRef` when given; undefined when the
 * app does not mount the map page (then no link is shown).
 */
export function useMapLink(
  entityRef?: string,
  depth?: number,
): string | undefined {
  let base: string | undefined;
  try {
    // useRouteRef throws for a route the app does not mount; it has called
    // all of its own hooks by then, so the hook order stays the same.
    // eslint-disable-next-line react-hooks/rules-of-hooks
    base = useRouteRef(mapRouteRef)();
  } catch {
    return undefined;
  }
  if (!entityRef) return base;
  const query = new URLSearchParams({ focus: entityRef });
  if (depth) query.set('depth', String(depth));
  return `${base}?${query}`;
}
