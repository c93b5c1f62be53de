import { test, expect, Page } from '@playwright/test';
import { signIn } from './helpers';

/** The Mesh access card on a component's overview. */
async function meshCard(page: Page, component: string) {
  await page.goto(`/catalog/default/component/${component}`);
  const card = page
    .locator('article, .MuiCard-root')
    .filter({ has: page.getByText('Mesh access', { exact: true }) })
    .last();
  await expect(card).toBeVisible({ timeout: 60_000 });
  return card;
}

test('the component page shows the demo mesh: an undeclared call and a declared-but-denied dependency', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page);

  // order-service: inventory-service may call it (examples/mesh), but does
  // not declare it.
  const orders = await meshCard(page, 'order-service');
  const callers = orders.getByRole('table', { name: 'Callers' });
  const inventory = callers
    .getByRole('row')
    .filter({ hasText: 'inventory-service' });
  await expect(inventory).toContainText('mesh/undeclared-call');
  await expect(inventory).toContainText('allow');
  await expect(
    callers.getByRole('row').filter({ hasText: 'checkout-service' }),
  ).toContainText('yes (api:default/orders-api)');
  await orders.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: 'test-results/screenshots/mesh-access.png',
    fullPage: true,
  });

  // notification-service declares customers-api, which the mesh denies.
  const notification = await meshCard(page, 'notification-service');
  const callee = notification
    .getByRole('table', { name: 'Callees' })
    .getByRole('row')
    .filter({ hasText: 'customer-service' });
  await expect(callee).toContainText('yes (api:default/customers-api)');
  await expect(callee).toContainText('deny');
  await expect(callee).toContainText('mesh/declared-but-denied');
});
