import { LinkButton } from '@backstage/core-components';
import MapIcon from '@material-ui/icons/Map';
import { useMapLink } from '../../map/useMapLink';

/** "Integration map" for other pages' headers; nothing when the app has no map page. */
export function IntegrationMapButton() {
  const link = useMapLink();
  if (!link) return null;
  return (
    <LinkButton
      to={link}
      color="primary"
      variant="outlined"
      startIcon={<MapIcon />}
    >
      Integration map
    </LinkButton>
  );
}
