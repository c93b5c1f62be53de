import { ReactNode } from 'react';
import { IconButton, Tooltip, Typography } from '@material-ui/core';
import RefreshIcon from '@material-ui/icons/Refresh';
import { InfoCard, Progress } from '@backstage/core-components';
import { ErrorHints, InterchangeErrorPanel } from '../InterchangeErrorPanel';
import { EntityDataLoader, useEntityData } from './useEntityData';

/**
 * The scaffold every live-data card shares: load from the Interchange
 * backend for the page's entity, a refresh button, a progress bar, the
 * backend's reason and what to do on failure, and an empty state.
 */
export function EntityDataCard<T>(props: {
  title: string;
  /** Names what is read, e.g. "topic state": the refresh button is "refresh topic state". */
  subject: string;
  /** Says what failed, e.g. "Could not read the topic's live state". */
  failure: string;
  hints?: ErrorHints;
  load: EntityDataLoader<T>;
  /** When true, `empty` is shown instead of `children`. */
  isEmpty?: (value: T) => boolean;
  /** A sentence (shown as secondary text) or an element built from the value. */
  empty?: string | ((value: T | undefined) => ReactNode);
  children: (value: T) => ReactNode;
}) {
  const { value, loading, error, retry } = useEntityData(props.load);
  const action = (
    <Tooltip title="Refresh">
      <IconButton aria-label={`refresh ${props.subject}`} onClick={retry}>
        <RefreshIcon />
      </IconButton>
    </Tooltip>
  );
  let content: ReactNode;
  if (loading) {
    content = <Progress />;
  } else if (error) {
    content = (
      <InterchangeErrorPanel
        title={props.failure}
        error={error}
        hints={props.hints}
      />
    );
  } else if (value === undefined || props.isEmpty?.(value)) {
    content =
      typeof props.empty === 'function' ? (
        props.empty(value)
      ) : (
        <Typography variant="body2" color="textSecondary">
          {props.empty ?? 'Nothing to show.'}
        </Typography>
      );
  } else {
    content = props.children(value);
  }
  return (
    <InfoCard title={props.title} action={action}>
      {content}
    </InfoCard>
  );
}
