import fs from 'node:fs';
import { expect, Page } from '@playwright/test';
import { API_RESPONSES_FILE } from './secretScan';

const recording = new WeakSet<object>();

/**
 * Appends every /api/ response the browser receives to API_RESPONSES_FILE,
 * for the secret scan after the run (secretScan.teardown.ts).
 */
function recordApiResponses(page: Page) {
  const context = page.context();
  if (recording.has(context)) {
    return;
  }
  recording.add(context);
  fs.mkdirSync('test-results', { recursive: true });
  context.on('response', async response => {
    if (!new URL(response.url()).pathname.startsWith('/api/')) {
      return;
    }
    try {
      const body = await response.text();
      const headers = JSON.stringify(await response.allHeaders());
      fs.appendFileSync(
        API_RESPONSES_FILE,
        `### ${response.status()} ${response.request().method()} ${response.url()}\n${headers}\n${body}\n`,
      );
    } catch {
      // A response the page dropped (navigation) has no body to read.
    }
  });
}

/** Signs in as the demo guest (a member of team-platform). */
export async function signIn(page: Page) {
  recordApiResponses(page);
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
