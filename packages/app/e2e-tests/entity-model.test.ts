import { test, expect } from '@playwright/test';
import { screenshot, signIn } from './helpers';

test('a KafkaTopic page shows its fields, producers, consumers and graph', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/kafkatopic/orders.order-events.v1');

  const overview = page
    .locator('article, div')
    .filter({ has: page.getByText('Kafka topic', { exact: true }) })
    .first();
  await expect(overview).toBeVisible();
  await expect(page.getByText('compression.type')).toBeVisible();

  const relations = page.getByRole('table').filter({ hasText: 'Produced by' });
  await expect(
    relations.getByRole('row').filter({ hasText: 'Produced by' }),
  ).toContainText('order-service');
  for (const consumer of [
    'inventory-service',
    'shipping-service',
    'notification-service',
    'analytics-ingest',
  ]) {
    await expect(
      relations
        .getByRole('row')
        .filter({ hasText: 'Consumed by' })
        .filter({ hasText: consumer }),
    ).toHaveCount(1);
  }
  await expect(
    relations.getByRole('row').filter({ hasText: 'Described by' }),
  ).toContainText('order-events');

  // The catalog graph draws the topic with its producer and consumers.
  const graph = page
    .locator('svg')
    .filter({ has: page.locator('text', { hasText: 'order-service' }) })
    .first();
  await expect(graph).toBeVisible();
  await expect(
    graph.locator('text', { hasText: 'shipping-service' }).first(),
  ).toBeVisible();
  await screenshot(page, 'kafka-topic-page');
});

test('a topic declared only by its components shows them as producer and consumer', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/kafkatopic/storefront.cart-abandoned.v1');
  const relations = page.getByRole('table').filter({ hasText: 'Produced by' });
  await expect(
    relations.getByRole('row').filter({ hasText: 'Produced by' }),
  ).toContainText('cart-service');
  await expect(
    relations.getByRole('row').filter({ hasText: 'Consumed by' }),
  ).toContainText('notification-service');
});

test('a component page lists its integrations', async ({ page }) => {
  await signIn(page);
  await page.goto('/catalog/default/component/order-service');
  const card = page.getByRole('table').filter({ hasText: 'Produces to' });
  await expect(
    card.getByRole('row').filter({ hasText: 'orders.order-events.v1' }),
  ).toContainText('Produces to');
  await expect(
    card.getByRole('row').filter({ hasText: 'public-orders' }),
  ).toContainText('Routed by');
  await expect(
    card.getByRole('row').filter({ hasText: 'marketplace-order-status' }),
  ).toContainText('Sends webhook');
  await screenshot(page, 'component-integrations');
});

test('an invalid catalog file shows a clear error on the Integrations page', async ({
  page,
}) => {
  await signIn(page);
  await page.getByRole('link', { name: 'Integrations' }).click();
  const problem = page.getByLabel(
    'problem kafkatopic:default/audit.log-archive',
  );
  await expect(problem).toBeVisible();
  await expect(problem).toContainText('invalid-examples.yaml');
  await expect(problem).toContainText(
    "spec.config.cleanup.policy: must be 'delete', 'compact' or both (got 'archive'). Fix: use 'delete', 'compact' or 'compact,delete'",
  );
  await expect(problem).toContainText(
    'spec.config.min.insync.replicas: is 2 but spec.replicationFactor is 1',
  );
  const webhook = page.getByLabel('problem webhook:default/partner-refunds');
  await expect(webhook).toContainText(
    'spec.signing.secret: looks like a literal secret',
  );
  await expect(page.getByText('pasted-signing-secret-value')).toHaveCount(0);
  // The valid integrations are listed below (searched for, as the table
  // pages at 20 rows and the demo has more).
  await page.getByPlaceholder('Filter').fill('order-events');
  await expect(
    page
      .getByRole('link', { name: 'orders.order-events.v1', exact: true })
      .first(),
  ).toBeVisible();
  await screenshot(page, 'integrations-page');
});

test('a KafkaTopic shows its live state, drift and consumer groups from the local broker', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/kafkatopic/orders.order-events.v1/kafka');
  const partitions = page.getByRole('table', { name: 'partitions' });
  await expect(partitions.getByRole('row')).toHaveCount(13); // header + 12 partitions
  await expect(page.getByLabel('drift')).toContainText(
    'config.retention.ms: declared 1209600000, actual 259200000',
  );
  const groups = page.getByRole('table', { name: 'consumer groups' });
  for (const group of [
    'inventory-reservations',
    'shipping-orders',
    'notify-orders',
    'analytics-orders',
  ]) {
    await expect(
      groups.getByRole('row').filter({ hasText: group }),
    ).toHaveCount(1);
  }
  await screenshot(page, 'kafka-topic-live-state');
});
