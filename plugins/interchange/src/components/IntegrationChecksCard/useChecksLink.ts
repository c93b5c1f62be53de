import { checksRouteRef } from '../../routes';
import { useOptionalRouteLink } from '../PageLinkButton';

/** The findings page's URL; undefined when the app does not mount it. */
export function useChecksLink(): string | undefined {
  return useOptionalRouteLink(checksRouteRef);
}
