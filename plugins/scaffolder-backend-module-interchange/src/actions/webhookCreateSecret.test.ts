import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import interchangePlugin from '@interchange/plugin-interchange-backend';
import { createWebhookCreateSecretAction } from './webhookCreateSecret';

jest.setTimeout(60_000);

const ANN = 'user:default/ann';

// The real Interchange backend receives the secret: the action's request,
// the creator binding and the one-time reveal are the ones production runs.
describe('interchange:webhook:create-secret', () => {
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let action: ReturnType<typeof createWebhookCreateSecretAction>;

  beforeAll(async () => {
    backend = await startTestBackend({
      features: [
        interchangePlugin,
        eventsServiceFactory,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({
          data: {
            interchange: {
              kafka: { lagSampling: { enabled: false } },
              secrets: {
                encryptionKey: Buffer.alloc(32, 3).toString('base64'),
              },
            },
          },
        }),
      ],
    });
    const port = backend.server.port();
    action = createWebhookCreateSecretAction({
      auth: mockServices.auth({ pluginId: 'scaffolder' }),
      discovery: {
        getBaseUrl: async pluginId =>
          `http://localhost:${port}/api/${pluginId}`,
        getExternalBaseUrl: async pluginId =>
          `http://localhost:${port}/api/${pluginId}`,
      },
      config: mockServices.rootConfig({
        data: { app: { baseUrl: 'https://portal.example/' } },
      }),
    });
  });
  afterAll(() => backend?.stop());

  function context(input: Record<string, unknown>, isDryRun = false) {
    const logged: string[] = [];
    const ctx = {
      ...createMockActionContext({
        input: input as any,
        user: { ref: ANN },
      }),
      // The task's creator, as the scaffolder passes them to actions.
      getInitiatorCredentials: async () => mockCredentials.user(ANN),
      isDryRun,
    };
    ctx.logger = {
      ...ctx.logger,
      info: (m: string) => logged.push(m),
    } as any;
    const outputs = () =>
      Object.fromEntries(
        (ctx.output as jest.Mock).mock.calls as [string, string][],
      );
    return { ctx, logged, outputs };
  }

  it("outputs a one-time link for the task's creator instead of the secret, and never logs it", async () => {
    const { ctx, logged, outputs } = context({ secretRef: 'partner-refunds' });
    await action.handler(ctx);
    const out = outputs();
    expect(Object.keys(out).sort()).toEqual([
      'configKey',
      'maskedSecret',
      'secretLink',
      'secretLinkExpiresAt',
      'secretRef',
    ]);
    expect(out).toMatchObject({
      secretRef: 'partner-refunds',
      configKey: 'interchange.webhooks.secrets.partner-refunds',
      maskedSecret: expect.stringMatching(/^whsec_….{4}$/),
      secretLink: expect.stringMatching(
        /^https:\/\/portal\.example\/interchange\/secret-links\/[A-Za-z0-9_-]{43}$/,
      ),
    });
    const id = out.secretLink.split('/').pop();

    // Only Ann opens it, once; the secret is the one the mask describes.
    await request(backend.server)
      .post(`/api/interchange/secret-links/${id}/reveal`)
      .set('Authorization', mockCredentials.user.header('user:default/bob'))
      .expect(403);
    const revealed = await request(backend.server)
      .post(`/api/interchange/secret-links/${id}/reveal`)
      .set('Authorization', mockCredentials.user.header(ANN))
      .expect(200);
    const secret: string = revealed.body.secret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(out.maskedSecret).toBe(`whsec_…${secret.slice(-4)}`);
    expect(revealed.body.label).toBe(
      'Signing secret for webhook partner-refunds: store it under interchange.webhooks.secrets.partner-refunds',
    );
    expect(JSON.stringify(out)).not.toContain(secret);
    expect(logged.join('\n')).not.toContain(secret);
    await request(backend.server)
      .post(`/api/interchange/secret-links/${id}/reveal`)
      .set('Authorization', mockCredentials.user.header(ANN))
      .expect(404);
  });

  it('generates nothing and creates no link in a dry run, and rejects bad refs', async () => {
    const { ctx, outputs } = context({ secretRef: 'partner-refunds' }, true);
    await action.handler(ctx);
    expect(outputs()).toMatchObject({
      maskedSecret: 'whsec_…ated',
      secretLink:
        'https://portal.example/interchange/secret-links/dry-run-no-link-created',
    });
    await expect(
      action.handler(context({ secretRef: 'has spaces' }).ctx),
    ).rejects.toThrow("secretRef: 'has spaces' is not a valid name");
  });

  it('refuses a task without a signed-in user: the link would be nobody’s', async () => {
    const { ctx } = context({ secretRef: 'partner-refunds' });
    (ctx as any).getInitiatorCredentials = async () =>
      mockCredentials.service('plugin:catalog');
    await expect(action.handler(ctx)).rejects.toThrow(
      'needs a task started by a signed-in user',
    );
  });
});
