import { test, expect } from '@playwright/test';
import { screenshot, signIn, signInAs } from './helpers';

// The "New webhook subscription" template stores the new signing secret
// behind a one-time link (docs/webhooks.md, "One-time secret links"): only
// the user who ran the task may open it, once. The other user here is
// user:default/sofia.rossi, a teammate of the guest in team-platform (the
// e2e-user sign-in of app-config.e2e.yaml): being in the owning team is not
// enough.
test('the webhook secret link opens once, for its creator only', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(300_000);
  const name = `e2e-secret-${Date.now().toString(36)}`;

  // The guest runs the template through the scaffolder UI.
  await signIn(page);
  await page.goto('/create/templates/default/new-webhook-subscription');
  await page.getByLabel('Name', { exact: false }).first().fill(name);
  const sender = page.getByLabel('Sending component', { exact: false }).first();
  await sender.click();
  await sender.fill('order-service');
  await page
    .getByRole('option', { name: /order-service/ })
    .first()
    .click();
  await page
    .getByLabel('Endpoint URL', { exact: false })
    .first()
    .fill('https://partner.example.com/hooks/orders');
  const owner = page.getByLabel('Owner', { exact: false }).first();
  await owner.click();
  await owner.fill('Platform');
  await page
    .getByRole('option', { name: /Platform team/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();
  // Signing: the default, Standard Webhooks.
  await expect(
    page.getByLabel('Signature scheme', { exact: false }).first(),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // The task's output: a link, and the secret only masked.
  const secretLink = page.locator('a', {
    hasText: 'Open the signing secret (once, only you)',
  });
  await expect(secretLink).toBeVisible({ timeout: 90_000 });
  const masked = await page
    .getByText(/The secret `?whsec_…[A-Za-z0-9+/=]{4}`? is not part of/)
    .first()
    .textContent();
  const maskedEnd = masked!.match(/whsec_…([A-Za-z0-9+/=]{4})/)![1];
  const href = (await secretLink.getAttribute('href'))!;
  const linkPath = new URL(href, page.url()).pathname;
  expect(linkPath).toMatch(/^\/interchange\/secret-links\/[A-Za-z0-9_-]{43}$/);
  const linkId = linkPath.split('/').pop()!;

  // 1. Another user, signed in in a browser of their own: refused, and
  // the secret is never sent.
  const otherContext = await browser.newContext();
  try {
    const other = await otherContext.newPage();
    await signInAs(other, 'e2e-user');
    await other.goto('/settings');
    await expect(other.getByText('Sofia Rossi').first()).toBeVisible();
    await other.goto(linkPath);
    await expect(
      other.getByText('This secret link cannot be opened'),
    ).toBeVisible();
    await expect(
      other.getByText(
        'This secret link was created by user:default/guest; only that user can open it',
      ),
    ).toBeVisible();
    await expect(
      other.getByRole('button', { name: 'Show the secret once' }),
    ).toHaveCount(0);
    await screenshot(other, 'secret-link-refused-other-user');
  } finally {
    await otherContext.close();
  }
  // ...nor by calling the reveal API directly with that user's token.
  const otherSignIn = await request.get('/api/auth/e2e-user/refresh', {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(otherSignIn.status()).toBe(200);
  const otherIdentity = (await otherSignIn.json()).backstageIdentity;
  expect(otherIdentity.identity.userEntityRef).toBe('user:default/sofia.rossi');
  const otherReveal = await request.post(
    `/api/interchange/secret-links/${linkId}/reveal`,
    { headers: { authorization: `Bearer ${otherIdentity.token}` } },
  );
  expect(otherReveal.status()).toBe(403);
  expect(await otherReveal.text()).not.toContain('whsec_');

  // 2. The creator: the link still works, once.
  await page.goto(linkPath);
  await expect(
    page.getByText('This link opens once, for you only'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Show the secret once' }).click();
  const value = page.getByLabel('secret value');
  await expect(value).toHaveText(/^whsec_[A-Za-z0-9+/=]+$/);
  const secret = (await value.textContent())!;
  // The secret the task reported (masked) is the one the link holds.
  expect(secret.endsWith(maskedEnd)).toBe(true);
  await expect(
    page.getByText('This secret will not be shown again'),
  ).toBeVisible();
  const copy = page.getByRole('button', { name: 'Copy the secret' });
  await expect(copy).toBeVisible();
  // The copy button puts exactly the secret on the clipboard (the
  // "Copied" tooltip lasts a second, too short to wait for on a busy machine).
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await copy.click();
  await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toBe(secret);
  await screenshot(page, 'secret-link-revealed');

  // 3. The creator again (a reload, as from the task page): used up.
  await page.reload();
  await expect(
    page.getByText('This secret link cannot be opened'),
  ).toBeVisible();
  await expect(
    page.getByText(/it was opened already \(a link opens once\)/),
  ).toBeVisible();
  await expect(page.getByLabel('secret value')).toHaveCount(0);
  await expect(page.getByText(secret)).toHaveCount(0);
  await screenshot(page, 'secret-link-refused-used-up');
});
