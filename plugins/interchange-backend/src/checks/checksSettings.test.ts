import { ConfigReader } from '@backstage/config';
import {
  BUILTIN_CHECK_RULES,
  CheckRule,
} from '@interchange/plugin-interchange-common';
import { readChecksSettings } from './checksSettings';

const read = (interchange: unknown) =>
  readChecksSettings(new ConfigReader({ interchange } as any));

describe('readChecksSettings', () => {
  it('defaults to every 10 minutes, first 30 seconds after start', () => {
    expect(read(undefined)).toEqual({
      rules: undefined,
      ruleSet: BUILTIN_CHECK_RULES,
      frequency: { minutes: 10 },
      initialDelay: { seconds: 30 },
      timeout: { minutes: 5 },
    });
  });

  it("accepts settings for the rules modules added, and runs them", () => {
    const rule: CheckRule = {
      id: 'acme/topic-prefix',
      defaultSeverity: 'warning',
      description: 'topics start with the team name',
      explanation: 'ownership at a glance',
      fix: 'rename the topic',
      run: () => [],
    };
    const config = new ConfigReader({
      interchange: { checks: { 'acme/topic-prefix': { severity: 'error' } } },
    });
    expect(() => readChecksSettings(config)).toThrow(
      /interchange\.checks\.acme\/topic-prefix: unknown rule id/,
    );
    const settings = readChecksSettings(config, [
      ...BUILTIN_CHECK_RULES,
      rule,
    ]);
    expect(settings.ruleSet).toContain(rule);
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
