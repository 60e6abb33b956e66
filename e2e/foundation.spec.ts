import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { demoCredentials, lastEmailedLink, signIn, signOut } from './support/demo.ts';

test('a public visitor reads about the partnership on every public page', async ({ page }) => {
  for (const [url, heading] of [
    ['/', 'Working together for health equality'],
    ['/accessibility', 'Accessibility statement'],
    ['/privacy', 'Privacy notice'],
    ['/contact', 'Contact us'],
  ] as const) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(
      page.getByText('This is demonstration data; all people and figures are synthetic'),
    ).toBeVisible();
    await expectAccessible(page);
  }
  const missing = await page.goto('/no-such-page');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectAccessible(page);
});

test('the demo admin signs in, invites a member, sees it in the audit log and signs out', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await expect(page).toHaveURL(/\/dashboard$/);
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Accounts' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accounts');
  await expectAccessible(page);

  await page.getByRole('button', { name: 'Invite someone' }).click();
  await page.getByLabel('Full name').fill('Jordan Example');
  await page.getByLabel('Email address').fill('jordan@');
  await page.getByLabel('Partnership member').check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter an email address in the correct format');
  await expect(page.getByLabel('Full name')).toHaveValue('Jordan Example');
  await expectAccessible(page);

  await page.getByLabel('Email address').fill('jordan@example.org');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Invitation sent.')).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Jordan Example' }).click();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await page.getByRole('link', { name: 'audit log' }).click();
  await expect(page.getByRole('cell', { name: /Invited Jordan Example/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: /Signed in/ }).first()).toBeVisible();
  await expectAccessible(page);

  await signOut(page);
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/admin/audit');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

test('an invited person sets a password from the e-mailed link and signs in', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/users/invite');
  await page.getByLabel('Full name').fill('Ola Invitee');
  await page.getByLabel('Email address').fill('ola@example.org');
  await page.getByLabel('Partnership member').check();
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await signOut(page);

  await page.goto(lastEmailedLink('ola@example.org'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accept your invitation');
  await expectAccessible(page);
  await page.getByLabel('New password', { exact: true }).fill('a long and memorable phrase');
  await page.getByLabel('Type the new password again', { exact: true }).fill('a long and memorable phrase');
  await page.getByRole('button', { name: 'Save password' }).click();
  await expect(page.getByText('Your password has been saved')).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Email address').fill('ola@example.org');
  await page.getByLabel('Password', { exact: true }).fill('a long and memorable phrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your partnership');
  await page.getByRole('link', { name: 'Your account' }).first().click();
  await expect(page.getByText('Partnership member')).toBeVisible();
  await expectAccessible(page);
});

test('someone who forgot their password asks for a link', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('link', { name: 'I have forgotten my password' }).click();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter an email address');
  await expectAccessible(page);
  await page.getByLabel('Email address').fill(demoCredentials('staff').email);
  await page.getByRole('button', { name: 'Send the link' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your email');
  await expectAccessible(page);
});

test.describe('on a small phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('pages fit the screen and pass the accessibility scan', async ({ page }) => {
    await signIn(page, 'staff');
    for (const url of ['/', '/dashboard', '/account']) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow, `${url} scrolls sideways`).toBe(false);
      await expectAccessible(page);
    }
  });

  test('lists with filters of long options, e-mail addresses and field names fit the screen', async ({
    page,
  }) => {
    await signIn(page, 'admin', { scan: false });
    for (const url of [
      '/insights',
      '/you-said-we-did',
      '/directory',
      '/admin/users',
      '/analytics/catalogue',
    ]) {
      await page.goto(url);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${url} scrolls sideways`).toBeLessThanOrEqual(320);
    }
  });
});

test('pages load without an error in the browser console (nothing the content security policy blocks)', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
  await signIn(page, 'staff', { scan: false });
  for (const url of ['/', '/dashboard', '/insights', '/eds', '/analytics/datasets', '/analytics'])
    await page.goto(url);
  await page.getByRole('link', { name: 'Median wait on the waiting list' }).first().click();
  expect(errors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  // axe needs JavaScript in the page, so the same pages are scanned in the journeys above.
  test('a member signs in and out', async ({ page }) => {
    await signIn(page, 'member', { scan: false });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your partnership');
    await signOut(page);
    await expect(page.getByRole('link', { name: 'Sign in' }).first()).toBeVisible();
  });
});
