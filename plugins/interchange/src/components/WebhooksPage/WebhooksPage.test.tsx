import { screen } from '@testing-library/react';
import { webhook } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { WebhooksPage } from './WebhooksPage';

describe('WebhooksPage', () => {
  it('shows progress while the backend answers', async () => {
    await renderForEntity(<WebhooksPage />, {
      interchange: { getWebhooksHealth: pending },
    });
    // The table's loading overlay.
    expect(await screen.findAllByRole('progressbar')).not.toHaveLength(0);
  });

  it("shows the backend's reason and what to do when it fails", async () => {
    await renderForEntity(<WebhooksPage />, {
      interchange: {
        getWebhooksHealth: async () => {
          throw await backendError(403, 'interchange.webhook.read is denied');
        },
      },
    });
    expect(
      await screen.findByText('Could not read the webhooks'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('403: interchange.webhook.read is denied'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Ask a Backstage admin/)).toBeInTheDocument();
  });

  it('shows an empty list', async () => {
    await renderForEntity(<WebhooksPage />, {
      interchange: { getWebhooksHealth: async () => [] },
    });
    expect(await screen.findByText('0 webhooks')).toBeInTheDocument();
  });

  it('lists webhooks with their endpoint health', async () => {
    await renderForEntity(<WebhooksPage />, {
      entities: [webhook],
      interchange: {
        getWebhooksHealth: async () => [
          {
            entityRef: 'webhook:default/order-events',
            health: { status: 'failing', attempts: 4, successRate: 0.25 },
          },
        ],
      },
    });
    expect(await screen.findByText('1 webhooks')).toBeInTheDocument();
    expect(
      screen.getByText('https://partner.example.com/hooks'),
    ).toBeInTheDocument();
    expect(screen.getByText('failing')).toBeInTheDocument();
  });
});
