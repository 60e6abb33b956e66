import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { lastEmailedLink, signIn, signOut } from './support/demo.ts';

const contactEmail = 'leila@kindred-e2e.example.org';
const password = 'a long and memorable phrase';

async function heading(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
  await expectAccessible(page);
}

test('a group joins, raises an issue, staff agree an action, the owner completes it and the public sees it', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Apply to join the partnership' }).click();
  await heading(page, 'Join the Health Equality Partnership');
  await page.getByRole('button', { name: 'Send application' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the name of your group');
  await expectAccessible(page);
  await page.getByLabel('Name of your group or organisation').fill('Kindred Sudanese Women’s Circle');
  await page.getByLabel('Community group').check();
  await page.getByLabel('What does your group do?').fill('Weekly wellbeing sessions for Sudanese women.');
  await page.getByLabel('Refugees and people seeking asylum').check();
  await page.getByLabel('Places or wards you work in (optional)').fill('Eastgate');
  await page.getByLabel('Full name').fill('Leila Osman');
  await page.getByLabel('Their role in the group').fill('Coordinator');
  await page.getByLabel('Email address').fill(contactEmail);
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Send application' }).click();
  await heading(page, /Application received/);

  await signIn(page, 'staff');
  await page.goto('/partnership');
  await heading(page, 'Member directory');
  await page.getByRole('button', { name: /Applications to join/ }).click();
  await heading(page, 'Applications to join');
  await page.getByRole('link', { name: 'Kindred Sudanese Women’s Circle' }).click();
  await heading(page, 'Kindred Sudanese Women’s Circle');
  await page.getByRole('button', { name: 'Approve application' }).click();
  await expect(page.getByText('We have emailed an invitation')).toBeVisible();
  await heading(page, 'Kindred Sudanese Women’s Circle');
  await signOut(page);

  await page.goto(lastEmailedLink(contactEmail));
  await page.getByLabel('New password', { exact: true }).fill(password);
  await page.getByLabel('Type the new password again', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Save password' }).click();
  await page.getByLabel('Email address').fill(contactEmail);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading(page, 'Your partnership');
  await page.getByRole('link', { name: 'Issues' }).first().click();
  await heading(page, 'Intelligence and insight');
  await page.getByRole('button', { name: 'Tell us about an issue' }).click();
  await heading(page, 'Tell us about an issue');
  await page
    .getByLabel('In a few words, what is the issue?')
    .fill('Sudanese women not offered a female doctor');
  await page
    .getByLabel('What happens?')
    .fill('Women are not asked whether they would prefer a female doctor.');
  await page.getByLabel('Which service or department? (optional)').fill('Gynaecology');
  await page.getByLabel('Women, including pregnancy and maternity').check();
  await page.getByLabel('Some people (11 to 50)').check();
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByText('Thank you. We have your issue.')).toBeVisible();
  await heading(page, 'Sudanese women not offered a female doctor');
  await signOut(page);

  await signIn(page, 'staff', { scan: false });
  await page.goto('/insights?q=female+doctor');
  await heading(page, 'Intelligence and insight');
  await page.getByRole('link', { name: 'Sudanese women not offered a female doctor' }).click();
  await page.getByLabel('Under review').check();
  await page.getByLabel('Dignity and respect').check();
  await page
    .getByLabel('Public summary for “You said, we did”')
    .fill('Women were not offered the choice of a female doctor.');
  await page.getByLabel('Yes, publish the public summary').check();
  await page.getByRole('button', { name: 'Save triage' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await heading(page, 'Sudanese women not offered a female doctor');

  await page.getByRole('button', { name: 'Agree an action' }).click();
  await heading(page, 'Agree an action');
  await page.getByLabel('What will be done?').fill('Ask every woman whether she prefers a female clinician');
  await page.getByLabel('Details').fill('Add the question to the booking script and the referral form.');
  await page.getByLabel('Owner').selectOption({ label: 'Sam Staff' });
  await page.getByLabel('Role responsible, as shown to the public').fill('Gynaecology Service Manager');
  await page.getByLabel('Directorate or service').fill('Women’s and Children’s');
  await page.getByLabel('Due date').fill('2030-06-30');
  await page
    .getByLabel('Public summary for “You said, we did” (optional)')
    .fill('Every woman is now asked whether she prefers a female clinician.');
  await page.getByRole('radio', { name: 'Yes', exact: true }).check();
  await page.getByRole('button', { name: 'Agree action' }).click();
  await expect(page.getByText('Action agreed.')).toBeVisible();
  await heading(page, 'Ask every woman whether she prefers a female clinician');

  await page.goto('/actions/mine');
  await heading(page, 'My actions');
  await page.getByRole('link', { name: 'Ask every woman whether she prefers a female clinician' }).click();
  await page.getByLabel('Add a progress update').fill('Booking script updated; referral form next.');
  await page.getByRole('button', { name: 'Add update' }).click();
  await expect(page.getByText('Booking script updated; referral form next.')).toBeVisible();
  await page.getByLabel('Done').check();
  await page.getByRole('button', { name: 'Save status' }).click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await heading(page, 'Ask every woman whether she prefers a female clinician');

  await page.goto('/meetings');
  await heading(page, 'Partnership meetings');
  await page.getByRole('link', { name: /winter meeting/ }).click();
  await heading(page, /winter meeting/);
  await signOut(page);

  await page.goto('/you-said-we-did?service=Gynaecology');
  await heading(page, 'You said, we did');
  await expect(page.getByText('Women were not offered the choice of a female doctor.')).toBeVisible();
  await expect(
    page.getByText('Every woman is now asked whether she prefers a female clinician.'),
  ).toBeVisible();
  await expect(page.getByText('Responsible: Gynaecology Service Manager')).toBeVisible();
  await expect(page.getByText('Sam Staff')).toHaveCount(0);
  await page.goto('/you-said-we-did/quarterly');
  await heading(page, /You said, we did: /);
  await page.goto('/partnership/members');
  await heading(page, 'Members of the partnership');
  await expect(page.getByText('Kindred Sudanese Women’s Circle')).toBeVisible();
});

test('a member of the public raises an issue anonymously', async ({ page }) => {
  await page.goto('/insights/new');
  await heading(page, 'Tell us about an issue');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter a short title');
  await expectAccessible(page);
  await page.getByLabel('In a few words, what is the issue?').fill('Lift at the bus stop entrance broken');
  await page.getByLabel('What happens?').fill('Wheelchair users cannot get in from the bus stop.');
  await page.getByLabel('Not sure').check();
  await page.getByRole('radio', { name: 'No', exact: true }).check();
  await page.getByRole('button', { name: 'Send' }).click();
  await heading(page, 'Thank you for telling us');
});
