import { test, expect } from '@playwright/test';
import { screenshot, signIn } from './helpers';

test('the route inventory lists declared and ingested routes, with the serving component', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/routes');
  // Ingested by the gateway files provider from examples/gateways/ (its
  // first run is 20 s after the backend starts). The Route column shows the
  // route's title (its name in the file); the Gateway column its gateway.
  const ingested = page
    .getByRole('row')
    .filter({ hasText: 'mesh-internal' })
    .filter({ hasText: 'inventory-reads' });
  await expect(ingested).toContainText('component:default/inventory-service', {
    timeout: 60_000,
  });
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'mesh-internal' })
      .filter({ hasText: 'legacy-invoices' }),
  ).toContainText('(no component)');
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  await screenshot(page, 'routes-inventory');

  await page.goto(
    '/catalog/default/gatewayroute/mesh-internal.legacy-invoices',
  );
  await expect(
    page.getByText(/No component serves this route's upstream/),
  ).toBeVisible();
});
