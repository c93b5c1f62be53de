import { loadConfigSchema } from '@backstage/config-loader';

jest.setTimeout(120_000);

/** This package's config.d.ts as Backstage compiles it. */
describe('config.d.ts', () => {
  let schema: Awaited<ReturnType<typeof loadConfigSchema>>;
  beforeAll(async () => {
    schema = await loadConfigSchema({
      dependencies: ['@interchange/plugin-interchange-backend'],
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

  it('declares lag sampling and webhooks', () => {
    expect(() =>
      schema.process([
        {
          data: {
            ...base,
            interchange: {
              kafka: { lagSampling: { enabled: 'sometimes' } },
            },
          },
          context: 'test',
        },
      ]),
    ).toThrow(/at \/interchange\/kafka\/lagSampling\/enabled/);
    expect(() =>
      schema.process([
        {
          data: {
            ...base,
            interchange: {
              kafka: { lagSampling: { frequency: '5 minutes' } },
              webhooks: { outbound: { allow: ['10.0.0.0/8'] } },
            },
          },
          context: 'test',
        },
      ]),
    ).not.toThrow();
  });

  it('marks every webhook signing secret as a secret, so logs redact it', () => {
    const [secrets] = schema.process(
      [
        {
          data: {
            ...base,
            interchange: {
              webhooks: { secrets: { a: 'secret-a', b: 'secret-b' } },
            },
          },
          context: 'test',
        },
      ],
      { visibility: ['secret'] },
    );
    expect(secrets.data).toMatchObject({
      interchange: { webhooks: { secrets: { a: 'secret-a', b: 'secret-b' } } },
    });
  });
});
