import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import { STRATEGY_SECTIONS } from '@interchange/plugin-interchange-common';
import { interchangePlugin } from '../plugin';
import { demoEntities } from '../__testUtils__/demoCatalog';

jest.setTimeout(60_000);

const principles = [
  { title: 'Events first', body: 'Systems tell, they do not ask.' },
  { title: 'Sign every webhook', body: 'Partners verify **us**.' },
];

function startBackend(interchange: Record<string, unknown>) {
  return startTestBackend({
    features: [
      interchangePlugin,
      eventsServiceFactory,
      catalogServiceMock.factory({ entities: demoEntities() }),
      // Runs the checks task once at start-up, so GET /checks has a stored run.
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
      mockServices.rootConfig.factory({
        data: {
          interchange: {
            kafka: {
              lagSampling: { enabled: false },
              clusters: [{ id: 'local', brokers: ['127.0.0.1:1'] }],
            },
            gateways: [{ id: 'kong-public', type: 'kong' }],
            ...interchange,
          },
        },
      }),
    ],
  });
}

describe('GET /strategy', () => {
  let server: any;
  let stop: () => Promise<void>;
  const user = mockCredentials.user.header();

  beforeAll(async () => {
    const backend = await startBackend({ strategy: { principles } });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(() => stop());

  const get = (p: string) =>
    request(server).get(`/api/interchange${p}`).set('Authorization', user);

  /** Waits for the checks task's first stored run. */
  async function checksStored() {
    for (let i = 0; i < 100; i++) {
      const res = await get('/checks');
      if (res.body.computedAt) {
        return res;
      }
      await new Promise(r => setTimeout(r, 200));
    }
    throw new Error('the checks task did not run');
  }

  it('serves the Markdown: principles, sections in order, the demo counts', async () => {
    const res = await get('/strategy');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const md: string = res.text;
    expect(md.split('\n').filter(l => /^#{1,2} /.test(l))).toEqual([
      '# Integration strategy',
      ...STRATEGY_SECTIONS.map(s => `## ${s}`),
    ]);
    expect(md).toContain(
      '### Events first\n\nSystems tell, they do not ask.\n\n### Sign every webhook',
    );
    expect(md).toMatch(/^3 systems, 4 teams /m);
    expect(md).toContain('| Kafka cluster | `local` |');
    expect(md).toContain('| `coupling/sync-cycle` | error | 1 |');
    expect(md).toContain(
      'No earlier snapshot is stored: this document is the baseline.',
    );
  });

  it('counts the same findings by rule as GET /checks', async () => {
    const checks = await checksStored();
    const strategy = await get('/strategy');
    const counts = new Map<string, number>();
    for (const f of checks.body.items) {
      counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
    }
    expect(counts.size).toBeGreaterThan(3);
    expect(strategy.text).toContain(
      `${checks.body.items.length} open findings:`,
    );
    for (const [rule, n] of counts) {
      expect(strategy.text).toMatch(
        new RegExp(`\\| \`${rule}\` \\| \\w+ \\| ${n} \\|`),
      );
    }
  });

  it('needs a Backstage token (401 with the error body)', async () => {
    const res = await request(server)
      .get('/api/interchange/strategy')
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({
      error: { name: 'AuthenticationError' },
      response: { statusCode: 401 },
    });
  });
});

describe('interchange.strategy.principles at start-up', () => {
  it('fails naming the entry and field', async () => {
    await expect(
      startBackend({ strategy: { principles: [{ title: 'No body' }] } }),
    ).rejects.toThrow('interchange.strategy.principles[0].body: is required');
  });
});
