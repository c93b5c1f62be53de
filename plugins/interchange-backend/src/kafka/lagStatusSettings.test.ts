import { ConfigReader } from '@backstage/config';
import { JsonValue } from '@backstage/types';
import { readLagStatusSettings } from './lagStatusSettings';

describe('readLagStatusSettings', () => {
  it('defaults to 15 minutes', () => {
    expect(readLagStatusSettings(new ConfigReader({}))).toEqual({
      errorTimeLagMs: 15 * 60_000,
    });
  });

  it('reads a duration object or string', () => {
    const read = (errorTimeLag: JsonValue) =>
      readLagStatusSettings(
        new ConfigReader({
          interchange: { kafka: { lagStatus: { errorTimeLag } } },
        }),
      ).errorTimeLagMs;
    expect(read({ minutes: 2 })).toBe(120_000);
    expect(read('90 seconds')).toBe(90_000);
  });

  it('names the key of a bad value', () => {
    const read = (errorTimeLag: JsonValue) => () =>
      readLagStatusSettings(
        new ConfigReader({
          interchange: { kafka: { lagStatus: { errorTimeLag } } },
        }),
      );
    expect(read('soon')).toThrow(
      /^interchange\.kafka\.lagStatus\.errorTimeLag: not a duration/,
    );
    expect(read({ minutes: 0 })).toThrow(
      'interchange.kafka.lagStatus.errorTimeLag: must be longer than zero',
    );
  });
});
