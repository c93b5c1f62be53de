import { ServiceUnavailableError } from '@backstage/errors';
import { unreachableSinceOf } from '@interchange/plugin-interchange-node';

/**
 * A bus's failure as the API reports it, for every bus alike: the bus's own
 * description of the cause and, when the broker does not answer, since when
 * (`unreachableSince`, ISO 8601, dated by the shared registry of the bus).
 */
export function brokerFailure(
  e: unknown,
  describe: (e: unknown) => string,
): { message: string; unreachableSince?: string } {
  const unreachableSince = unreachableSinceOf(e);
  return {
    message: describe(e),
    ...(unreachableSince ? { unreachableSince } : {}),
  };
}

/**
 * The 503 of a broker that could not be read: its cause, and since when
 * it does not answer (`error.unreachableSince` in the error body, which
 * Backstage's error handler takes from the error's own properties).
 */
export function brokerUnavailable(
  e: unknown,
  describe: (e: unknown) => string,
): ServiceUnavailableError {
  const { message, unreachableSince } = brokerFailure(e, describe);
  const error = new ServiceUnavailableError(message);
  return unreachableSince ? Object.assign(error, { unreachableSince }) : error;
}
