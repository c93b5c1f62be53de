import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import {
  impact,
  buildIntegrationGraph,
} from '@interchange/plugin-interchange-common';
import {
  backendError,
  pending,
  renderForEntity,
} from '../../__testUtils__/renderForEntity';
import { testCompany, testFindings } from '@interchange/plugin-interchange-common/testUtils';
import { installFlowTestShims } from '../../map/flowTestShims';
import { IntegrationMapPage } from './IntegrationMapPage';

installFlowTestShims();

const graph = buildIntegrationGraph(testCompany);
const api = {
  getChecks: async () => ({ findings: testFindings }),
  getImpact: jest.fn(
    async (q: {
      entityRef: string;
      direction: 'downstream' | 'upstream';
      depth: number;
    }) => impact(graph, q.entityRef, q),
  ),
};

async function mapReady() {
  await waitFor(() =>
    expect(screen.getByTestId('integration-map')).toHaveAttribute(
      'data-status',
      'ready',
    ),
  );
}
const nodeRefs = () =>
  screen
    .queryAllByTestId('map-node')
    .map(n => n.getAttribute('data-ref'))
    .sort();

describe('IntegrationMapPage', () => {
  it('shows progress while the catalog answers', async () => {
    await renderForEntity(<IntegrationMapPage />, {
      interchange: api as any,
      catalog: { getEntities: pending },
    });
    expect(await screen.findAllByRole('progressbar')).not.toHaveLength(0);
  });

  it("shows the catalog's reason when it fails", async () => {
    await renderForEntity(<IntegrationMapPage />, {
      interchange: api as any,
      catalog: {
        getEntities: async () => {
          throw await backendError(503, 'catalog database unavailable');
        },
      },
    });
    expect(
      await screen.findByText('Could not read the catalog to draw the map'),
    ).toBeInTheDocument();
    expect(
      screen.getByText('503: catalog database unavailable'),
    ).toBeInTheDocument();
  });

  it('says so when the catalog is empty', async () => {
    await renderForEntity(<IntegrationMapPage />, { interchange: api as any });
    expect(
      await screen.findByText(
        'The catalog has no components, systems or integrations yet.',
      ),
    ).toBeInTheDocument();
  });

  it('draws systems holding their components, and says when findings cannot be read', async () => {
    await renderForEntity(<IntegrationMapPage />, {
      interchange: {
        getChecks: async () => {
          throw await backendError(500, 'checks have not run yet');
        },
      } as any,
      catalog: catalogApiMock({ entities: testCompany }),
    });
    await mapReady();
    const systems = screen
      .getAllByTestId('map-system')
      .map(s => s.getAttribute('data-ref'));
    expect(systems).toEqual(
      expect.arrayContaining(['system:default/shop', 'system:default/ops']),
    );
    expect(nodeRefs()).toContain('kafkatopic:default/orders.placed');
    expect(screen.getByTestId('map-findings-notice')).toHaveTextContent(
      'checks have not run yet',
    );
    expect(screen.getByTestId('map-legend')).toHaveTextContent(
      'Event (Kafka topic)',
    );
  });

  it('collapses integrations into labelled edges with the toggle', async () => {
    await renderForEntity(<IntegrationMapPage />, {
      interchange: api as any,
      catalog: catalogApiMock({ entities: testCompany }),
    });
    await mapReady();
    expect(nodeRefs()).toContain('kafkatopic:default/orders.placed');
    fireEvent.click(
      screen.getByRole('checkbox', {
        name: 'Collapse integrations into edges',
      }),
    );
    await waitFor(() =>
      expect(nodeRefs()).not.toContain('kafkatopic:default/orders.placed'),
    );
    await mapReady();
    expect(nodeRefs()).toContain('component:default/mailer');
    expect(
      screen.getByTestId('integration-map').getAttribute('data-edges'),
    ).not.toBe('0');
  });

  it('opens a marked finding, and focus keeps only the neighbourhood (from the impact API)', async () => {
    await renderForEntity(<IntegrationMapPage />, {
      interchange: api as any,
      catalog: catalogApiMock({ entities: testCompany }),
    });
    await mapReady();
    const marked = screen
      .getAllByTestId('map-node')
      .filter(n => n.getAttribute('data-marked'));
    expect(marked.map(n => n.getAttribute('data-ref')).sort()).toEqual([
      'component:default/orders',
      'webhook:default/ship-notify',
    ]);
    fireEvent.click(
      marked.find(
        n => n.getAttribute('data-ref') === 'webhook:default/ship-notify',
      )!,
    );
    const details = await screen.findByTestId('map-details');
    expect(
      within(details).getByText('hygiene/unsigned-webhook'),
    ).toBeInTheDocument();
    expect(
      within(details).getByText(/Sign it with standard-webhooks/),
    ).toBeInTheDocument();

    const cart = screen
      .getAllByTestId('map-node')
      .find(n => n.getAttribute('data-ref') === 'component:default/cart')!;
    fireEvent.click(cart);
    fireEvent.click(
      await screen.findByRole('button', {
        name: 'Focus: what breaks if I change this',
      }),
    );
    await waitFor(() =>
      expect(nodeRefs()).not.toContain('component:default/mailer'),
    );
    await mapReady();
    // cart depends on checkout (dependsOn); checkout depends on orders through the API.
    expect(nodeRefs()).toEqual([
      'api:default/orders-api',
      'component:default/cart',
      'component:default/checkout',
    ]);
    expect(api.getImpact).toHaveBeenCalledWith({
      entityRef: 'component:default/cart',
      direction: 'downstream',
      depth: 2,
    });
    expect(
      screen.getByText('From the impact API.', { exact: false }),
    ).toBeInTheDocument();
    expect(screen.getByTestId('impact-upstream')).toHaveTextContent(
      'cart → checkout',
    );
  });
});
