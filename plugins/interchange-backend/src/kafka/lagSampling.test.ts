import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerService } from '@backstage/backend-plugin-api';
import {
  BusLiveState,
  RabbitMQBrokers,
} from '@interchange/plugin-interchange-node';
import {
  createTestVhost,
  describeRabbitMQ,
  testRabbitMQBroker,
} from '@interchange/plugin-interchange-node/testUtils';
import { createTestDatabases } from '../__testUtils__/createTestDatabases';
import { DatabaseDepthHistoryStore } from '../database/DatabaseDepthHistoryStore';
import { migrationsDir } from '../database/migrations';
import {
  queueDestination,
  RabbitMQLiveState,
} from '../rabbitmq/RabbitMQLiveState';
import { scheduleLagSampling } from './lagSampling';

jest.setTimeout(60_000);
const databases = createTestDatabases();

/** Runs the scheduled task's function by hand. */
function capturingScheduler() {
  const tasks: Array<() => Promise<void>> = [];
  const scheduler = {
    scheduleTask: async (task: { fn: () => Promise<void> }) => {
      tasks.push(task.fn);
    },
  } as unknown as SchedulerService;
  return { scheduler, tasks };
}

const settings = {
  enabled: true,
  frequency: { minutes: 1 },
  retention: { hours: 24 },
};

describeRabbitMQ('scheduleLagSampling across buses', () => {
  it('samples every bus in one run, and a failing broker does not stop the others', async () => {
    const vhost = await createTestVhost('sampling');
    try {
      await vhost.declareQueue('jobs');
      await vhost.publish('', 'jobs', 3);
      const knex = await databases.init('SQLITE_3');
      await knex.migrate.latest({
        directory: migrationsDir,
        tableName: 'interchange_knex_migrations',
      });
      const depthHistory = new DatabaseDepthHistoryStore(knex);
      const brokers = new RabbitMQBrokers([
        testRabbitMQBroker({ id: 'local' }),
      ]);
      const rabbitmq = new RabbitMQLiveState(brokers, depthHistory);
      const failing: BusLiveState = {
        bus: 'kafka',
        listBrokers: () => [{ bus: 'kafka', id: 'down', title: 'down' }],
        sample: async () => {
          throw new Error('connection refused');
        },
        pruneHistory: async () => 0,
        describeError: e => (e as Error).message,
      };
      const logger = mockServices.logger.mock();
      const { scheduler, tasks } = capturingScheduler();
      await scheduleLagSampling({
        settings,
        scheduler,
        logger,
        buses: [failing, rabbitmq],
      });
      expect(tasks).toHaveLength(1);
      // The broker reports queue totals every few seconds.
      const deadline = Date.now() + 30_000;
      let points: { depth: number }[] = [];
      while (Date.now() < deadline) {
        await tasks[0]();
        points = await depthHistory.trend(
          'rabbitmq',
          'local',
          queueDestination(vhost.name, 'jobs'),
          0,
        );
        if (points.some(p => p.depth === 3)) {
          break;
        }
        await new Promise(r => setTimeout(r, 1000));
      }
      expect(points.at(-1)).toMatchObject({ depth: 3 });
      expect(logger.warn).toHaveBeenCalledWith(
        'Sampling of kafka cluster down failed: connection refused',
      );
      brokers.close();
    } finally {
      await vhost.remove();
    }
  });

  it('schedules nothing when disabled or without brokers', async () => {
    const { scheduler, tasks } = capturingScheduler();
    await scheduleLagSampling({
      settings: { ...settings, enabled: false },
      scheduler,
      logger: mockServices.logger.mock(),
      buses: [],
    });
    await scheduleLagSampling({
      settings,
      scheduler,
      logger: mockServices.logger.mock(),
      buses: [],
    });
    expect(tasks).toHaveLength(0);
  });
});
