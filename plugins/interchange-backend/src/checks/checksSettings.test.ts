import { ConfigReader } from '@backstage/config';
import { readChecksSettings } from './checksSettings';

const read = (interchange: unknown) =>
  readChecksSettings(new ConfigReader({ interchange } as any));

describe('readChecksSettings', () => {
  it('defaults to every 10 minutes, first 30 seconds after start', () => {
    expect(read(undefined)).toEqual({
      rules: undefined,
      frequency: { minutes: 10 },
      initialDelay: { seconds: 30 },
      timeout: { minutes: 5 },
    });
  });

  it('reads the schedule and keeps the rule settings', () => {
    const settings = read({
      checks: { 'coupling/hub': { threshold: 20 } },
      checksSchedule: { frequency: '1h', initialDelay: { minutes: 2 } },
    });
    expect(settings.rules).toEqual({ 'coupling/hub': { threshold: 20 } });
    expect(settings.frequency).toEqual({ hours: 1 });
    expect(settings.initialDelay).toEqual({ minutes: 2 });
  });

  it('fails on an unknown rule id or a bad setting, naming the key', () => {
    expect(() => read({ checks: { 'coupling/hubs': {} } })).toThrow(
      /^interchange\.checks\.coupling\/hubs: unknown rule id 'coupling\/hubs'; known rules: /,
    );
    expect(() =>
      read({ checks: { 'coupling/hub': { severity: 'fatal' } } }),
    ).toThrow(
      "interchange.checks.coupling/hub.severity: must be error, warning or info (got 'fatal')",
    );
  });

  it('fails on a zero or unreadable duration, naming the key', () => {
    expect(() =>
      read({ checksSchedule: { frequency: { minutes: 0 } } }),
    ).toThrow('interchange.checksSchedule.frequency: must be longer than zero');
    expect(() => read({ checksSchedule: { timeout: 'soon' } })).toThrow(
      /timeout/,
    );
  });
});
