import { expect, test, type Page } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { signIn } from './support/demo.ts';

async function heading(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(text);
  await expectAccessible(page);
}

const csv = [
  'FFT question,FFT answer,Site,Communities',
  'What could we do better?,"The bus fare to the clinic costs too much, we are on universal credit",Northfield,',
  'What could we do better?,"No interpreter for my dad who speaks Somali",Eastgate,Refugees and people seeking asylum',
  'What was good?,,Eastgate,',
].join('\n');

test('staff import comments, see themes by community and place, and confirm or correct suggested tags', async ({
  page,
}) => {
  await signIn(page, 'staff');
  await page.goto('/insights');
  await heading(page, 'Intelligence and insight');
  await page.getByRole('link', { name: 'Themes by community and place' }).click();
  await heading(page, 'Themes by community and place');
  await expect(page.getByRole('table', { name: 'Issues by place and theme' })).toContainText('Northfield');

  await page.getByRole('link', { name: 'Import comments from a CSV file' }).click();
  await heading(page, 'Import comments');
  await page.getByRole('button', { name: 'Import comments' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a CSV file of comments');
  await expectAccessible(page);
  await page.getByLabel('CSV file of comments').setInputFiles({
    name: 'fft-november.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  await page.getByRole('button', { name: 'Import comments' }).click();
  await heading(page, 'Comments imported');
  await expect(page.getByText('The comment is empty')).toBeVisible();
  await page.getByRole('link', { name: /See the themes of these comments/ }).click();
  await heading(page, 'Themes by community and place');
  await expect(page.getByText('2 issues from one import')).toBeVisible();

  await page.goto('/insights?q=Somali');
  await page.getByRole('link', { name: /No interpreter for my dad/ }).click();
  await heading(page, /No interpreter for my dad/);
  await expect(page.getByRole('heading', { name: 'Suggested tags' })).toBeVisible();
  await page.getByRole('button', { name: 'Confirm theme Interpreting and language' }).click();
  await heading(page, /No interpreter for my dad/);
  await expect(page.getByRole('button', { name: 'Reject theme Interpreting and language' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm theme Interpreting and language' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Neutral or mixed' }).click();
  await heading(page, /No interpreter for my dad/);
  await expect(page.getByText('Confirmed: Neutral or mixed')).toBeVisible();

  await page.setViewportSize({ width: 320, height: 800 });
  await expectAccessible(page);
});
