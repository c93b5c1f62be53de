import { expect, Page } from '@playwright/test';

/** Signs in as the demo guest (a member of team-platform). */
export async function signIn(page: Page) {
  await page.goto('/');
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
  await expect(page.getByText('Brightwave Commerce Catalog')).toBeVisible();
}

/** Saves a full-page screenshot next to the other e2e results. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: `test-results/e2e/${name}.png`,
    fullPage: true,
  });
}
