import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { component, topic, webhook } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { IntegrationsCard } from './IntegrationsCard';

const linked: Entity = {
  ...component,
  relations: [
    { type: 'producesTo', targetRef: 'kafkatopic:default/orders.placed.v1' },
    { type: 'producesTo', targetRef: 'webhook:default/order-events' },
  ],
};

describe('IntegrationsCard', () => {
  it('shows progress while the catalog answers', async () => {
    await renderForEntity(<IntegrationsCard />, {
      entity: linked,
      catalog: { getEntitiesByRefs: pending },
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it("shows the catalog's reason when it fails", async () => {
    await renderForEntity(<IntegrationsCard />, {
      entity: linked,
      catalog: {
        getEntitiesByRefs: async () => {
          throw await backendError(503, 'catalog database unavailable');
        },
      },
    });
    expect(
      await screen.findByText('503: catalog database unavailable'),
    ).toBeInTheDocument();
    expect(screen.getByText(/What to do:/)).toBeInTheDocument();
  });

  it('says how to link topics, webhooks and routes when there are none', async () => {
    await renderForEntity(<IntegrationsCard />, { entity: component });
    expect(
      await screen.findByText(/Declare them with spec.producesTo/),
    ).toBeInTheDocument();
  });

  it('groups topics and webhooks by how the component uses them', async () => {
    await renderForEntity(<IntegrationsCard />, {
      entity: linked,
      entities: [topic, webhook],
    });
    expect(await screen.findByText('Produces to')).toBeInTheDocument();
    expect(screen.getByText('Sends webhook')).toBeInTheDocument();
    expect(screen.getByText('orders.placed.v1')).toBeInTheDocument();
    expect(screen.queryByText('not in the catalog')).not.toBeInTheDocument();
  });
});
