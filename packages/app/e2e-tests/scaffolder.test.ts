import { test, expect } from '@playwright/test';
import { Kafka, logLevel } from 'kafkajs';
import { screenshot, signIn } from './helpers';

const brokers = (
  process.env.INTERCHANGE_TEST_KAFKA_BROKERS ?? '127.0.0.1:19092'
).split(',');

async function topicExists(topic: string): Promise<boolean> {
  const admin = new Kafka({
    clientId: 'interchange-e2e',
    brokers,
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  try {
    return (await admin.listTopics()).includes(topic);
  } finally {
    await admin.disconnect();
  }
}

test('"New Kafka topic" creates the topic on the local broker', async ({
  page,
}) => {
  const topic = `qa.created-${Date.now().toString(36)}.v1`;
  expect(await topicExists(topic)).toBe(false);

  await signIn(page);
  await page.goto('/create');
  await expect(page.getByText('New Kafka topic')).toBeVisible();
  await page.goto('/create/templates/default/new-kafka-topic');

  // The name field checks the cluster's naming rule as the user types...
  const name = page.getByLabel('Topic name', { exact: false }).first();
  await name.fill('Orders_Placed');
  await expect(
    page.getByText(/does not follow this cluster's naming rule/),
  ).toBeVisible();
  // ...and whether the topic exists.
  await name.fill('orders.order-events.v1');
  await expect(
    page.getByText(
      /A topic named orders.order-events.v1 already exists on local/,
    ),
  ).toBeVisible();
  await name.fill(topic);
  await expect(page.getByText('Available on local')).toBeVisible();

  await page.getByLabel('What is on the topic').fill('Created by the e2e test');
  const owner = page.getByLabel('Owner', { exact: false }).first();
  await owner.click();
  // Options show the group's title (group:team-platform is "Platform team").
  await owner.fill('Platform');
  await page
    .getByRole('option', { name: /Platform team/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByLabel('Partitions', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await screenshot(page, 'scaffolder-new-kafka-topic-review');
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByText(`Topic ${topic} is on cluster`)).toBeVisible({
    timeout: 60_000,
  });
  await screenshot(page, 'scaffolder-new-kafka-topic-done');
  expect(await topicExists(topic)).toBe(true);
});
