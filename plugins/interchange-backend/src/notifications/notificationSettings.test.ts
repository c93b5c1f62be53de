import { ConfigReader } from '@backstage/config';
import { readNotificationSettings } from './notificationSettings';

describe('readNotificationSettings', () => {
  it('defaults to every event type on, checked every minute', () => {
    const s = readNotificationSettings(new ConfigReader({}));
    expect(s.enabled).toBe(true);
    expect(s.frequency).toEqual({ minutes: 1 });
    expect(s.events.consumerGroup).toEqual({
      enabled: true,
      severity: 'high',
    });
    expect(s.events.drift).toEqual({ enabled: true, severity: 'normal' });
  });

  it('reads per event type settings', () => {
    const s = readNotificationSettings(
      new ConfigReader({
        interchange: {
          notifications: {
            frequency: { seconds: 30 },
            drift: { enabled: false },
            finding: { severity: 'critical' },
          },
        },
      }),
    );
    expect(s.frequency).toEqual({ seconds: 30 });
    expect(s.events.drift.enabled).toBe(false);
    expect(s.events.finding).toEqual({ enabled: true, severity: 'critical' });
  });

  it('names the key of a bad value', () => {
    expect(() =>
      readNotificationSettings(
        new ConfigReader({
          interchange: { notifications: { consumerGroup: { severity: 'x' } } },
        }),
      ),
    ).toThrow(
      "interchange.notifications.consumerGroup.severity: 'x' is not a notification severity; use one of critical, high, normal, low",
    );
    expect(() =>
      readNotificationSettings(
        new ConfigReader({ interchange: { notifications: { lag: {} } } }),
      ),
    ).toThrow(/interchange\.notifications\.lag: unknown key/);
  });
});
