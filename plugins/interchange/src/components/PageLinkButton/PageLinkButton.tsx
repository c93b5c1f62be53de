import { ReactElement } from 'react';
import { LinkButton } from '@backstage/core-components';
import { RouteRef } from '@backstage/core-plugin-api';
import { useOptionalRouteLink } from './useOptionalRouteLink';

/**
 * A link to another Interchange page for page headers; nothing when the app
 * does not mount that page (adopters may leave pages out).
 */
export function PageLinkButton(props: {
  routeRef: RouteRef;
  icon: ReactElement;
  title: string;
}) {
  const link = useOptionalRouteLink(props.routeRef);
  if (!link) return null;
  return (
    <LinkButton
      to={link}
      color="primary"
      variant="outlined"
      startIcon={props.icon}
    >
      {props.title}
    </LinkButton>
  );
}
