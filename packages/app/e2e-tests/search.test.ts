import { test, expect } from '@playwright/test';
import { screenshot, signIn } from './helpers';

// Interchange's search collator indexes the integration kinds with their
// fields (search.collators.interchange.schedule: every minute in the demo),
// so a route path typed in the search page finds the GatewayRoute.
test('typing a demo route path in the search page finds the GatewayRoute', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const route = page.getByRole('listitem', {
    name: 'GatewayRoute public-orders',
  });
  await expect
    .poll(
      async () => {
        await page.goto('/search');
        const box = page.getByRole('textbox', { name: /search/i }).first();
        await box.fill('/api/orders');
        // The search bar debounces; the results follow the typed term.
        await page.waitForTimeout(1500);
        return route.count();
      },
      // The index is built on a schedule after the catalog has loaded.
      { timeout: 180_000, intervals: [10_000] },
    )
    .toBeGreaterThan(0);
  await expect(route.getByLabel('Paths')).toContainText('/api/orders');
  await expect(route).toContainText('Gateway');
  await expect(route).toContainText('kong-public');
  await expect(route).toContainText('Owner: team-fulfillment');

  // The type filter narrows the results to the integration kinds.
  await page.getByRole('button', { name: 'Integrations' }).click();
  await expect(route).toBeVisible();
  await route.getByRole('link', { name: 'public-orders' }).click();
  await expect(page).toHaveURL(
    /\/catalog\/default\/gatewayroute\/public-orders/,
  );
  await screenshot(page, 'search-route-path');
});
