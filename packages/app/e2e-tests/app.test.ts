import { test, expect } from '@playwright/test';
import { screenshot, signIn } from './helpers';

test('the catalog lists the demo company', async ({ page }) => {
  await signIn(page);
  for (const name of ['order-service', 'checkout-service', 'payment-service']) {
    await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await screenshot(page, 'catalog');
});
