import { screen } from '@testing-library/react';
import { Entity } from '@backstage/catalog-model';
import { component, route, topic } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { InterchangeRelationsCard } from './InterchangeRelationsCard';

const consumed: Entity = {
  ...topic,
  relations: [
    { type: 'consumedBy', targetRef: 'component:default/billing' },
    { type: 'producedBy', targetRef: 'component:default/gone' },
  ],
};

describe('InterchangeRelationsCard', () => {
  it('shows progress while the catalog answers', async () => {
    await renderForEntity(<InterchangeRelationsCard />, {
      entity: consumed,
      catalog: { getEntitiesByRefs: pending },
    });
    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it("shows the catalog's reason and what to do when it fails", async () => {
    await renderForEntity(<InterchangeRelationsCard />, {
      entity: consumed,
      catalog: {
        getEntitiesByRefs: async () => {
          throw await backendError(
            403,
            'not allowed to read component:default/billing',
          );
        },
      },
    });
    expect(
      await screen.findByText(
        'Could not read the related entities from the catalog',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('403: not allowed to read component:default/billing'),
    ).toBeInTheDocument();
    expect(screen.getByText(/Ask a Backstage admin/)).toBeInTheDocument();
  });

  it('says nobody is related yet', async () => {
    await renderForEntity(<InterchangeRelationsCard />, { entity: topic });
    expect(
      await screen.findByText(
        'Nobody is known to produce, consume, serve or describe this entity yet.',
      ),
    ).toBeInTheDocument();
  });

  it('lists related entities with owners, and flags ones missing from the catalog', async () => {
    await renderForEntity(<InterchangeRelationsCard />, {
      entity: consumed,
      entities: [component],
    });
    expect(await screen.findByText('Consumed by')).toBeInTheDocument();
    expect(screen.getByText('Produced by')).toBeInTheDocument();
    expect(screen.getByText('billing')).toBeInTheDocument();
    expect(screen.getByText('not in the catalog')).toBeInTheDocument();
  });

  it('uses route wording on a GatewayRoute', async () => {
    await renderForEntity(<InterchangeRelationsCard />, {
      entity: route,
      entities: [component],
    });
    expect(await screen.findByText('Routes to')).toBeInTheDocument();
  });
});
