import { test, expect, Page, APIRequestContext } from '@playwright/test';
import { signIn } from './helpers';

/** The kinds whose owners the strategy counts as teams. */
const OWNED_KINDS = [
  'Component',
  'System',
  'API',
  'Resource',
  'KafkaTopic',
  'RabbitMQExchange',
  'RabbitMQQueue',
  'Webhook',
  'GatewayRoute',
];
const STYLE_OF_KIND: Record<string, string> = {
  KafkaTopic: 'Event',
  // The second message bus: exchanges and queues are event integrations too.
  RabbitMQExchange: 'Event',
  RabbitMQQueue: 'Event',
  Webhook: 'Webhook',
  GatewayRoute: 'HTTP',
};

async function getJson(
  request: APIRequestContext,
  path: string,
  authorization: string,
) {
  const res = await request.get(path, { headers: { authorization } });
  expect(res.status(), `${path}: ${await res.text()}`).toBe(200);
  return res.json();
}

async function entitiesOfKind(
  request: APIRequestContext,
  kind: string,
  authorization: string,
): Promise<any[]> {
  const body = await getJson(
    request,
    `/api/catalog/entities/by-query?filter=kind=${kind}&limit=10000`,
    authorization,
  );
  return body.items;
}

/** The text of a cell of the rendered table row whose first cell is `first`. */
async function cellOf(page: Page, first: string, column: number) {
  const row = page
    .locator('tr')
    .filter({ has: page.locator('td:first-child', { hasText: first }) })
    .first();
  return (await row.locator('td').nth(column).innerText()).trim();
}

test("the strategy page's counts equal the catalog's and the checks API's", async ({
  page,
}) => {
  test.setTimeout(300_000);
  // The token the app sends with its API calls, reused for the checks below.
  let authorization = '';
  page.on('request', r => {
    const header = r.headers().authorization;
    if (header && r.url().includes('/api/')) authorization = header;
  });
  await signIn(page);
  await expect.poll(() => authorization).toMatch(/^Bearer /);

  // The checks run on a schedule (first run soon after start); wait for a
  // stored run, so the page counts the same findings as GET /checks.
  await expect(async () => {
    const checks = await getJson(
      page.request,
      '/api/interchange/checks',
      authorization,
    );
    expect(checks.computedAt).toBeTruthy();
  }).toPass({ timeout: 180_000, intervals: [5_000] });

  await page
    .getByRole('link', { name: 'Integration strategy' })
    .first()
    .click();
  await expect(page).toHaveURL(/\/interchange\/strategy/);
  await expect(page.getByRole('heading', { name: 'Scope' })).toBeVisible();

  // Sections in their documented order.
  const headings = await page
    .locator('h2')
    .filter({ hasNotText: /^$/ })
    .allInnerTexts();
  const sections = [
    'Principles',
    'Scope',
    'Integration styles per system',
    'Platforms and tools',
    'Standards in force',
    'Conformance per team',
    'Exceptions',
    'Hotspots',
    'What changed',
  ];
  expect(headings.filter(h => sections.includes(h))).toEqual(sections);
  await expect(
    page.getByRole('heading', { name: 'Events first between systems' }),
  ).toBeVisible();

  // Systems and teams, from the catalog.
  const systems = await entitiesOfKind(page.request, 'System', authorization);
  const owners = new Set<string>();
  const byStyle: Record<string, number> = { Event: 0, Webhook: 0, HTTP: 0 };
  for (const kind of OWNED_KINDS) {
    const items = await entitiesOfKind(page.request, kind, authorization);
    for (const e of items) {
      const owner = (e.relations ?? []).find((r: any) => r.type === 'ownedBy');
      if (owner) owners.add(owner.targetRef);
    }
    if (STYLE_OF_KIND[kind]) byStyle[STYLE_OF_KIND[kind]] += items.length;
  }
  await expect(
    page.getByText(
      new RegExp(`^${systems.length} systems, ${owners.size} teams `),
    ),
  ).toBeVisible();

  // Integration entities by style, from the catalog.
  for (const [style, count] of Object.entries(byStyle)) {
    expect(await cellOf(page, style, 1), style).toBe(String(count));
  }

  // Findings by rule, from the checks API.
  const checks = await getJson(
    page.request,
    '/api/interchange/checks',
    authorization,
  );
  const byRule = new Map<string, number>();
  for (const f of checks.items) {
    byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  }
  expect(byRule.size).toBeGreaterThan(3);
  for (const [rule, count] of byRule) {
    expect(await cellOf(page, rule, 2), rule).toBe(String(count));
  }
  await expect(
    page.getByText(new RegExp(`^${checks.items.length} open findings?:`)),
  ).toBeVisible();

  // The download button offers the same Markdown as a file.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Download \.md/ }).click();
  expect((await download).suggestedFilename()).toBe('integration-strategy.md');

  await page.screenshot({
    path: 'test-results/screenshots/strategy.png',
    fullPage: true,
  });
});
