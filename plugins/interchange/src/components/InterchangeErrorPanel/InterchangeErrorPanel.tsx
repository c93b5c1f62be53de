import { ReactNode } from 'react';
import { Typography } from '@material-ui/core';
import { Alert, AlertTitle } from '@material-ui/lab';
import { UnreachableSince } from './UnreachableSince';

/**
 * What the user can do about a failed request, by HTTP status. A card passes
 * its own for the statuses it knows more about (a 404 on a topic means a
 * different thing than a 404 on a webhook).
 */
export type ErrorHints = Partial<
  Record<number | 'network' | 'default', string>
>;

const defaultHints: ErrorHints = {
  400: 'The request was refused as invalid: check the entity fields named above.',
  401: 'Sign in again, then refresh.',
  403: 'Your account may not read this. Ask a Backstage admin for the permission.',
  404: 'Check the entity fields named above against the Interchange configuration, then refresh.',
  429: 'Too many requests: wait a minute, then refresh.',
  502: 'A service behind the Interchange backend did not answer. Check that it is running and reachable from the backend, then refresh.',
  503: 'A service behind the Interchange backend is unavailable. Check that it is running and reachable from the backend, then refresh.',
  504: 'A service behind the Interchange backend timed out. Check that it is reachable from the backend, then refresh.',
  network:
    'The Interchange backend did not answer. Check that @interchange/plugin-interchange-backend is installed in the backend and running.',
  default: 'Check the backend logs for this request, then refresh.',
};

/**
 * The server's own reason and status of a failed request. A `ResponseError`
 * (from `@backstage/errors`) carries the reason in `cause`, while its
 * `message` only says "Request failed with 503": showing the message alone
 * hides why.
 */
export function describeError(error: Error): {
  reason: string;
  status?: number;
  /** For a cluster or broker that does not answer: since when (ISO 8601). */
  unreachableSince?: string;
} {
  const e = error as Error & { statusCode?: unknown; cause?: unknown };
  const status = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const cause = e.cause as
    | { message?: unknown; unreachableSince?: unknown }
    | undefined;
  const fromBackend = e.name === 'ResponseError';
  const reason =
    fromBackend && typeof cause?.message === 'string'
      ? cause.message
      : error.message;
  const unreachableSince =
    fromBackend && typeof cause?.unreachableSince === 'string'
      ? cause.unreachableSince
      : undefined;
  return { reason, status, unreachableSince };
}

function hintFor(status: number | undefined, hints: ErrorHints = {}) {
  const all = { ...defaultHints, ...hints };
  if (status === undefined) {
    return all.network ?? all.default;
  }
  return all[status] ?? all.default;
}

/**
 * A failed request as a card shows it: what could not be done, the backend's
 * reason, and what to do about it.
 */
export function InterchangeErrorPanel(props: {
  title: string;
  error: Error;
  hints?: ErrorHints;
  children?: ReactNode;
}) {
  const { reason, status, unreachableSince } = describeError(props.error);
  return (
    <Alert severity="error" role="alert">
      <AlertTitle>{props.title}</AlertTitle>
      <UnreachableSince since={unreachableSince} />
      <Typography variant="body2" paragraph>
        {status !== undefined ? `${status}: ` : ''}
        {reason}
      </Typography>
      <Typography variant="body2">
        <strong>What to do:</strong> {hintFor(status, props.hints)}
      </Typography>
      {props.children}
    </Alert>
  );
}
