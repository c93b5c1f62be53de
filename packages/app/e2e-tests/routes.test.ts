import { test, expect, Page } from '@playwright/test';
import { screenshot, signIn } from './helpers';

/**
 * The inventory row of `route` on `gateway` shows `text` once the catalog
 * has it. The page reads the catalog when it opens, so it is reloaded until
 * the row is there (ingestion runs in the background).
 */
async function expectRouteRow(
  page: Page,
  gateway: string,
  route: string,
  text: string,
  timeout: number,
) {
  const row = page
    .getByRole('row')
    .filter({ hasText: gateway })
    .filter({ hasText: route });
  await expect(async () => {
    await page.reload();
    await expect(row).toContainText(text, { timeout: 5_000 });
  }).toPass({ timeout, intervals: [2_000] });
}

test('the route inventory lists declared and ingested routes, with the serving component', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page);
  await page.goto('/routes');
  // The Route column shows the route's title (its name in the file), the
  // Gateway column its gateway.
  // Ingested by the gateway files provider from examples/gateways/ (its
  // first run is 20 s after the backend starts).
  await expectRouteRow(
    page,
    'mesh-internal',
    'inventory-reads',
    'component:default/inventory-service',
    60_000,
  );
  await expectRouteRow(
    page,
    'mesh-internal',
    'legacy-invoices',
    '(no component)',
    10_000,
  );
  // Listed by the storefront team's own catalog file, read from its repo
  // folder (an interchange-gateway-config Location). When that Location is
  // processed before the components, its routes start unmatched and are
  // linked on the catalog's next processing pass (100-150 s later).
  await expectRouteRow(
    page,
    'kong-storefront',
    'storefront-assets',
    'component:default/storefront-web',
    170_000,
  );
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  await screenshot(page, 'routes-inventory');

  await page.goto(
    '/catalog/default/gatewayroute/mesh-internal.legacy-invoices',
  );
  await expect(
    page.getByText(/No component serves this route's upstream/),
  ).toBeVisible();
});
