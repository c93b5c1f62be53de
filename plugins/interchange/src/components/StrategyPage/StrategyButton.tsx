import { LinkButton } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import DescriptionIcon from '@material-ui/icons/Description';
import { strategyRouteRef } from '../../routes';

/** The strategy page's URL; undefined when the app does not mount it. */
function useStrategyLink(): string | undefined {
  try {
    // useRouteRef throws for a route the app does not mount; it has called
    // all of its own hooks by then, so the hook order stays the same.
    return useRouteRef(strategyRouteRef)();
  } catch {
    return undefined;
  }
}

/** "Integration strategy" for other pages' headers; nothing when the app has no strategy page. */
export function StrategyButton() {
  const link = useStrategyLink();
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
