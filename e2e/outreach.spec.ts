import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { signIn, signOut } from './support/demo.ts';

async function heading(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
  await expectAccessible(page);
}

test('the public read places, the directory and the guides on engaging each group', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Places and their plans' }).click();
  await heading(page, 'Places and their plans');
  await page.getByRole('link', { name: 'Riverside City' }).click();
  await heading(page, 'Riverside City');
  await expect(page.getByRole('table', { name: /Actions in the plan/ })).toContainText(
    'Monthly blood pressure checks',
  );
  await expect(page.getByRole('table', { name: /Actions in the plan/ })).not.toContainText('damp housing');
  await expect(page.getByRole('table', { name: /Groups reached/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /Published indicators for Riverside City/ })).toBeVisible();
  await page.setViewportSize({ width: 320, height: 640 });
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.goto('/engaging');
  await heading(page, 'How to engage each group');
  await page.getByRole('link', { name: 'Gypsy, Roma and Traveller communities' }).click();
  await heading(page, 'Gypsy, Roma and Traveller communities');
  await page.getByRole('link', { name: 'See them in the directory' }).click();
  await heading(page, 'Directory of organisations');
  await expect(page.getByRole('heading', { name: 'Traveller Support Hub' })).toBeVisible();
  await page.getByLabel('Search').fill('carers');
  await page.getByLabel('Group served').selectOption('');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page.getByText('2 organisations found.')).toBeVisible();
  await expectAccessible(page);
});

test('staff log an outreach event and the coverage view changes', async ({ page }) => {
  await signIn(page, 'staff');
  await page.getByRole('link', { name: 'Outreach', exact: true }).first().click();
  await heading(page, 'Outreach and connection');
  await page.getByRole('link', { name: /See which groups and Core20 wards/ }).click();
  await heading(page, 'Outreach coverage');
  await page.getByLabel('Place', { exact: true }).selectOption({ label: 'Riverside City' });
  await page.getByRole('button', { name: 'Show coverage' }).click();
  await expectAccessible(page);
  const wards = page.getByRole('table', { name: /Core20 wards/ });
  const gap = wards.getByRole('row').filter({ hasText: 'Not reached' }).first();
  const ward = (await gap.getByRole('cell').first().innerText()).replace(/^Ward\s*/, '').trim();
  await expect(page.locator('#coverage-gaps')).toContainText(ward);
  await expect(page.locator('#coverage-gaps')).toContainText('Trans and non-binary people');

  await page.goto('/outreach/new');
  await heading(page, 'Record an outreach activity');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await expect(page.getByRole('alert')).toContainText('Select the kind of activity');
  await expectAccessible(page);
  await page.getByLabel('Event').check();
  await page.getByLabel('Name of the activity').fill('Trans health listening café');
  await page.getByLabel('Ward (optional)').selectOption({ label: `${ward} (Riverside, Core20)` });
  await page.getByLabel('Number of people who took part').fill('15');
  await page.getByLabel('Trans and non-binary people').check();
  await page.getByLabel('What did you hear? (optional)').fill('Staff did not use people’s chosen names.');
  await page.getByRole('button', { name: 'Save activity' }).click();
  await heading(page, 'Trans health listening café');
  await page.getByLabel('Short title for the issue').fill('Chosen names not used on wards');
  await page.getByLabel('A few people (up to 10)').check();
  await page.getByRole('button', { name: 'Raise issue' }).click();
  await expect(page.getByText('Issue raised.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Agree a follow-up action' }).click();
  await heading(page, 'Agree a follow-up action');

  await page.goto('/outreach/coverage');
  await page.getByLabel('Place', { exact: true }).selectOption({ label: 'Riverside City' });
  await page.getByRole('button', { name: 'Show coverage' }).click();
  await expect(page.locator('#coverage-gaps')).not.toContainText('Trans and non-binary people');
  await expect(wards.getByRole('row').filter({ hasText: ward }).first()).not.toContainText('Not reached');
  await expectAccessible(page);
});

