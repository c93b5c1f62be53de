import { test, expect, Page } from '@playwright/test';
import { signIn } from './helpers';

/*
 * The integration checks on the demo company (examples/, docs/checks.md):
 * the backend's scheduled task finds the deliberate anti-patterns, the
 * findings page lists them, an entity's card shows its own, and exceptions
 * hide a finding only while they have not expired.
 */

async function shot(page: Page, name: string) {
  await page.screenshot({
    path: `test-results/screenshots/${name}.png`,
    fullPage: true,
  });
}

/** The findings page's table rows (those with a finding's message). */
const rows = (page: Page) =>
  page.getByRole('row').filter({ has: page.locator('code') });

const rowFor = (page: Page, rule: string, entity: string) =>
  rows(page)
    .filter({ has: page.locator('code', { hasText: rule }) })
    .filter({ hasText: entity });

/**
 * The "Integration checks" card of the entity page open in `page`: the
 * innermost element holding its title and its footer (no class names: the
 * production build shortens them).
 */
const card = (page: Page) =>
  page
    .locator('div')
    .filter({ has: page.getByText('Integration checks', { exact: true }) })
    .filter({ hasText: /Checked .* UTC|have not run yet/ })
    .last();

/** A finding of the card, by its rule id. */
const finding = (page: Page, rule: string) =>
  card(page).locator('code', { hasText: rule });

test('the findings page lists every demo anti-pattern by rule id; exceptions hide a finding until they expire', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page);
  await page.goto('/interchange');
  await page.getByRole('link', { name: 'Integration checks' }).first().click();
  await expect(page).toHaveURL(/\/interchange\/checks$/);
  await expect(
    page.getByRole('heading', { name: 'Integration checks' }).first(),
  ).toBeVisible();

  // The checks run on a schedule (first run 30 s after start): reload until
  // the first run's findings are there.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(/^Checked .* UTC/)).toBeVisible({
      timeout: 5_000,
    });
    await expect(
      rowFor(page, 'coupling/sync-cycle', 'fulfillment'),
    ).toBeVisible({ timeout: 5_000 });
  }).toPass({ timeout: 180_000, intervals: [5_000] });

  // Every deliberate anti-pattern of the demo (docs/checks.md), by rule id.
  const expected: Array<[string, string]> = [
    ['coupling/sync-cycle', 'storefront'],
    ['coupling/shared-topic-writers', 'payments.refund-requests.v1'],
    ['coupling/chatty-systems', 'fulfillment'],
    ['overengineering/self-topic', 'storefront.price-recalculations.v1'],
    ['hygiene/unsigned-webhook', 'marketplace-stock-feed'],
    ['hygiene/public-route-without-auth', 'payment-provider-callbacks'],
    ['hygiene/orphan-topic', 'orders.order-events.v1.dlq'],
    ['hygiene/writerless-topic', 'legacy.erp-sync'],
  ];
  // The findings of each rule, through the page's Rule filter and the
  // table's search (the shared test broker's topics add many findings, more
  // than one page of the table shows).
  const rule = page.getByLabel('Rule');
  const search = page.getByPlaceholder('Filter');
  for (const [id, entity] of expected) {
    await rule.selectOption(id);
    await search.fill(entity);
    await expect(rowFor(page, id, entity).first()).toBeVisible();
  }
  await search.fill('');
  // Excused with a reason: not listed. The expired exception of
  // payment-provider-callbacks (above) no longer hides its finding.
  await rule.selectOption('hygiene/public-route-without-auth');
  await expect(
    rowFor(
      page,
      'hygiene/public-route-without-auth',
      'payment-provider-callbacks',
    ),
  ).toBeVisible();
  await expect(
    rows(page).filter({ hasText: 'public-oauth-token' }),
  ).toHaveCount(0);
  await rule.selectOption('hygiene/unsigned-webhook');
  await expect(
    rowFor(page, 'hygiene/unsigned-webhook', 'marketplace-stock-feed'),
  ).toBeVisible();
  await expect(
    rows(page).filter({ hasText: 'inventory-low-stock-chat' }),
  ).toHaveCount(0);
  await rule.selectOption('');
  await expect(page.getByText(/\d+ excused by exceptions/)).toBeVisible();
  await shot(page, 'checks-page');

  // Filter by severity: errors only.
  await page.getByLabel('Severity').selectOption('error');
  await expect(
    rowFor(page, 'coupling/sync-cycle', 'fulfillment'),
  ).toBeVisible();
  await expect(
    rows(page).filter({ hasText: 'hygiene/orphan-topic' }),
  ).toHaveCount(0);
});

test("an entity's Integration checks card shows its findings; an exception hides one until it expires", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page);

  // cart-service writes and reads its own topic.
  await page.goto('/catalog/default/component/cart-service');
  await expect(async () => {
    await page.reload();
    await expect(finding(page, 'overengineering/self-topic')).toBeVisible({
      timeout: 10_000,
    });
  }).toPass({ timeout: 180_000, intervals: [5_000] });
  await expect(card(page)).toContainText('storefront.price-recalculations.v1');
  await expect(card(page)).toContainText('Fix:');
  await card(page).scrollIntoViewIfNeeded();
  await card(page).screenshot({
    path: 'test-results/screenshots/checks-card.png',
  });

  // The expired exception: the finding is back, and the card says why.
  await page.goto('/catalog/default/gatewayroute/payment-provider-callbacks');
  await expect(
    finding(page, 'hygiene/public-route-without-auth'),
  ).toBeVisible();
  await expect(card(page)).toContainText(
    'An exception for this rule expired on 2025-06-30',
  );

  // The exception with a reason and no expiry hides it.
  await page.goto('/catalog/default/gatewayroute/public-oauth-token');
  await expect(card(page)).toBeVisible();
  await expect(card(page)).toContainText(/Checked/);
  await expect(finding(page, 'hygiene/public-route-without-auth')).toHaveCount(
    0,
  );
});
