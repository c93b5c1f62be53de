import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import DescriptionIcon from '@material-ui/icons/Description';
import { strategyRouteRef } from '../../routes';

/** "Integration strategy" for other pages' headers; nothing when the app has no strategy page. */
export function StrategyButton() {
  let link: string | undefined;
  try {
    // useRouteRef throws for a route the app does not mount.
    link = useRouteRef(strategyRouteRef)();
  } catch {
    link = undefined;
  }
  if (!link) return null;
  return (
    <LinkButton
      to={link}
      color="primary"
      variant="outlined"
      startIcon={<DescriptionIcon />}
    >
      Integration strategy
    </LinkButton>
  );
}
