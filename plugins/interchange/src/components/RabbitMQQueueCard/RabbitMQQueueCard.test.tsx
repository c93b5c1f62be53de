import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Entity } from '@backstage/catalog-model';
import { InterchangeApi, RabbitMQQueueDetail } from '../../api';
import {
  backendError,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { formatTime } from '../IntegrationChecksCard/formatTime';
import { RabbitMQQueueCard } from './RabbitMQQueueCard';

const queue: Entity = {
  apiVersion: 'interchange.dev/v1alpha1',
  kind: 'RabbitMQQueue',
  metadata: { name: 'shipping.labels', namespace: 'default' },
  spec: {
    owner: 'team-fulfillment',
    broker: 'local',
    queueType: 'quorum',
    bindings: [{ exchange: 'shipping', routingKey: 'label.create' }],
  },
};

const detail: RabbitMQQueueDetail = {
  broker: {
    id: 'local',
    title: 'local',
    dashboardUrl: 'http://127.0.0.1:15673',
  },
  exists: true,
  queue: {
    vhost: '/',
    name: 'shipping.labels',
    type: 'quorum',
    state: 'running',
    node: 'interchange@localhost',
    durable: true,
    messagesReady: 41,
    messagesUnacknowledged: 2,
    consumers: 1,
    consumerUtilisation: null,
    publishRate: 4,
    deliverRate: 2,
    ackRate: 2,
    status: 'WARNING',
    statusReason: 'the depth grows: 4.0 msg/s published, 2.0 msg/s consumed',
    timeToDrainSeconds: null,
    statsPending: false,
  },
  arguments: { 'x-queue-type': 'quorum' },
  bindings: [{ source: 'shipping', routingKey: 'label.create' }],
  entityRef: 'rabbitmqqueue:default/shipping.labels',
  drift: [
    {
      field: 'arguments.x-delivery-limit',
      declared: '10',
      actual: '(not set)',
    },
  ],
  history: [
    { timestamp: 0, depth: 10 },
    { timestamp: 60_000, depth: 43 },
  ],
};

const render = (api: Partial<InterchangeApi>) =>
  renderForEntity(<RabbitMQQueueCard />, { entity: queue, interchange: api });

describe('RabbitMQQueueCard', () => {
  it("shows the queue's depth, consumers, status, bindings, drift and trend", async () => {
    const getRabbitMQQueue = jest.fn(async () => detail);
    await render({ getRabbitMQQueue });
    expect(
      await screen.findByRole('table', { name: 'bindings' }),
    ).toHaveTextContent('shippinglabel.create');
    expect(screen.getByText('41 ready')).toBeInTheDocument();
    expect(screen.getByText('2 unacked')).toBeInTheDocument();
    expect(screen.getByText('1 consumer')).toBeInTheDocument();
    expect(screen.getByText('utilisation unknown')).toBeInTheDocument();
    expect(screen.getByText('drains in not draining')).toBeInTheDocument();
    expect(screen.getByLabelText('status WARNING')).toBeInTheDocument();
    expect(screen.getByLabelText('drift')).toHaveTextContent(
      'arguments.x-delivery-limit: declared 10, actual (not set)',
    );
    expect(
      screen.getByRole('img', { name: 'depth trend: 10 to 43 messages' }),
    ).toBeInTheDocument();
    expect(getRabbitMQQueue).toHaveBeenCalledWith(
      'local',
      '/',
      'shipping.labels',
    );
    await userEvent.click(screen.getByLabelText('refresh queue state'));
    expect(getRabbitMQQueue).toHaveBeenCalledTimes(2);
  });

  it('says how to fix a queue missing on the broker', async () => {
    await render({
      getRabbitMQQueue: async () => ({
        ...detail,
        exists: false,
        queue: undefined,
        bindings: [],
      }),
    });
    expect(
      await screen.findByText(/does not exist in vhost/),
    ).toHaveTextContent(
      /Queue shipping\.labels does not exist in vhost \/ on broker local\. Declare it/,
    );
  });

  it('says since when the broker is unreachable, with the cause', async () => {
    const since = new Date(Date.now() - 90_000).toISOString();
    const reason = `RabbitMQ broker 'local' unreachable since ${since}: GET /api/queues/%2F/shipping.labels: connect ECONNREFUSED 127.0.0.1:15673`;
    await render({
      getRabbitMQQueue: async () => {
        throw await backendError(503, reason, { unreachableSince: since });
      },
    });
    expect(await screen.findByText(`503: ${reason}`)).toBeInTheDocument();
    expect(
      screen.getByText(`Unreachable since ${formatTime(since)}`).parentElement,
    ).toHaveTextContent(/\(1m 3[0-9]s ago\)$/);
  });

  it('shows the backend reason and what to do when the broker is unreachable', async () => {
    const reason =
      "RabbitMQ broker 'local' GET /api/queues: connect ECONNREFUSED 127.0.0.1:15673";
    await render({
      getRabbitMQQueue: async () => {
        throw await backendError(503, reason);
      },
    });
    expect(await screen.findByText(`503: ${reason}`)).toBeInTheDocument();
    expect(
      screen.getByText(/rabbitmq_management plugin is enabled/),
    ).toBeInTheDocument();
  });
});
