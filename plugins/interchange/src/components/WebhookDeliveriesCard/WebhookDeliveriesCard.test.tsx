import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { InterchangeApi } from '../../api';
import { webhook } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { WebhookDeliveriesCard } from './WebhookDeliveriesCard';

type Log = Awaited<ReturnType<InterchangeApi['getWebhookDeliveries']>>;
type Sent = Awaited<ReturnType<InterchangeApi['sendWebhookTestEvent']>>;

const delivery: Log['items'][number] = {
  id: 'd1',
  entityRef: 'webhook:default/order-events',
  direction: 'outbound',
  eventId: 'evt_1',
  eventType: 'order.placed',
  attemptedAt: Date.UTC(2024, 0, 1),
  durationMs: 42,
  statusCode: 200,
  outcome: 'delivered',
};

const log: Log = {
  items: [delivery],
  health: {
    status: 'healthy',
    attempts: 1,
    successRate: 1,
    p50Ms: 42,
    p95Ms: 42,
    p99Ms: 42,
  },
};

const render = (api: Partial<InterchangeApi>) =>
  renderForEntity(<WebhookDeliveriesCard />, {
    entity: webhook,
    interchange: api,
  });

describe('WebhookDeliveriesCard', () => {
  it('shows progress while the log loads', async () => {
    await render({ getWebhookDeliveries: pending });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it("shows the backend's reason when the log cannot be read", async () => {
    await render({
      getWebhookDeliveries: async () => {
        throw await backendError(
          404,
          'Webhook default/order-events is not in the catalog',
        );
      },
    });
    expect(
      await screen.findByText('Could not read the delivery log'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        '404: Webhook default/order-events is not in the catalog',
      ),
    ).toBeInTheDocument();
  });

  it("shows the backend's reason when the backend is unavailable (503)", async () => {
    const reason =
      'the delivery log is unavailable: database connection refused';
    await render({
      getWebhookDeliveries: async () => {
        throw await backendError(503, reason);
      },
    });
    expect(
      await screen.findByText('Could not read the delivery log'),
    ).toBeInTheDocument();
    expect(screen.getByText(`503: ${reason}`)).toBeInTheDocument();
  });

  it('says there are no deliveries yet and how to check the endpoint', async () => {
    await render({
      getWebhookDeliveries: async () => ({
        items: [],
        health: { status: 'unknown', attempts: 0 },
      }),
    });
    expect(
      await screen.findByText(
        'No deliveries yet. Send a test event to check the endpoint.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the log and health, and sends a signed test event', async () => {
    const sent: Sent = {
      delivery: { ...delivery, id: 'd2', eventId: 'evt_2' },
      signature: {
        scheme: 'standard-webhooks',
        secretRef: 'partner',
        secret: 'whsec_…abcd',
        headers: { 'webhook-id': 'evt_2' },
      },
    };
    const sendWebhookTestEvent = jest.fn(async () => sent);
    await render({
      getWebhookDeliveries: async () => log,
      sendWebhookTestEvent,
    });
    expect(await screen.findByText('evt_1')).toBeInTheDocument();
    expect(screen.getByLabelText('endpoint health')).toHaveTextContent(
      '100% successful over the last 1 attempts',
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Send test event' }),
    );
    expect(await screen.findByLabelText('signature preview')).toHaveTextContent(
      'webhook-id: evt_2',
    );
    expect(sendWebhookTestEvent).toHaveBeenCalledWith(
      { kind: 'Webhook', namespace: 'default', name: 'order-events' },
      'order.placed',
    );
  });
});
