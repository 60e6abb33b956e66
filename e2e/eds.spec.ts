import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { lastEmailedLink, signIn, signOut } from './support/demo.ts';

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const password = 'a long and memorable phrase';

async function heading(page: Page, text: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
  await expectAccessible(page);
}

async function acceptInvitationAndSignIn(page: Page, email: string) {
  await page.goto(lastEmailedLink(email));
  await heading(page, 'Accept your invitation');
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Type the new password again', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Save password' }).click();
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expectAccessible(page);
}

async function grade(page: Page, email: string, choice: string, reason: string) {
  await acceptInvitationAndSignIn(page, email);
  await page.getByRole('link', { name: 'Grade EDS outcomes' }).first().click();
  await heading(page, 'Grade EDS outcomes');
  await page.getByRole('link', { name: 'EDS 2022 review 2030/31' }).click();
  await heading(page, 'Your outcomes to grade');
  await expect(page.getByRole('link', { name: /^1B / })).toHaveCount(0);
  await page.getByRole('link', { name: /^1A / }).click();
  await heading(page, 'Outcome 1A');
  await expect(page.getByText('Disability access audit')).toBeVisible();
  await page.getByRole('button', { name: 'Save my grade' }).click();
  await expect(page.getByRole('alert')).toContainText('Select a grade from 0 to 3');
  await expectAccessible(page);
  await page.getByLabel(choice).check();
  await page.getByLabel('Why this grade?').fill(reason);
  await page.getByRole('button', { name: 'Save my grade' }).click();
  await expect(page.getByText('Your grade for outcome 1A is saved')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);
}

test.setTimeout(300_000);

