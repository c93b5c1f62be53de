import { loadConfigSchema } from '@backstage/config-loader';

jest.setTimeout(120_000);

/**
 * This package's config.d.ts as Backstage compiles it (what `backstage-cli
 * config:check` validates against, and what decides which values are
 * redacted from logs as secrets).
 */
describe('config.d.ts', () => {
  let schema: Awaited<ReturnType<typeof loadConfigSchema>>;
  beforeAll(async () => {
    schema = await loadConfigSchema({
      dependencies: ['@interchange/plugin-interchange-node'],
    });
  });

  // What Backstage's own schemas require of any app-config.
  const base = {
    app: { baseUrl: 'http://localhost:3000' },
    backend: {
      baseUrl: 'http://localhost:7007',
      listen: { port: 7007 },
      database: { client: 'better-sqlite3', connection: ':memory:' },
    },
  };
  const cluster = (extra: object) => ({
    ...base,
    interchange: {
      kafka: { clusters: [{ id: 'a', brokers: ['k:9092'], ...extra }] },
    },
  });
  const check = (data: object) => () =>
    schema.process([{ data, context: 'test' }]);

  it.each([
    [{}],
    [{ ssl: true }],
    [{ ssl: { ca: 'PEM', cert: 'PEM', key: 'PEM' } }],
    [{ sasl: { mechanism: 'scram-sha-512', username: 'u', password: 'p' } }],
    [
      {
        sasl: {
          mechanism: 'oauthbearer',
          oauthbearer: { tokenUrl: 'https://t', clientId: 'c', clientSecret: 's' },
        },
      },
    ],
  ])('accepts %j', extra => {
    expect(check(cluster(extra))).not.toThrow();
  });

  it.each([
    [{ sasl: { mechanism: 'gssapi' } }],
    [{ sasl: { mechanism: 'plain', username: 'u' } }],
    [{ sasl: { mechanism: 'oauthbearer', username: 'u', password: 'p' } }],
    [{ ssl: 'yes' }],
    [{ adapter: 'librdkafka' }],
  ])('rejects %j', extra => {
    expect(check(cluster(extra))).toThrow(/at \/interchange\/kafka\/clusters\/0/);
  });

  it('marks SASL passwords, OAuth client secrets and TLS keys as secrets', () => {
    const [secrets] = schema.process(
      [
        {
          data: {
            ...base,
            interchange: {
              kafka: {
                clusters: [
                  {
                    id: 'a',
                    brokers: ['k:9092'],
                    ssl: { key: 'tls-key' },
                    sasl: {
                      mechanism: 'plain',
                      username: 'u',
                      password: 'sasl-password',
                    },
                  },
                  {
                    id: 'b',
                    brokers: ['k:9092'],
                    sasl: {
                      mechanism: 'oauthbearer',
                      oauthbearer: {
                        tokenUrl: 'https://t',
                        clientId: 'c',
                        clientSecret: 'oauth-secret',
                      },
                    },
                  },
                ],
              },
              gateways: [{ id: 'kong', type: 'kong', token: 'kong-token' }],
            },
          },
          context: 'test',
        },
      ],
      { visibility: ['secret'] },
    );
    const values = JSON.stringify(secrets.data);
    for (const secret of [
      'tls-key',
      'sasl-password',
      'oauth-secret',
      'kong-token',
    ]) {
      expect(values).toContain(secret);
    }
    expect(values).not.toContain('"u"');
  });
});
