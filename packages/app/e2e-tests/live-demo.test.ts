import { test, expect, Page } from '@playwright/test';
import { screenshot, signIn } from './helpers';

// The demo traffic (scripts/demo/traffic.cjs, started by playwright.config.ts
// next to the backend) makes the portal move: lag is sampled every 30 s
// (app-config.yaml), so within three minutes of the backend's start a group
// that falls behind shows it, and webhook endpoints have a health.

/** The y of the first and last point of a sparkline (svg y grows downwards). */
async function sparklineEnds(page: Page, row: ReturnType<Page['getByRole']>) {
  const points = await row
    .locator('svg[aria-label^="lag trend"] polyline')
    .getAttribute('points', { timeout: 1000 })
    .catch(() => null);
  if (!points) {
    return undefined;
  }
  const ys = points
    .trim()
    .split(/\s+/)
    .map(p => Number(p.split(',')[1]));
  return { first: ys[0], last: ys[ys.length - 1] };
}

test('a consumer group that falls behind shows a non-OK status and a rising sparkline', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  const url = '/catalog/default/kafkatopic/shipping.shipment-events.v1/kafka';
  await page.goto(url);
  await expect
    .poll(
      async () => {
        await page.goto(url);
        const groups = page.getByRole('table', { name: 'consumer groups' });
        const row = groups
          .getByRole('row')
          .filter({ hasText: 'notify-shipments' });
        await expect(row).toHaveCount(1);
        const chip = row.locator('[aria-label^="status "]');
        const status = (await chip.count())
          ? await chip.getAttribute('aria-label')
          : 'no data';
        const ends = await sparklineEnds(page, row);
        const rising = ends !== undefined && ends.last < ends.first;
        return `${status}, ${rising ? 'rising' : 'not rising'}`;
      },
      { timeout: 180_000, intervals: [15_000] },
    )
    .toMatch(/^status (WARNING|STALLED|STOPPED|ERROR), rising$/);
  await screenshot(page, 'live-demo-consumer-groups');
});

test('the webhooks page shows the demo endpoints with a health, not "unknown"', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page);
  await expect
    .poll(
      async () => {
        await page.goto('/webhooks');
        const row = page
          .getByRole('row')
          .filter({ hasText: 'erp-order-export' });
        await expect(row).toHaveCount(1);
        return ((await row.textContent()) ?? '').match(
          /healthy|degraded|failing|unknown/,
        )?.[0];
      },
      { timeout: 180_000, intervals: [10_000] },
    )
    .toMatch(/healthy|degraded|failing/);
  await expect(
    page.getByRole('row').filter({ hasText: 'fulfillment-status-sandbox' }),
  ).toContainText('healthy');
  await screenshot(page, 'live-demo-webhooks');
});

test('the demo traffic notifies the owning team: a failing webhook endpoint shows on the notifications page', async ({
  page,
}) => {
  test.setTimeout(300_000);
  // The guest is a member of team-platform, which owns erp-order-export
  // (scripts/demo/webhooks.yaml); its endpoint fails nine requests in ten.
  await signIn(page);
  await expect
    .poll(
      async () => {
        await page.goto('/notifications');
        await page.waitForLoadState('networkidle');
        return page
          .getByText('Webhook erp-order-export endpoint is failing')
          .count();
      },
      { timeout: 240_000, intervals: [15_000] },
    )
    .toBe(1);
  await screenshot(page, 'live-demo-notifications');
});
