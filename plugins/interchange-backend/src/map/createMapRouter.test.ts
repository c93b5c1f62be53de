import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { interchangePlugin } from '../plugin';
import { demoEntities } from '../__testUtils__/demoCatalog';

jest.setTimeout(60_000);

describe('GET /map/layouts', () => {
  it('serves the map laid out by the backend once the graph is read, to signed-in users only', async () => {
    const backend = await startTestBackend({
      features: [
        interchangePlugin,
        eventsServiceFactory,
        catalogServiceMock.factory({ entities: demoEntities() }),
        mockServices.rootConfig.factory({
          data: { interchange: { kafka: { lagSampling: { enabled: false } } } },
        }),
      ],
    });
    const server = backend.server;
    try {
      const get = () =>
        request(server)
          .get('/api/interchange/map/layouts')
          .set('Authorization', mockCredentials.user.header());
      const anonymous = await request(server)
        .get('/api/interchange/map/layouts')
        .set('Authorization', mockCredentials.none.header());
      expect(anonymous.status).toBe(401);
      // Nothing yet (the checks task has its initial delay); the request
      // itself has the graph read, and the layouts follow.
      const first = await get();
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ items: [] });
      let body = first.body;
      for (let i = 0; i < 100 && !body.items.length; i++) {
        await new Promise(r => setTimeout(r, 200));
        body = (await get()).body;
      }
      expect(body.computedAt).toEqual(expect.any(String));
      expect(body.items.length).toBeGreaterThan(2);
      for (const item of body.items) {
        expect(item.hash).toMatch(/^[0-9a-f]{16}$/);
        expect(item.job.width).toBeGreaterThan(0);
        for (const child of item.job.children) expect(child).toHaveLength(4);
      }
      expect(JSON.stringify(body)).not.toMatch(/component:|system:|api:/);
    } finally {
      await backend.stop();
    }
  });
});
