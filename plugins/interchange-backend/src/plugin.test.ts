import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  eventsServiceFactory,
  eventsServiceRef,
  EventsService,
} from '@backstage/plugin-events-node';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { interchangePlugin } from './plugin';
import { CATALOG_ERRORS_TOPIC } from './problems/subscribeToCatalogErrors';

describe('interchange backend plugin', () => {
  it('serves health without auth and records catalog errors of Interchange entities', async () => {
    let events: EventsService | undefined;
    const capture = createBackendModule({
      pluginId: 'interchange',
      moduleId: 'test-capture-events',
      register(reg) {
        reg.registerInit({
          deps: { e: eventsServiceRef },
          async init({ e }) {
            events = e;
          },
        });
      },
    });
    const { server } = await startTestBackend({
      features: [
        interchangePlugin,
        eventsServiceFactory,
        capture,
        catalogServiceMock.factory({ entities: [] }),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });

    await request(server)
      .get('/api/interchange/health')
      .set('Authorization', '')
      .expect(200, { status: 'ok' });

    await events!.publish({
      topic: CATALOG_ERRORS_TOPIC,
      eventPayload: {
        entity: 'kafkatopic:default/audit.log-archive',
        location: 'file:/examples/invalid.yaml',
        errors: [
          new Error(
            "Processor InterchangeEntitiesProcessor threw an error while validating the entity kafkatopic:default/audit.log-archive; caused by InputError: KafkaTopic 'audit.log-archive' is invalid:\nspec.partitions: must be at least 1 (got 0). Fix: y",
          ),
        ],
      },
    });
    await events!.publish({
      topic: CATALOG_ERRORS_TOPIC,
      eventPayload: {
        entity: 'component:default/x',
        errors: [new Error('not ours')],
      },
    });

    const res = await request(server)
      .get('/api/interchange/catalog-problems')
      .expect(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({
        entityRef: 'kafkatopic:default/audit.log-archive',
        location: 'file:/examples/invalid.yaml',
        message:
          "KafkaTopic 'audit.log-archive' is invalid:\nspec.partitions: must be at least 1 (got 0). Fix: y",
      }),
    ]);
  });
});
