import { screen } from '@testing-library/react';
import { route } from '../../__testUtils__/entities';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { RoutesPage } from './RoutesPage';

describe('RoutesPage', () => {
  it('shows progress while the catalog answers', async () => {
    await renderForEntity(<RoutesPage />, {
      catalog: { getEntities: pending },
    });
    // The table's loading overlay.
    expect(await screen.findAllByRole('progressbar')).not.toHaveLength(0);
  });

  it("shows the catalog's reason when it fails", async () => {
    await renderForEntity(<RoutesPage />, {
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

  it('shows an empty inventory with export disabled', async () => {
    await renderForEntity(<RoutesPage />);
    expect(await screen.findByText('0 routes')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeDisabled();
  });

  it('lists every route', async () => {
    await renderForEntity(<RoutesPage />, { entities: [route] });
    expect(await screen.findByText('1 routes')).toBeInTheDocument();
    expect(screen.getByText('/v1/orders')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  });
});
