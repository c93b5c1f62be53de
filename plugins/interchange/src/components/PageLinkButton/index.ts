export { PageLinkButton } from './PageLinkButton';
export { useOptionalRouteLink } from './useOptionalRouteLink';
