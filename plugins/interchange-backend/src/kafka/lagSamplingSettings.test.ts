import { ConfigReader } from '@backstage/config';
import { readLagSamplingSettings } from './lagSamplingSettings';

describe('readLagSamplingSettings', () => {
  it('defaults to every minute, kept for a day', () => {
    expect(readLagSamplingSettings(new ConfigReader({}))).toEqual({
      enabled: true,
      frequency: { minutes: 1 },
      retention: { hours: 24 },
    });
  });

  it('reads durations as strings or objects', () => {
    expect(
      readLagSamplingSettings(
        new ConfigReader({
          interchange: {
            kafka: {
              lagSampling: {
                enabled: false,
                frequency: '5 minutes',
                retention: { days: 3 },
              },
            },
          },
        }),
      ),
    ).toEqual({
      enabled: false,
      frequency: { minutes: 5 },
      retention: { days: 3 },
    });
  });

  it('names the key of a malformed duration', () => {
    expect(() =>
      readLagSamplingSettings(
        new ConfigReader({
          interchange: { kafka: { lagSampling: { frequency: 'often' } } },
        }),
      ),
    ).toThrow(
      "interchange.kafka.lagSampling.frequency: not a duration; write e.g. '5 minutes' or { minutes: 5 }",
    );
  });
});
