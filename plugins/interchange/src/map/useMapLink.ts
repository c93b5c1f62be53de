import { mapRouteRef } from '../routes';
import { useOptionalRouteLink } from '../components/PageLinkButton';

/**
 * The map page's URL, focused on `entityRef` when given; undefined when the
 * app does not mount the map page (then no link is shown).
 */
export function useMapLink(
  entityRef?: string,
  depth?: number,
): string | undefined {
  const base = useOptionalRouteLink(mapRouteRef);
  if (!base) return undefined;
  if (!entityRef) return base;
  const query = new URLSearchParams({ focus: entityRef });
  if (depth) query.set('depth', String(depth));
  return `${base}?${query}`;
}
