import { screen, waitFor } from '@testing-library/react';
import { catalogApiMock } from '@backstage/plugin-catalog-react/testUtils';
import { Entity } from '@backstage/catalog-model';
import { pending, renderForEntity } from '../../__testUtils__/renderForEntity';
import { testCompany, testFindings } from '@interchange/plugin-interchange-common/testUtils';
import { installFlowTestShims } from '../../map/flowTestShims';
import { IntegrationMapCard } from './IntegrationMapCard';

installFlowTestShims();

const byName = (name: string) =>
  testCompany.find(e => e.metadata.name === name)!;
// The impact API is not there: the card says so and computes the same answer in the browser.
const api = {
  getChecks: async () => ({ findings: testFindings }),
  getImpact: async () => {
    throw new Error('impact API unavailable');
  },
};

async function render(
  entity: Entity,
  catalog = catalogApiMock({ entities: testCompany }),
) {
  await renderForEntity(<IntegrationMapCard />, {
    entity,
    interchange: api as any,
    catalog,
  });
}

describe('IntegrationMapCard', () => {
  it('shows progress while the catalog answers', async () => {
    await render(byName('cart'), { getEntities: pending } as any);
    expect(await screen.findAllByRole('progressbar')).not.toHaveLength(0);
  });

  it('shows the 2-hop neighbourhood of a component, with findings marked', async () => {
    await render(byName('checkout'));
    await screen.findByTestId('integration-map', {}, { timeout: 10_000 });
    await waitFor(() =>
      expect(screen.getByTestId('integration-map')).toHaveAttribute(
        'data-status',
        'ready',
      ),
    );
    const refs = screen
      .getAllByTestId('map-node')
      .map(n => n.getAttribute('data-ref'))
      .sort();
    expect(refs).toEqual([
      'api:default/orders-api',
      'component:default/cart',
      'component:default/checkout',
      'component:default/legacy-report',
      'component:default/mailer',
      'component:default/orders',
      'kafkatopic:default/orders.placed',
    ]);
    expect(screen.getByText(/impact API unavailable/)).toBeInTheDocument();
  });

  it('says so when nothing is connected', async () => {
    await render(
      byName('mailer'),
      catalogApiMock({ entities: [byName('mailer')] }),
    );
    expect(
      await screen.findByText(
        /Nothing depends on this entity and it depends on nothing/,
      ),
    ).toBeInTheDocument();
  });
});
