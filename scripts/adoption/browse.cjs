#!/usr/bin/env node
/*
 * Opens an adopted app in Debian's Chromium (the e2e tests' launch flags) as
 * a new user would: a KafkaTopic page (and its Live state tab, which must
 * show the backend's reason when no cluster is configured), the Integrations
 * page reached through the sidebar, and a GatewayRoute page. Screenshots go
 * to <out-dir>/<flavour>-*.png.
 *
 *   node scripts/adoption/browse.cjs <base-url> <flavour> <out-dir>
 */
const path = require('node:path');
const fs = require('node:fs');
const { chromium } = require('playwright-core');

const [baseUrl, flavour, outDir] = process.argv.slice(2);
const TOPIC = 'checkout.order-requested.v1';
const ROUTE = 'public-cart';

async function shot(page, name) {
  const file = path.join(outDir, `${flavour}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`adoption: ${flavour}: screenshot ${file}`);
}

/** Signs in as the guest when the app asks. */
async function signIn(page) {
  const enter = page.getByRole('button', { name: /^enter$/i });
  if (await enter.isVisible({ timeout: 5_000 }).catch(() => false)) {
    await enter.click();
  }
}

/** Waits for the catalog to have ingested the entity (it processes on start). */
async function openEntity(page, kind, name) {
  const url = `${baseUrl}/catalog/default/${kind}/${name}`;
  const deadline = Date.now() + 300_000;
  for (;;) {
    await page.goto(url);
    await signIn(page);
    const heading = page.getByRole('heading', { name, exact: false }).first();
    if (
      await heading.waitFor({ timeout: 60_000 }).then(
        () => true,
        () => false,
      )
    )
      return;
    if (Date.now() > deadline)
      throw new Error(`${url}: the entity page never showed ${name}`);
    await page.waitForTimeout(5_000);
  }
}

async function expectText(page, re, what) {
  const el = page.getByText(re).first();
  await el.waitFor({ state: 'visible', timeout: 60_000 }).catch(() => {
    throw new Error(
      `${flavour}: ${what}: no text matching ${re} on ${page.url()}`,
    );
  });
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({
    viewport: { width: 1440, height: 900 },
  });
  const errors = [];
  page.on('pageerror', e => errors.push(String(e)));
  try {
    // A KafkaTopic page: Interchange's overview card with the declared config.
    await openEntity(page, 'kafkatopic', TOPIC);
    await expectText(page, /retention\.ms/, 'KafkaTopic overview card');
    await shot(page, 'kafka-topic');

    // Its Live state tab: no cluster is configured, so the cards say so.
    // A tab in the legacy app; a link in the new frontend system's header.
    await page
      .getByRole('tab', { name: 'Live state' })
      .or(page.getByRole('link', { name: 'Live state', exact: true }))
      .first()
      .click();
    await expectText(
      page,
      /not configured/i,
      'Live state tab (the backend reason)',
    );
    await shot(page, 'kafka-topic-live-state');

    // The Integrations page, through the sidebar.
    await page.goto(`${baseUrl}/catalog`);
    await signIn(page);
    await page.getByRole('link', { name: 'Integrations' }).first().click();
    await page.waitForURL(/\/interchange$/, { timeout: 60_000 });
    await expectText(
      page,
      new RegExp(TOPIC.replace(/\./g, '\\.')),
      'Integrations page lists the topic',
    );
    await shot(page, 'integrations');

    // A GatewayRoute page.
    await openEntity(page, 'gatewayroute', ROUTE);
    await expectText(page, /\/api\/cart/, 'GatewayRoute overview card');
    await shot(page, 'gateway-route');
  } catch (e) {
    await shot(page, 'failure').catch(() => {});
    if (errors.length) console.error(`page errors:\n${errors.join('\n')}`);
    throw e;
  } finally {
    await browser.close();
  }
  console.log(
    `adoption: ${flavour}: KafkaTopic, Integrations (sidebar) and GatewayRoute pages ok`,
  );
}

main().catch(e => {
  console.error(String(e?.stack ?? e));
  process.exit(1);
});
