import { ServiceUnavailableError } from '@backstage/errors';
import {
  Reachability,
  unreachableSinceOf,
  withUnreachableSince,
} from './Reachability';

describe('Reachability', () => {
  it('dates an outage from its first failure until the next answer', () => {
    let now = 1_000;
    const r = new Reachability({ now: () => now });
    expect(r.unreachableSince('a')).toBeUndefined();
    expect(r.failed('a')).toBe(1_000);
    now = 5_000;
    expect(r.failed('a')).toBe(1_000);
    expect(r.failed('b')).toBe(5_000);
    r.answered('a');
    expect(r.unreachableSince('a')).toBeUndefined();
    expect(r.unreachableSince('b')).toBe(5_000);
    now = 9_000;
    expect(r.failed('a')).toBe(9_000);
  });

  it('puts the time on the error as ISO 8601, where the error body takes it from', () => {
    const e = withUnreachableSince(
      new ServiceUnavailableError('down'),
      Date.UTC(2026, 4, 1, 10),
    );
    expect(e).toBeInstanceOf(ServiceUnavailableError);
    expect(unreachableSinceOf(e)).toBe('2026-05-01T10:00:00.000Z');
    expect(unreachableSinceOf(new Error('x'))).toBeUndefined();
    expect(unreachableSinceOf(undefined)).toBeUndefined();
  });
});