test('staff see delivery and payments; the partner reports delivery', async ({ page }) => {
  await signIn(page, 'staff');
  await page.goto('/agreements');
  await heading(page, 'Funded partner agreements');
  await expect(page.getByRole('table', { name: /Payments scheduled and paid/ })).toBeVisible();
  await page.getByRole('link', { name: 'Women’s health sessions in Somali and Arabic' }).click();
  await heading(page, 'Women’s health sessions in Somali and Arabic');
  await expect(page.getByRole('heading', { name: /Behind schedule/ })).toBeVisible();
  const overdue = page.getByRole('button', { name: /Mark as paid today/ }).first();
  await overdue.click();
  await expect(page.getByText('Changes saved.')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Schedule a payment' }).click();
  await heading(page, 'Schedule a payment');
  await page.getByLabel('Amount, in pounds').fill('999999');
  await page.getByLabel('Date due').fill('2030-01-01');
  await page.getByRole('button', { name: 'Schedule payment' }).click();
  await expect(page.getByRole('alert')).toContainText('more than the');
  await expectAccessible(page);
  await page.goto('/agreements/new');
  await heading(page, 'Record a funded agreement');
  await signOut(page);

  await signIn(page, 'member');
  await page.getByRole('link', { name: 'Agreements', exact: true }).first().click();
  await heading(page, 'Funded partner agreements');
  await expect(page.getByRole('link', { name: 'Women’s health sessions in Somali and Arabic' })).toHaveCount(
    0,
  );
  await page.getByRole('link', { name: 'Community connectors in Core20 wards' }).click();
  await heading(page, 'Community connectors in Core20 wards');
  await page.getByRole('button', { name: 'Report delivery' }).click();
  await heading(page, 'Report delivery');
  await page.getByLabel(/Community engagement sessions in Core20 wards/).check();
  await page.getByLabel('How many were delivered').fill('2');
  await page.getByLabel('What was delivered').fill('Two connector sessions at the Abbey community centre.');
  await page.getByLabel('Outreach activity (optional)').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Report delivery' }).click();
  await expect(page.getByText('Delivery reported. Thank you.')).toBeVisible();
  await expect(page.getByText('Two connector sessions at the Abbey community centre.')).toBeVisible();
  await expectAccessible(page);
});

test('staff reach the forms that manage places, plans, the directory and the guides', async ({ page }) => {
  await signIn(page, 'staff');
  await page.goto('/places');
  await heading(page, 'Places and their plans');
  await page.getByRole('link', { name: 'Northshire' }).click();
  await heading(page, 'Northshire');
  await page.getByRole('link', { name: 'Add an action to the plan' }).click();
  await heading(page, 'Add an action to the plan');
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter what will be done');
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Back to Northshire' }).click();
  await page.getByRole('link', { name: 'Change the place’s details' }).click();
  await heading(page, 'Change Northshire');
  await page.goto('/directory');
  await page.getByRole('button', { name: 'Add an organisation' }).click();
  await heading(page, 'Add an organisation');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert')).toContainText('Select at least one group');
  await expectAccessible(page);
  await page.goto('/engaging/men');
  await page.getByRole('link', { name: 'Change this guide' }).click();
  await heading(page, 'Change the guide');
  await page.getByLabel('Summary').fill('Go where men already are.');
  await page.getByRole('button', { name: 'Save guide' }).click();
  await expect(page.getByText('Guide updated.')).toBeVisible();
  await heading(page, 'Men');
  await page.goto('/agreements');
  await page.getByRole('link', { name: 'GP registration and site visits' }).click();
  await page.getByRole('link', { name: 'Add a deliverable' }).click();
  await heading(page, 'Add a deliverable');
  await page.getByRole('link', { name: 'Back to the agreement' }).click();
  await page.getByRole('link', { name: 'Add a milestone' }).click();
  await heading(page, 'Add a milestone');
});
