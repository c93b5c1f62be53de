import { LinkButton } from '@backstage/core-components';
import ChecksIcon from '@material-ui/icons/PlaylistAddCheck';
import { useChecksLink } from '../IntegrationChecksCard/useChecksLink';

/** "Integration checks" for other pages' headers; nothing when the app has no findings page. */
export function IntegrationChecksButton() {
  const link = useChecksLink();
  if (!link) return null;
  return (
    <LinkButton
      to={link}
      color="primary"
      variant="outlined"
      startIcon={<ChecksIcon />}
    >
      Integration checks
    </LinkButton>
  );
}
