import useAsync from 'react-use/esm/useAsync';
import { Box, makeStyles, Typography } from '@material-ui/core';
import { Alert } from '@material-ui/lab';
import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { interchangeApiRef } from '../../api';
import { InterchangeErrorPanel } from '../InterchangeErrorPanel';

const useStyles = makeStyles(theme => ({
  message: {
    whiteSpace: 'pre-wrap',
    fontFamily: 'monospace',
    fontSize: '0.8rem',
    margin: theme.spacing(1, 0, 0),
  },
}));

/**
 * Interchange entities the catalog rejected, with the validator's message.
 * These entities are missing from the catalog, so this is where their
 * authors find out why.
 *
 * @public
 */
export function CatalogProblemsPanel() {
  const classes = useStyles();
  const api = useApi(interchangeApiRef);
  const { value, loading, error } = useAsync(
    () => api.getCatalogProblems(),
    [api],
  );
  if (loading) {
    return <Progress />;
  }
  if (error) {
    return (
      <InterchangeErrorPanel
        title="Could not load catalog problems"
        error={error}
      />
    );
  }
  if (!value || value.length === 0) {
    return null;
  }
  return (
    <Box mb={3}>
      <Alert severity="error">
        <Typography variant="subtitle2">
          {value.length} integration{' '}
          {value.length === 1 ? 'entity was' : 'entities were'} rejected by the
          catalog and {value.length === 1 ? 'is' : 'are'} missing from it. Fix
          the files below, or run{' '}
          <code>yarn interchange validate &lt;file&gt;</code> in the repository.
        </Typography>
        {value.map(p => (
          <Box key={p.entityRef} mt={2} aria-label={`problem ${p.entityRef}`}>
            <Typography variant="body2">
              <strong>{p.entityRef}</strong>
              {p.location && <> in {p.location}</>}
            </Typography>
            <pre className={classes.message}>{p.message}</pre>
          </Box>
        ))}
      </Alert>
    </Box>
  );
}
