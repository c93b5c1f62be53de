import { test, expect } from '@playwright/test';

test('the catalog lists the demo company', async ({ page }) => {
  await page.goto('/');

  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();

  await expect(page.getByText('Brightwave Commerce Catalog')).toBeVisible();
  for (const name of ['order-service', 'checkout-service', 'payment-service']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await page.screenshot({
    path: 'test-results/e2e/catalog.png',
    fullPage: true,
  });
});
