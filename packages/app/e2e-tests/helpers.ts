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
        `### ${response.status()} ${response
          .request()
          .method()} ${response.url()}\n${headers}\n${body}\n`,
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

/**
 * Signs in as the user of an e2e-only sign-in provider of the demo backend
 * (`e2e-user`: user:default/sofia.rossi, set in app-config.e2e.yaml). The
 * app offers only the guest button, so this browser context's guest sign-in
 * request is answered by that provider instead: a real token for that user,
 * minted by the backend. Use a context of its own (browser.newContext()).
 */
export async function signInAs(page: Page, provider: 'e2e-user') {
  await page.context().route('**/api/auth/guest/refresh**', async route => {
    const response = await route.fetch({
      url: route
        .request()
        .url()
        .replace('/api/auth/guest/', `/api/auth/${provider}/`),
    });
    await route.fulfill({ response });
  });
  await signIn(page);
}

/** Saves a full-page screenshot next to the other e2e results. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({
    path: `test-results/e2e/${name}.png`,
    fullPage: true,
  });
}
