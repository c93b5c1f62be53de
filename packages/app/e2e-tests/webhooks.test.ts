import { test, expect } from '@playwright/test';
import { screenshot, signIn } from './helpers';

// The sandbox webhook (examples/integrations/webhooks.yaml) is sent to this
// portal's own receiver, so both sides of a signed delivery show up.
test('"Send test event" signs, sends, and shows both sides in the delivery log', async ({
  page,
}) => {
  await signIn(page);
  await page.goto(
    '/catalog/default/webhook/fulfillment-status-sandbox/deliveries',
  );
  await page.getByRole('button', { name: 'Send test event' }).click();

  const preview = page.getByLabel('signature preview');
  await expect(preview).toContainText('Sent order.status-changed');
  await expect(preview).toContainText('webhook-signature: v1,');
  await expect(preview).toContainText(
    'secret fulfillment-sandbox (whsec_…b3g=)',
  );
  const eventId = (await preview.textContent())!.match(
    /\((msg_[0-9a-f]+)\)/,
  )![1];

  const rows = page.getByRole('row').filter({ hasText: eventId });
  await expect(rows.filter({ hasText: 'outbound' })).toContainText('delivered');
  await expect(rows.filter({ hasText: 'inbound' })).toContainText('received');
  await expect(page.getByLabel('endpoint health')).toContainText('successful');
  // The secret never reaches the browser.
  await expect(
    page.getByText('ZGVtby1vbmx5LWZ1bGZpbGxtZW50LXNhbmRib3g'),
  ).toHaveCount(0);
  await screenshot(page, 'webhook-deliveries');
});

test("only a webhook's owners may send test events", async ({ page }) => {
  await signIn(page);
  // Owned by team-fulfillment; the demo guest is in team-platform.
  await page.goto(
    '/catalog/default/webhook/marketplace-order-status/deliveries',
  );
  await page.getByRole('button', { name: 'Send test event' }).click();
  await expect(
    page.getByText(
      /interchange.webhook.send is not allowed on webhook:default\/marketplace-order-status/,
    ),
  ).toBeVisible();
});

test('the webhooks page shows endpoint health', async ({ page }) => {
  await signIn(page);
  await page.goto('/webhooks');
  const row = page
    .getByRole('row')
    .filter({ hasText: 'fulfillment-status-sandbox' });
  await expect(row).toContainText('healthy');
  await screenshot(page, 'webhooks-page');
});
