import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InterchangeApi, KafkaTopicLiveState } from '../../api';
import { topic } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { formatTime } from '../IntegrationChecksCard/formatTime';
import { KafkaTopicStateCard } from './KafkaTopicStateCard';

const live: KafkaTopicLiveState = {
  entityRef: 'kafkatopic:default/orders.placed.v1',
  cluster: { id: 'prod-eu', title: 'Production (eu)', adapter: 'kafkajs' },
  topic: 'orders.placed.v1',
  state: {
    cluster: 'prod-eu',
    topic: 'orders.placed.v1',
    exists: true,
    partitions: [
      {
        partition: 0,
        leader: 1,
        replicas: [1, 2],
        isr: [1],
        underReplicated: true,
        earliestOffset: 0,
        latestOffset: 1200,
        messages: 1200,
      },
    ],
    replicationFactor: 2,
    underReplicatedPartitions: 1,
    offlinePartitions: 0,
    messageCount: 1200,
    configs: [
      {
        name: 'retention.ms',
        value: '86400000',
        isDefault: false,
        isSensitive: false,
      },
      {
        name: 'cleanup.policy',
        value: 'delete',
        isDefault: true,
        isSensitive: false,
      },
    ],
  },
  drift: [
    {
      field: 'partitions',
      declared: '3',
      actual: '1',
      message: 'partitions: declared 3, actual 1',
    },
  ],
};

const render = (api: Partial<InterchangeApi>) =>
  renderForEntity(<KafkaTopicStateCard />, { entity: topic, interchange: api });

describe('KafkaTopicStateCard', () => {
  it('shows progress while the backend answers', async () => {
    await render({ getKafkaTopicState: pending });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend reason and what to do when the cluster is not configured (404)', async () => {
    const reason =
      "Kafka cluster 'prod-eu' is not configured; configured clusters: local";
    await render({
      getKafkaTopicState: async () => {
        throw await backendError(404, reason);
      },
    });
    expect(
      await screen.findByText("Could not read the topic's live state"),
    ).toBeInTheDocument();
    expect(screen.getByText(`404: ${reason}`)).toBeInTheDocument();
    expect(
      screen.getByText(
        /spec\.cluster against the clusters under interchange\.kafka\.clusters/,
      ),
    ).toBeInTheDocument();
  });

  it('shows the backend reason and what to do when the cluster is unreachable (503)', async () => {
    const reason =
      'cluster prod-eu unreachable: connection refused at 10.0.0.1:9092';
    await render({
      getKafkaTopicState: async () => {
        throw await backendError(503, reason);
      },
    });
    expect(await screen.findByText(`503: ${reason}`)).toBeInTheDocument();
    expect(
      screen.getByText(/brokers .* are running and reachable/),
    ).toBeInTheDocument();
  });

  it('says since when the cluster is unreachable, with the cause (503 with unreachableSince)', async () => {
    const since = new Date(Date.now() - 3_600_000).toISOString();
    const reason = `Kafka cluster prod-eu unreachable since ${since} while trying to describe topic orders.placed.v1: connect ECONNREFUSED 10.0.0.1:9092`;
    await render({
      getKafkaTopicState: async () => {
        throw await backendError(503, reason, { unreachableSince: since });
      },
    });
    expect(await screen.findByText(`503: ${reason}`)).toBeInTheDocument();
    expect(
      screen.getByText(`Unreachable since ${formatTime(since)}`).parentElement,
    ).toHaveTextContent(/\(1h 0m ago\)$/);
  });

  it('says so when the cluster has no such topic, and how to fix it', async () => {
    await render({
      getKafkaTopicState: async () => ({
        ...live,
        state: { ...live.state, exists: false },
        drift: [],
      }),
    });
    expect(
      await screen.findByText(/does not exist on cluster/),
    ).toHaveTextContent(
      /^Topic orders\.placed\.v1 does not exist on cluster Production \(eu\)\. Create it/,
    );
  });

  it('shows partitions, non-default configs and drift, and reloads on refresh', async () => {
    const getKafkaTopicState = jest.fn(async () => live);
    await render({ getKafkaTopicState });
    expect(
      await screen.findByRole('table', { name: 'partitions' }),
    ).toHaveTextContent('1 (under-replicated)');
    expect(screen.getByText('1 under-replicated')).toBeInTheDocument();
    expect(screen.getByLabelText('drift')).toHaveTextContent(
      'partitions: declared 3, actual 1',
    );
    expect(
      screen.getByRole('table', { name: 'topic configs' }),
    ).toHaveTextContent('retention.ms');
    expect(screen.queryByText('cleanup.policy')).not.toBeInTheDocument();
    expect(getKafkaTopicState).toHaveBeenCalledWith({
      kind: 'KafkaTopic',
      namespace: 'default',
      name: 'orders.placed.v1',
    });
    await userEvent.click(screen.getByLabelText('refresh topic state'));
    expect(getKafkaTopicState).toHaveBeenCalledTimes(2);
  });
});
