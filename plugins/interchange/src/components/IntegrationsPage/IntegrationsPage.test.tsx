import { screen } from '@testing-library/react';
import { route, topic, webhook } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { IntegrationsPage } from './IntegrationsPage';

const noProblems = { getCatalogProblems: async () => [] };

describe('IntegrationsPage', () => {
  it('shows progress while the catalog answers', async () => {
    await renderForEntity(<IntegrationsPage />, {
      interchange: noProblems,
      catalog: { getEntities: pending },
    });
    // The table's loading overlay.
    expect(await screen.findAllByRole('progressbar')).not.toHaveLength(0);
  });

  it("shows the catalog's reason when it fails", async () => {
    await renderForEntity(<IntegrationsPage />, {
      interchange: noProblems,
      catalog: {
        getEntities: async () => {
          throw await backendError(503, 'catalog database unavailable');
        },
      },
    });
    expect(
      await screen.findByText(
        'Could not read topics, routes and webhooks from the catalog',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('503: catalog database unavailable'),
    ).toBeInTheDocument();
  });

  it('shows an empty table', async () => {
    await renderForEntity(<IntegrationsPage />, { interchange: noProblems });
    expect(await screen.findByText('All integrations')).toBeInTheDocument();
    expect(
      await screen.findByText('No records to display'),
    ).toBeInTheDocument();
  });

  it('lists topics, routes and webhooks, and the entities the catalog rejected', async () => {
    await renderForEntity(<IntegrationsPage />, {
      entities: [topic, route, webhook],
      interchange: {
        getCatalogProblems: async () => [
          {
            entityRef: 'webhook:default/bad',
            message: 'spec.signing is required',
            firstSeen: '2024-01-01T00:00:00Z',
            lastSeen: '2024-01-01T00:00:00Z',
          },
        ],
      },
    });
    expect(
      await screen.findByRole('link', { name: 'orders.placed.v1' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'order-events' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'orders-api' }),
    ).toBeInTheDocument();
    expect(
      screen.getByLabelText('problem webhook:default/bad'),
    ).toHaveTextContent('spec.signing is required');
  });
});
