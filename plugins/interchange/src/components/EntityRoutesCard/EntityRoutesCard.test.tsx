import { screen } from '@testing-library/react';
import { component, route } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { EntityRoutesCard } from './EntityRoutesCard';

describe('EntityRoutesCard', () => {
  it('shows progress while the catalog answers', async () => {
    await renderForEntity(<EntityRoutesCard />, {
      entity: component,
      catalog: { getEntities: pending },
    });
    // The table's loading overlay.
    expect(await screen.findAllByRole('progressbar')).not.toHaveLength(0);
  });

  it("shows the catalog's reason when it fails", async () => {
    await renderForEntity(<EntityRoutesCard />, {
      entity: component,
      catalog: {
        getEntities: async () => {
          throw await backendError(503, 'catalog database unavailable');
        },
      },
    });
    expect(
      await screen.findByText(
        'Could not read the gateway routes from the catalog',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('503: catalog database unavailable'),
    ).toBeInTheDocument();
  });

  it('says no route reaches the component', async () => {
    await renderForEntity(<EntityRoutesCard />, { entity: component });
    expect(
      await screen.findByText('No gateway route reaches this component.'),
    ).toBeInTheDocument();
  });

  it('lists the routes that reach the component', async () => {
    await renderForEntity(<EntityRoutesCard />, {
      entity: component,
      entities: [route],
    });
    expect(await screen.findByText('/v1/orders')).toBeInTheDocument();
    expect(screen.getByText('edge')).toBeInTheDocument();
  });
});
