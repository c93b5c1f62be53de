import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { screenshot, signIn } from './helpers';

/*
 * Against the local RabbitMQ node (scripts/rabbitmq/start.sh) that the test
 * command starts and seeds (scripts/rabbitmq/seed-demo.cjs).
 */
const ctl = path.resolve(__dirname, '../../../scripts/rabbitmq/ctl.sh');

function queuesOnBroker(): string[] {
  return execFileSync(
    ctl,
    ['list_queues', '-q', '--no-table-headers', 'name'],
    { encoding: 'utf8' },
  )
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean);
}

test('a RabbitMQQueue shows its live state, bindings and drift from the local broker', async ({
  page,
}) => {
  await signIn(page);
  await page.goto('/catalog/default/rabbitmqqueue/notifications.sms/rabbitmq');
  const bindings = page.getByRole('table', { name: 'bindings' });
  await expect(
    bindings.getByRole('row').filter({ hasText: 'notify.sms.#' }),
  ).toContainText('notifications');
  // The seed declares the queue with a 30 s TTL; the entity says 60 s.
  await expect(page.getByLabel('drift')).toContainText(
    'arguments.x-message-ttl: declared 60000, actual 30000',
  );
  await expect(page.getByText(/\d+ ready/)).toBeVisible();
  await expect(page.getByText(/utilisation/)).toBeVisible();
  await expect(
    page.getByLabel(/^status (OK|WARNING|STOPPED|ERROR)$/),
  ).toBeVisible();
  await screenshot(page, 'rabbitmq-queue-live-state');
});

test('"New RabbitMQ queue" declares the queue on the local broker', async ({
  page,
}) => {
  const queue = `qa.created-${Date.now().toString(36)}`;
  expect(queuesOnBroker()).not.toContain(queue);

  await signIn(page);
  await page.goto('/create/templates/default/new-rabbitmq-queue');
  await page.getByLabel('Queue name', { exact: false }).first().fill(queue);
  await page.getByLabel('What is in the queue').fill('Created by the e2e test');
  const owner = page.getByLabel('Owner', { exact: false }).first();
  await owner.click();
  await owner.fill('Platform');
  await page
    .getByRole('option', { name: /Platform team/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(
    page.getByLabel('Exchange to bind to', { exact: false }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText(/is in vhost/)).toBeVisible({ timeout: 60_000 });
  await screenshot(page, 'scaffolder-new-rabbitmq-queue-done');
  expect(queuesOnBroker()).toContain(queue);
  execFileSync(ctl, ['delete_queue', queue], { stdio: 'ignore' });
});
