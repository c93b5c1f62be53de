import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  KafkaClusters,
  readKafkaClusters,
} from '@interchange/plugin-interchange-node';
import {
  commitOffsets,
  describeKafka,
  kafkaBrokers,
  seedTopic,
  uniqueName,
} from '@interchange/plugin-interchange-node/testUtils';
import {
  createTestDatabases,
  initMigrated,
} from '../__testUtils__/createTestDatabases';
import { DatabaseChecksStore } from '../database/DatabaseChecksStore';
import { DatabaseDeliveryStore } from '../database/DatabaseDeliveryStore';
import { DatabaseLagHistoryStore } from '../database/DatabaseLagHistoryStore';
import { KafkaLiveState } from '../kafka/KafkaLiveState';
import { InterchangeNotifier } from './InterchangeNotifier';
import { readNotificationSettings } from './notificationSettings';
import { NotificationStateStore } from './NotificationStateStore';

jest.setTimeout(120_000);
const databases = createTestDatabases();

describeKafka('InterchangeNotifier against a real broker', () => {
  const brokers = kafkaBrokers!;
  const topic = uniqueName('it-notify');
  const group = uniqueName('it-notify-group');
  let clusters: KafkaClusters;

  beforeAll(async () => {
    // A group with a committed offset behind the log end and no members:
    // once two samples show its offset not moving, it is STOPPED.
    await seedTopic(brokers, topic, [5]);
    await commitOffsets(brokers, group, topic, { 0: 1 });
    clusters = new KafkaClusters(
      readKafkaClusters(
        new ConfigReader({
          interchange: { kafka: { clusters: [{ id: 'local', brokers }] } },
        }),
      ),
    );
  });

  afterAll(async () => {
    await clusters.close();
  });

  const entities = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'billing',
        namespace: 'default',
        annotations: {
          'interchange.dev/kafka-consumer-groups': `local/${group}`,
        },
      },
      spec: { type: 'service', owner: 'team-billing', lifecycle: 'production' },
    },
  ];

  it.each(databases.eachSupportedId())(
    'a group turning STOPPED notifies its owner exactly once, also after a restart (%s)',
    async databaseId => {
      const knex = await initMigrated(databases, databaseId);
      const history = new DatabaseLagHistoryStore(knex);
      const live = new KafkaLiveState(clusters, history);
      const sent: NotificationSendOptions[] = [];
      const notifier = () =>
        new InterchangeNotifier({
          settings: readNotificationSettings(new ConfigReader({})),
          notifications: {
            send: async o => {
              sent.push(o);
            },
          },
          store: new NotificationStateStore(knex),
          catalog: catalogServiceMock({ entities }),
          auth: mockServices.auth(),
          live,
          deliveries: new DatabaseDeliveryStore(knex),
          checks: new DatabaseChecksStore(knex),
          logger: mockServices.logger.mock(),
        });
      const sample = async (timestamp: number) =>
        history.add('local', await live.sampleCluster('local', timestamp));

      const start = Date.now();
      await sample(start - 60_000);
      // One sample: not enough to judge progress, the group is OK.
      expect(await notifier().run()).toBe(0);

      await sample(start);
      expect(await notifier().run()).toBe(1);
      expect(sent).toHaveLength(1);
      expect(sent[0].recipients).toEqual({
        type: 'entity',
        entityRef: ['group:default/team-billing'],
      });
      expect(sent[0].payload).toMatchObject({
        title: `Consumer group ${group} is STOPPED`,
        link: '/catalog/default/component/billing',
        severity: 'high',
        topic: 'Interchange: consumer groups',
      });

      // Still STOPPED at the next sample: no second notification, neither
      // from the same notifier nor from a new one (a restart or a replica).
      await sample(start + 30_000);
      const again = notifier();
      expect(await again.run()).toBe(0);
      expect(await again.run()).toBe(0);
      expect(sent).toHaveLength(1);
    },
  );
});
