import request from 'supertest';
import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { CheckRule } from '@interchange/plugin-interchange-common';
import { interchangeChecksExtensionPoint } from '@interchange/plugin-interchange-node';
import { interchangePlugin } from '../plugin';
import { demoEntities } from '../__testUtils__/demoCatalog';

jest.setTimeout(60_000);

/** An adopter's rule: every KafkaTopic name starts with its system's name. */
const topicPrefixRule: CheckRule = {
  id: 'acme/topic-prefix',
  defaultSeverity: 'info',
  description: 'a topic name starts with its system',
  explanation: 'ownership at a glance',
  fix: 'rename the topic',
  run: graph =>
    [...graph.nodes.values()]
      .filter(n => n.kind === 'kafkatopic' && n.system)
      .filter(n => !n.ref.split('/')[1].startsWith(n.system!.split('/')[1]))
      .map(n => ({
        entityRef: n.ref,
        entityRefs: [n.ref],
        message: `${n.ref} does not start with its system's name`,
      })),
};

const adopterModule = createBackendModule({
  pluginId: 'interchange',
  moduleId: 'acme-checks',
  register(reg) {
    reg.registerInit({
      deps: { checks: interchangeChecksExtensionPoint },
      async init({ checks }) {
        checks.addRule(topicPrefixRule);
      },
    });
  },
});

describe('interchangeChecksExtensionPoint', () => {
  it("runs a module's rule with its configured severity, beside the built-in ones", async () => {
    const backend = await startTestBackend({
      features: [
        interchangePlugin,
        adopterModule,
        eventsServiceFactory,
        catalogServiceMock.factory({ entities: demoEntities() }),
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
        mockServices.rootConfig.factory({
          data: {
            interchange: {
              kafka: { lagSampling: { enabled: false } },
              // Configurable like a built-in rule; unknown without the module.
              checks: { 'acme/topic-prefix': { severity: 'error' } },
            },
          },
        }),
      ],
    });
    try {
      const user = mockCredentials.user.header();
      let body: any;
      for (let i = 0; i < 100 && !body?.computedAt; i++) {
        body = (
          await request(backend.server)
            .get('/api/interchange/checks')
            .set('Authorization', user)
        ).body;
        await new Promise(r => setTimeout(r, 200));
      }
      const rules = new Set(body.items.map((f: any) => f.rule));
      expect(rules).toContain('acme/topic-prefix');
      expect(rules).toContain('coupling/shared-topic-writers');
      expect(
        body.items
          .filter((f: any) => f.rule === 'acme/topic-prefix')
          .every((f: any) => f.severity === 'error'),
      ).toBe(true);
    } finally {
      await backend.stop();
    }
  });

  it('refuses a rule whose id is taken', async () => {
    const duplicate = createBackendModule({
      pluginId: 'interchange',
      moduleId: 'duplicate-rule',
      register(reg) {
        reg.registerInit({
          deps: { checks: interchangeChecksExtensionPoint },
          async init({ checks }) {
            checks.addRule({ ...topicPrefixRule, id: 'coupling/hub' });
          },
        });
      },
    });
    await expect(
      startTestBackend({
        features: [
          interchangePlugin,
          duplicate,
          eventsServiceFactory,
          catalogServiceMock.factory({ entities: [] }),
          mockServices.rootConfig.factory({
            data: {
              interchange: { kafka: { lagSampling: { enabled: false } } },
            },
          }),
        ],
      }),
    ).rejects.toThrow(/check rule 'coupling\/hub' is already registered/);
  });
});