test('the EDS lead runs a review in which the local interest’s grade prevails, and publishes it', async ({
  page,
}) => {
  await signIn(page, 'staff');
  await page.getByRole('link', { name: 'EDS', exact: true }).first().click();
  await heading(page, 'Equality Delivery System');

  await page.getByRole('button', { name: 'Open a review' }).click();
  await heading(page, 'Open an EDS review');
  await page.getByRole('button', { name: 'Open the review' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the year in the form 2025/26');
  await expectAccessible(page);
  await page.getByLabel('Year').fill('2030/31');
  await page.getByLabel('Name of the integrated care system').fill('Riverside and Vale ICS');
  await page.getByLabel('Board sponsor').fill('Chief Nurse');
  await page.getByLabel('Services reviewed under domain 1').fill('Maternity\nDiabetes\nMental health crisis');
  await page.getByRole('button', { name: 'Open the review' }).click();
  await heading(page, 'EDS review 2030/31');

  await page.getByRole('link', { name: '1A', exact: true }).click();
  await heading(page, 'Outcome 1A');
  await page.getByRole('link', { name: 'Add evidence' }).click();
  await heading(page, 'Add evidence');
  await page.getByLabel('Title').fill('Disability access audit');
  await page.getByLabel('Summary').fill('Step-free access checked at every clinic.');
  await page
    .locator('input[type=file][name=file]')
    .setInputFiles({ name: 'access-audit.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: 'Add evidence' }).click();
  await heading(page, 'Outcome 1A');
  await expect(page.getByRole('link', { name: 'Download access-audit.pdf' })).toBeVisible();

  await page.getByRole('link', { name: 'Back to the review' }).click();
  await page.getByRole('link', { name: 'Stages, deadlines and outcome owners' }).click();
  await heading(page, 'Stages, deadlines and owners');
  await page.getByLabel('Owner of outcome 1A').fill('Head of Patient Experience');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Stages, deadlines and owners saved.')).toBeVisible();
  await page.getByRole('link', { name: /^Graders/ }).click();
  await heading(page, 'Graders');
  for (const [name, email, who] of [
    ['Cleo Community', 'cleo@example.org', 'Patient, carer or community member'],
    ['Stan Staffer', 'stan@example.org', 'Trust staff'],
  ]) {
    await page.getByLabel('Full name').fill(name!);
    await page.getByLabel('Email address').fill(email!);
    await page.getByLabel(who!, { exact: true }).check();
    await page.getByRole('checkbox', { name: /^1A / }).check();
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await expect(page.getByText('Invitation sent.')).toBeVisible();
  }
  await expect(page.getByRole('cell', { name: /Cleo Community/ })).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await grade(
    page,
    'cleo@example.org',
    '1 – Developing activity',
    'Hearing loops are missing in two clinics.',
  );
  await grade(page, 'stan@example.org', '3 – Excelling activity', 'The audit found every site compliant.');

  await signIn(page, 'staff');
  await page.goto('/eds');
  await page.getByRole('link', { name: '2030/31' }).click();
  await expect(page.getByText('Score 1 out of 33: Undeveloped')).toBeVisible();
  await page.getByRole('link', { name: '1A', exact: true }).click();
  await expect(
    page.getByRole('definition').filter({ hasText: 'the local interests’ grade prevails' }),
  ).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '1 – Developing activity' })).toHaveCount(2);
  await expect(page.getByRole('definition').filter({ hasText: '3 – Excelling activity' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Back to the review' }).click();
  await page.getByRole('link', { name: 'Sign-off and third-party involvement' }).click();
  await heading(page, 'Sign-off and third-party involvement');
  await page.getByLabel('Date the board sponsor authorised the report').fill('2031-02-10');
  await page.getByLabel('Trade union representatives').fill('Dev Mistry');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('link', { name: 'Preview the report' }).click();
  await heading(page, 'EDS 2022 report 2030/31');
  await page.getByRole('link', { name: 'Back to the review' }).click();
  await page.getByRole('button', { name: 'Close the review' }).click();
  await expect(page.getByText('Review closed.')).toBeVisible();
  await page.getByRole('button', { name: 'Publish the report' }).click();
  await expect(page.getByText('Report published.')).toBeVisible();
  await expectAccessible(page);
  await signOut(page);

  await page.goto('/eds/reports');
  await heading(page, 'Equality Delivery System reports');
  await page.getByRole('link', { name: 'EDS 2022 report 2030/31' }).click();
  await heading(page, 'EDS 2022 report 2030/31');
  await expect(page.getByText('Score 1 out of 33: Undeveloped')).toBeVisible();
  await expect(page.getByRole('cell', { name: /1: Developing activity/ })).toBeVisible();
  await expect(page.getByRole('cell', { name: /Disability access audit/ })).toBeVisible();
});

test('the demo shows last year’s published report and workforce figures', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Equality Delivery System reports' }).click();
  await heading(page, 'Equality Delivery System reports');
  const year = new Date().getUTCFullYear();
  const lastYear = `${year - 1}/${String(year % 100).padStart(2, '0')}`;
  await page.getByRole('link', { name: `EDS 2022 report ${lastYear}` }).click();
  await expect(page.getByText(/Score 12 out of 33: Developing/)).toBeVisible();
  await expectAccessible(page);

  await signIn(page, 'staff');
  await page.goto('/eds/workforce');
  await heading(page, 'Workforce equality (WRES and WDES)');
  await page
    .getByRole('link', { name: /Figures for the year/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Workforce equality \d{4}/);
  await expectAccessible(page);
  await page.goto('/eds/objectives');
  await heading(page, 'Equality objectives');
});

test.describe('on a small phone', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('EDS pages fit the screen', async ({ page }) => {
    await signIn(page, 'member', { scan: false });
    await page.goto('/eds/grading');
    await page
      .getByRole('link', { name: /EDS 2022 review/ })
      .first()
      .click();
    await page.getByRole('link', { name: /^1A / }).click();
    for (const url of [page.url(), '/eds/reports']) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
      expect(overflow, `${url} scrolls sideways`).toBe(false);
      await expectAccessible(page);
    }
  });
});
