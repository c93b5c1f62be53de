import { test, expect, Page } from '@playwright/test';
import { signIn } from './helpers';

/** The map's nodes, by entity ref. */
const node = (page: Page, ref: string) =>
  page.locator(`[data-testid="map-node"][data-ref="${ref}"]`);
const map = (page: Page) => page.getByTestId('integration-map');

async function mapReady(page: Page) {
  await expect(map(page)).toHaveAttribute('data-status', 'ready', {
    timeout: 60_000,
  });
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` });
}

test('the map shows the demo company by system, marks findings, and focuses on a neighbourhood', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signIn(page);
  await page.getByRole('link', { name: 'Integration map' }).first().click();
  await expect(page).toHaveURL(/\/interchange\/map/);

  // The backend's checks run on a schedule (first run 30 s after start):
  // reload until their findings are on the map.
  const unsigned = node(page, 'webhook:default/marketplace-stock-feed');
  await expect(async () => {
    await page.reload();
    await mapReady(page);
    await expect(unsigned).toHaveAttribute('data-marked', 'true', {
      timeout: 2_000,
    });
  }).toPass({ timeout: 180_000, intervals: [5_000] });

  // Every system of the demo is a box holding its components.
  for (const system of ['storefront', 'fulfillment', 'customer-identity']) {
    await expect(
      page.locator(
        `[data-testid="map-system"][data-ref="system:default/${system}"]`,
      ),
    ).toBeVisible();
  }
  const cart = node(page, 'component:default/cart-service');
  await expect(cart).toBeVisible();
  // Edges drawn, not only counted: React Flow draws an edge only when it
  // finds both ends' anchors.
  expect(await page.locator('.react-flow__edge path').count()).toBeGreaterThan(
    10,
  );
  const storefront = page.locator(
    '.react-flow__node[data-id="system:default/storefront"]',
  );
  const box = (await storefront.boundingBox())!;
  const cartBox = (await cart.boundingBox())!;
  expect(cartBox.x).toBeGreaterThanOrEqual(box.x);
  expect(cartBox.x + cartBox.width).toBeLessThanOrEqual(box.x + box.width + 1);
  await shot(page, 'map');

  // A marked finding opens its details.
  await unsigned.click();
  const details = page.getByTestId('map-details');
  await expect(details.getByText('hygiene/unsigned-webhook')).toBeVisible();
  await expect(details.getByText(/Fix:/).first()).toBeVisible();

  // Focus on a component: only its neighbourhood stays.
  const before = Number(await map(page).getAttribute('data-nodes'));
  await node(page, 'component:default/order-service').click();
  await page
    .getByRole('button', { name: 'Focus: what breaks if I change this' })
    .click();
  await expect(page).toHaveURL(/focus=component%3Adefault%2Forder-service/);
  await expect(
    page.getByText('From the impact API.', { exact: false }),
  ).toBeVisible();
  await mapReady(page);
  const refs = await page
    .getByTestId('map-node')
    .evaluateAll(els => els.map(e => e.getAttribute('data-ref')));
  expect(refs).toContain('component:default/order-service');
  expect(refs).not.toContain('component:default/auth-service');
  expect(Number(await map(page).getAttribute('data-nodes'))).toBeLessThan(
    before,
  );
  await expect(page.getByTestId('impact-downstream')).toBeVisible();
  await shot(page, 'map-focus');
});
