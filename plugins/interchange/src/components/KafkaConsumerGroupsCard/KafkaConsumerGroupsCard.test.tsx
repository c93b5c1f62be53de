import { screen } from '@testing-library/react';
import { InterchangeApi, KafkaConsumerGroups } from '../../api';
import { component, topic } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { formatTime } from '../IntegrationChecksCard/formatTime';
import { KafkaConsumerGroupsCard } from './KafkaConsumerGroupsCard';

/** What the backend's 503 says when a cluster cannot be reached. */
const UNREACHABLE =
  'cluster prod-eu unreachable: connection refused at 10.0.0.1:9092';

const groups: KafkaConsumerGroups = {
  items: [
    {
      cluster: 'prod-eu',
      groupId: 'billing',
      state: 'Stable',
      members: 2,
      partitions: [],
      totalLag: 1500,
      maxLag: 1000,
      health: {
        status: 'WARNING',
        reason: 'lag growing',
        partitions: [],
        totalLag: 1500,
        maxTimeLagMs: 95_000,
        samples: 12,
        windowMs: 3_600_000,
      },
    },
  ],
  errors: [],
};

const render = (
  api: Partial<InterchangeApi>,
  entity = component,
  title?: string,
) =>
  renderForEntity(<KafkaConsumerGroupsCard title={title} />, {
    entity,
    interchange: { getKafkaGroupTrend: async () => [], ...api },
  });

describe('KafkaConsumerGroupsCard', () => {
  it('shows progress while the backend answers', async () => {
    await render({ getKafkaConsumerGroups: pending });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows the backend reason and what to do when the request fails', async () => {
    await render({
      getKafkaConsumerGroups: async () => {
        throw await backendError(503, UNREACHABLE);
      },
    });
    expect(
      await screen.findByText('Could not read consumer groups'),
    ).toBeInTheDocument();
    expect(screen.getByText(`503: ${UNREACHABLE}`)).toBeInTheDocument();
    expect(screen.getByText(/What to do:/)).toBeInTheDocument();
  });

  it('shows the backend reason when the cluster is not configured (404)', async () => {
    const reason =
      "Kafka cluster 'prod-eu' is not configured; configured clusters: local";
    await render({
      getKafkaConsumerGroups: async () => {
        throw await backendError(404, reason);
      },
    });
    expect(
      await screen.findByText('Could not read consumer groups'),
    ).toBeInTheDocument();
    expect(screen.getByText(`404: ${reason}`)).toBeInTheDocument();
    expect(screen.getByText(/What to do:/)).toBeInTheDocument();
  });

  it('names one unreachable cluster among several and still shows the table', async () => {
    await render({
      getKafkaConsumerGroups: async () => ({
        items: [],
        errors: [{ cluster: 'prod-eu', message: UNREACHABLE }],
      }),
    });
    expect(await screen.findByText(UNREACHABLE)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'consumer groups' })).toBeTruthy();
  });

  it('says since when a cluster among several is unreachable, with the cause', async () => {
    const since = new Date(Date.now() - 125_000).toISOString();
    const message = `Kafka cluster prod-eu unreachable since ${since} while trying to read consumer group offsets: connect ECONNREFUSED 10.0.0.1:9092`;
    await render({
      getKafkaConsumerGroups: async () => ({
        ...groups,
        errors: [{ cluster: 'prod-eu', message, unreachableSince: since }],
      }),
    });
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(
      screen.getByText(`Unreachable since ${formatTime(since)}`).parentElement,
    ).toHaveTextContent(/\(2m [5-9]s ago\)$/);
    expect(
      screen.getByRole('table', { name: 'consumer groups' }),
    ).toHaveTextContent('billing');
  });

  it('says how to declare groups when a component has none', async () => {
    await render(
      { getKafkaConsumerGroups: async () => ({ items: [], errors: [] }) },
      { ...component, metadata: { ...component.metadata, annotations: {} } },
    );
    expect(
      await screen.findByText(
        'No consumer groups are declared. Add the annotation interchange.dev/kafka-consumer-groups: <cluster>/<group>.',
      ),
    ).toBeInTheDocument();
  });

  it('says no group has committed offsets on a topic without groups', async () => {
    await render(
      { getKafkaConsumerGroups: async () => ({ items: [], errors: [] }) },
      topic,
    );
    expect(
      await screen.findByText(
        'No consumer group has committed offsets on this topic.',
      ),
    ).toBeInTheDocument();
  });

  it('lists groups with lag in messages and time, under the given title', async () => {
    await render(
      { getKafkaConsumerGroups: async () => groups },
      component,
      'Consumer group lag',
    );
    const table = await screen.findByRole('table', { name: 'consumer groups' });
    expect(table).toHaveTextContent('billing');
    expect(table).toHaveTextContent('1,500');
    expect(table).toHaveTextContent('Stable');
    expect(table).toHaveTextContent('1m 35s');
    expect(screen.getByText('Consumer group lag')).toBeInTheDocument();
  });
});
