import { ServiceUnavailableError } from '@backstage/errors';
import { withUnreachableSince } from '@interchange/plugin-interchange-node';
import { brokerFailure, brokerUnavailable } from './busErrors';
import { historySince } from './liveStateAccess';

const describe_ = (e: unknown) => `described: ${(e as Error).message}`;

describe('brokerFailure and brokerUnavailable', () => {
  it('carry the cause in the bus terms and, for an outage, since when', () => {
    const down = withUnreachableSince(
      new Error('connect ECONNREFUSED'),
      Date.UTC(2026, 4, 1, 10),
    );
    expect(brokerFailure(down, describe_)).toEqual({
      message: 'described: connect ECONNREFUSED',
      unreachableSince: '2026-05-01T10:00:00.000Z',
    });
    const error = brokerUnavailable(down, describe_);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toBe('described: connect ECONNREFUSED');
    expect(error).toMatchObject({
      unreachableSince: '2026-05-01T10:00:00.000Z',
    });
  });

  it('say nothing of an outage when the broker answered with a refusal', () => {
    const refused = new Error('access refused');
    expect(brokerFailure(refused, describe_)).toEqual({
      message: 'described: access refused',
    });
    expect(brokerUnavailable(refused, describe_)).not.toHaveProperty(
      'unreachableSince',
    );
  });
});

describe('historySince', () => {
  it('is 6 hours back unless asked', () => {
    expect(historySince(undefined, 10 * 3600_000)).toBe(4 * 3600_000);
    expect(historySince(1, 10 * 3600_000)).toBe(9 * 3600_000);
  });
});
