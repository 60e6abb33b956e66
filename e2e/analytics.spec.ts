import { expect, test } from '@playwright/test';
import { expectAccessible } from './support/axe.ts';
import { signIn } from './support/demo.ts';

test('a public visitor reads where the gaps are and opens an indicator with its charts and tables', async ({
  page,
}) => {
  await page.goto('/analytics');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Health inequalities: where the gaps are');
  await expectAccessible(page);

  await page.getByRole('link', { name: 'Outpatient appointments not attended (DNA rate)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Outpatient appointments not attended (DNA rate)',
  );
  await expect(page.getByRole('img', { name: /by deprivation decile/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /By IMD decile/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Show period').selectOption('2022/23');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('2022/23').first()).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /^CSV/ }).click();
  expect((await download).suggestedFilename()).toBe('did-not-attend-2022-23.csv');
});

test('staff follow a dataset import and see its validation report', async ({ page }) => {
  await signIn(page, 'staff');
  await page.goto('/analytics/datasets');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datasets');
  await expectAccessible(page);

  // The demo runs on SQLite, so linking a PostgreSQL table explains what the server needs first.
  await page.getByRole('link', { name: 'link a PostgreSQL table' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Link a PostgreSQL table');
  await expect(page.getByText('No PostgreSQL database is set up for linked tables')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Datasets' }).click();

  await page.getByRole('link', { name: 'indicator catalogue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Indicator catalogue');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add an indicator' }).click();
  await page.getByLabel('Title').fill('People waiting more than a year');
  await page
    .getByRole('textbox', { name: /Conditions/ })
    .first()
    .fill('wait_weeks more than 52');
  await page.getByRole('button', { name: 'Add the indicator' }).click();
  await expect(page.getByRole('alert')).toContainText('Numerator conditions, line 1');
  await expectAccessible(page);
  await page.goto('/analytics/datasets');

  await page.getByRole('link', { name: 'Synthetic service activity (demo)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Validation report' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/analytics/datasets/new');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a CSV, Parquet or Excel file to import');
  await expectAccessible(page);

  await page.getByLabel('Dataset name').fill('Clinic extract');
  await page.getByLabel('File (CSV, Parquet or Excel)').setInputFiles({
    name: 'clinic.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'person_id,lsoa_code,age,sex,ethnic_code,event_date,dna\nA,X01000001,44,F,A,2024-05-01,1\nB,NOTANLSOA,200,F,A,2024-05-02,0\n',
    ),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clinic extract');
  await expectAccessible(page);
  // Refresh as a person would while the import runs; wait for each new page to load before looking
  // again (looking mid-navigation saw neither the report nor the link).
  const refresh = page.getByRole('link', { name: 'Refresh this page' });
  for (let attempt = 0; attempt < 20 && (await refresh.isVisible()); attempt++) {
    await Promise.all([page.waitForEvent('load'), refresh.click()]);
  }
  await expect(page.getByText('Validation report')).toBeVisible();
  await expect(page.getByRole('cell', { name: 'impossible age' }).first()).toBeVisible();
  await expectAccessible(page);
});
