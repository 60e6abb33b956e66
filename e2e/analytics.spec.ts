import { existsSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { expect, test, type Page } from '@playwright/test';
import { e2eDataDir } from '../playwright.config.ts';
import { expectAccessible } from './support/axe.ts';
import { signIn } from './support/demo.ts';

/** Refreshes a dataset's page, as someone would, until its import has finished (or 20 times). */
async function untilImported(page: Page): Promise<void> {
  const refresh = page.getByRole('link', { name: 'Refresh this page' });
  for (let attempt = 0; attempt < 20 && (await refresh.isVisible()); attempt++) {
    await Promise.all([page.waitForEvent('load'), refresh.click()]);
  }
}

/**
 * Imports the form as filled in, and checks the dataset's page: the note on the worksheets or files
 * read as one, and the first cell of its first problem (the worksheet or file it is in).
 */
async function importedAsOne(page: Page, name: string, expected: { note: string; firstCell: string }) {
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await untilImported(page);
  await expect(page.getByText(expected.note)).toBeVisible();
  const firstProblem = page
    .getByRole('table', { name: /row by row/ })
    .getByRole('row')
    .nth(1);
  await expect(firstProblem.getByRole('cell').first()).toHaveText(expected.firstCell);
  await expectAccessible(page);
}

test('a public visitor reads where the gaps are and opens an indicator with its charts and tables', async ({
  page,
}) => {
  await page.goto('/analytics');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Health inequalities: where the gaps are');
  await expectAccessible(page);
  // Every published indicator in one file, for a report.
  const everyIndicator = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel of every period of each indicator' }).click();
  expect((await everyIndicator).suggestedFilename()).toMatch(
    /^health-inequality-indicators-every-period-\d{4}-\d{2}-\d{2}\.xlsx$/,
  );

  await page.getByRole('link', { name: 'Outpatient appointments not attended (DNA rate)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Outpatient appointments not attended (DNA rate)',
  );
  await expect(page.getByRole('img', { name: /by deprivation decile/ })).toBeVisible();
  await expect(page.getByRole('table', { name: /By IMD decile/ })).toBeVisible();
  // Each chart has a key in words beside it.
  await expect(page.getByText('Blue bar: the value for each decile.')).toBeVisible();
  await expect(page.getByText(/^Dashed red line: the slope index of inequality/)).toBeVisible();
  // Sex is shown in words, not as the stored F and M.
  const bySex = page.getByRole('table', { name: /By sex/ });
  await expect(bySex.getByRole('cell', { name: 'Female', exact: true })).toBeVisible();
  await expect(bySex.getByRole('cell', { name: 'Male', exact: true })).toBeVisible();
  await expect(bySex.getByRole('cell', { name: 'F', exact: true })).toHaveCount(0);
  await expectAccessible(page);

  // "On this page" leads to each section; the long ward table is folded away until asked for.
  const contents = page.getByRole('navigation', { name: 'On this page' });
  await contents.getByRole('link', { name: 'By ward' }).click();
  await expect(page).toHaveURL(/#by-ward$/);
  await expect(page.getByRole('heading', { level: 2, name: 'By ward' })).toBeInViewport();
  const wards = page.getByRole('table', { name: /By ward/ });
  await expect(wards).toBeHidden();
  await page.getByText(/^Show all \d+ wards$/).click();
  await expect(wards).toBeVisible();
  expect(await wards.getByRole('row').count()).toBeGreaterThan(20);
  // Whether the gap is closing: the SII of each period, in words, a chart and a table.
  await contents.getByRole('link', { name: 'Gap over time' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Gap over time' })).toBeInViewport();
  await expect(page.getByRole('img', { name: /gap by deprivation over time/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Slope index of inequality by period' })).toBeVisible();
  await contents.getByRole('link', { name: 'Caveats' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Caveats' })).toBeInViewport();

  await page.getByLabel('Show period').selectOption('2022/23');
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page.getByText('2022/23').first()).toBeVisible();
  await expectAccessible(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV for 2022/23' }).click();
  expect((await download).suggestedFilename()).toBe(
    'did-not-attend-synthetic-service-activity-demo-2022-23.csv',
  );
  const everyPeriod = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV of every period' }).click();
  expect((await everyPeriod).suggestedFilename()).toBe('did-not-attend-synthetic-service-activity-demo.csv');
});

test('an indicator page reads on a 320px-wide phone without scrolling sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/analytics');
  await page.getByRole('link', { name: 'Outpatient appointments not attended (DNA rate)' }).click();
  await expect(page.getByRole('navigation', { name: 'On this page' })).toBeVisible();
  // A click waits for the new page to begin, not for its stylesheets: measure once they apply.
  await page.waitForLoadState('load');
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  // Charts fill the column (drawn phone-sized, so their text stays readable).
  const chart = await page.getByRole('img', { name: /by deprivation decile/ }).boundingBox();
  expect(chart?.width).toBeGreaterThan(260);
  // Wards as a funnel plot, its summary naming those beyond the 99.8% limits.
  await expect(page.getByRole('img', { name: /by ward: funnel plot/ })).toBeVisible();
  await expect(page.getByText(/^Allowing for their size, /)).toBeVisible();
  await page.getByText(/^Show all \d+ wards$/).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
});

test('staff read who a dataset reaches on a 320px-wide phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await signIn(page, 'staff', { scan: false });
  await page.goto('/analytics/datasets');
  await page.getByRole('link', { name: 'Synthetic service activity (demo)' }).click();
  await page.getByRole('link', { name: 'who Synthetic service activity (demo) reaches' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'By deprivation and place' })).toBeVisible();
  await page.waitForLoadState('load');
  await expect(
    page.getByRole('table', { name: 'People reached against residents of the same ages, by IMD quintile' }),
  ).toBeVisible();
  for (const within of ['each place', 'each broad ethnic group'])
    await expect(
      page.getByRole('table', {
        name: `People reached living in the Core20 against residents living there, within ${within}`,
      }),
    ).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await expectAccessible(page);
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
  await page.getByLabel('Title').fill('People waiting more than 65 weeks');
  await page
    .getByRole('textbox', { name: /Conditions/ })
    .first()
    .fill('wait_weeks more than 65');
  await page.getByRole('button', { name: 'Add the indicator' }).click();
  await expect(page.getByRole('alert')).toContainText('Numerator conditions, line 1');
  await expectAccessible(page);
  await page.goto('/analytics/datasets');

  await page.getByRole('link', { name: 'Synthetic service activity (demo)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Validation report' })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'who Synthetic service activity (demo) reaches' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Who it reaches');
  await expect(page.getByRole('heading', { level: 3, name: 'Allowing for age' })).toBeVisible();
  await expectAccessible(page);

  await page.goto('/analytics/datasets/new');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose a CSV, Parquet or spreadsheet file to import');
  await expectAccessible(page);

  await importCsv(
    page,
    'Clinic extract',
    'A,X01000001,44,F,A,2024-05-01,1\nB,NOTANLSOA,200,F,A,2024-05-02,0\n',
    { scan: true },
  );
  await expect(page.getByRole('cell', { name: 'impossible age' }).first()).toBeVisible();
  // What each column was read as, for the person to check.
  await expect(page.getByRole('heading', { level: 2, name: 'Columns read' })).toBeVisible();
  await expect(
    page.getByRole('definition').filter({ hasText: 'ethnic_code (NHS ethnic category codes)' }),
  ).toBeVisible();
  await expectAccessible(page);
});

test('someone trying the demo imports its example extract, which has postcodes instead of LSOA codes', async ({
  page,
}) => {
  await signIn(page, 'staff');
  await page.goto('/analytics/datasets/new');
  const example = page.waitForEvent('download');
  await page.getByRole('link', { name: /download an example extract/ }).click();
  const download = await example;
  expect(download.suggestedFilename()).toBe('example-extract.csv');
  // Saved under its own name, which says how the import reads it, as a browser saves it.
  const saved = test.info().outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  await importFile(page, 'Example extract', saved);
  await expect(page.getByText('LSOAs looked up from the postcodes in the postcode directory')).toBeVisible();
  await expect(page.getByText('5,000').first()).toBeVisible();
  await expectAccessible(page);
});

test('staff find the reference geography import, and are told what it needs', async ({ page }) => {
  await signIn(page, 'staff', { scan: false });
  await page.goto('/analytics/datasets');
  await page.getByRole('link', { name: 'import reference geography' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Import reference geography');
  await expectAccessible(page);
  // Nothing is imported here (the demo's geography is shared by the other journeys): only what is
  // wrong with the form is shown, each mistake linked to its field.
  await page.getByLabel('Places (optional)').fill('Riverside City E06000016');
  await page.getByRole('button', { name: 'Import' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText(
    'Choose the deprivation file, the population estimates, the census ethnic groups, the postcode directory or the LSOA 2011 to 2021 lookup',
  );
  await expect(summary).toContainText('Line 1: write the place’s name, a colon');
  await expect(page.getByLabel('Places (optional)')).toHaveValue('Riverside City E06000016');
  await expectAccessible(page);
  await summary.getByRole('link', { name: /Line 1/ }).click();
  await expect(page.getByLabel('Places (optional)')).toBeFocused();
});

test('staff name a column Parity does not recognise, and see what each column was read as', async ({
  page,
}) => {
  await signIn(page, 'staff', { scan: false });
  await page.goto('/analytics/datasets/new');
  await page.getByLabel('Dataset name').fill('Clinic extract with own headings');
  await page.getByLabel('File (CSV, Parquet or spreadsheet)').setInputFiles({
    // A file name as extracts have them, with nowhere to break on a small phone.
    name: 'outpatient_clinic_appointments_2024_25_pseudonymised_extract_final_v3.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Pseudo ID,Home area,Age,Gender,Clinic date,DNA\nA,X01000001,44,F,01/05/2024,1\n'),
  });
  await page.getByText('Say which columns to use (optional)').click();
  await page.getByLabel('LSOA code', { exact: true }).fill('Home area');
  // The clinic's system writes dates month first, which 01/05/2024 alone does not show.
  await page.getByLabel('Month first, as in the US (01/31/2024)').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clinic extract with own headings');
  await untilImported(page);
  const read = (field: string) =>
    page
      .locator('dl[aria-labelledby="columns-read"] .nhsuk-summary-list__row', { hasText: field })
      .getByRole('definition');
  await expect(read('LSOA code')).toHaveText('Home area (2021 LSOAs)');
  await expect(read('Sex')).toHaveText('Gender');
  await expect(read('Date')).toHaveText(
    'Clinic date (gives the financial year; written month first (MM/DD/YYYY))',
  );
  await expect(page.getByText('Every value could be read.')).toBeVisible();

  await page.setViewportSize({ width: 320, height: 640 });
  for (const url of [page.url(), '/analytics/datasets']) {
    await page.goto(url);
    await expect(page.getByText('outpatient_clinic_appointments_2024_25').first()).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${url} scrolls sideways`).toBeLessThanOrEqual(320);
  }
});

test("staff import results saved from Management Studio, and see each problem at the file's own line", async ({
  page,
}) => {
  await signIn(page, 'staff', { scan: false });
  await page.goto('/analytics/datasets/new');
  await page.getByLabel('Dataset name').fill('Clinic results');
  // Results to file, as Management Studio saves them: UTF-16, lined up under dashes, a count below.
  const lines = [
    'Pseudo ID LSOA      Age DNA',
    '--------- --------- --- ---',
    'P1        X01000001  44   1',
    '',
    'P2        X01999999  61   0',
    '',
    '(2 rows affected)',
  ];
  await page.getByLabel('File (CSV, Parquet or spreadsheet)').setInputFiles({
    name: 'clinic.rpt',
    mimeType: 'application/octet-stream',
    buffer: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Clinic results');
  await untilImported(page);
  const firstProblem = page
    .getByRole('table', { name: /row by row/ })
    .getByRole('row')
    .nth(1);
  await expect(firstProblem.getByRole('cell').first()).toHaveText('Row 5');
  await expect(firstProblem.getByRole('cell').nth(2)).toHaveText('Value X01999999');
  await expect(page.getByText(/^2 rows are lines that a query tool .* \(rows 2, 7:/)).toBeVisible();
  await expectAccessible(page);
});

test('staff import a workbook of a worksheet a year as one dataset, and see problems named by worksheet', async ({
  page,
}) => {
  await signIn(page, 'staff', { scan: false });
  const book = XLSX.utils.book_new();
  const years: [string, (string | number)[]][] = [
    ['2023-24', ['X01000001', '01/05/2023', 1]],
    ['2024-25', ['X01999999', '01/05/2024', 0]],
  ];
  for (const [year, row] of years)
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([['LSOA', 'Appointment date', 'DNA'], row]),
      year,
    );
  await page.goto('/analytics/datasets/new');
  await page.getByLabel('Dataset name').fill('Appointments by year');
  await page.getByLabel('File (CSV, Parquet or spreadsheet)').setInputFiles({
    name: 'appointments-by-year.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer,
  });
  await page.getByText('Say which columns to use (optional)').click();
  await page.getByLabel('Also read the other worksheets that have the same headings').check();
  await importedAsOne(page, 'Appointments by year', {
    note: '2 worksheets with the same headings were read as one dataset',
    firstCell: 'Worksheet 2024-25',
  });
});

test('staff import an extract a month as one dataset by choosing its files at once', async ({ page }) => {
  await signIn(page, 'staff', { scan: false });
  await page.goto('/analytics/datasets/new');
  await page.getByLabel('Dataset name').fill('Appointments by month');
  await page.getByLabel('File (CSV, Parquet or spreadsheet)').setInputFiles([
    { name: 'april.csv', mimeType: 'text/csv', buffer: Buffer.from('LSOA,DNA\nX01000001,1\n') },
    // May's extract gives the clinic too, a column April's has not.
    { name: 'may.csv', mimeType: 'text/csv', buffer: Buffer.from('DNA,LSOA,Clinic\n0,X01999999,Eyes\n') },
  ]);
  await importedAsOne(page, 'Appointments by month', {
    note: '2 files were read as one dataset',
    firstCell: 'File may.csv',
  });
  await expect(
    page.getByText(
      '"april.csv" (1 row) has no "Clinic" column, which other files have: its rows were read with it empty.',
    ),
  ).toBeVisible();

  // The next month comes: it is added to the dataset from its page.
  await page.getByRole('link', { name: 'Add files to this dataset' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Add files to Appointments by month');
  await expectAccessible(page);
  await page.getByLabel('Files to add (CSV, Parquet or spreadsheets)').setInputFiles({
    name: 'june.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('LSOA,DNA,Clinic\nX01000002,0,Eyes\nX01000003,1,Skin\n'),
  });
  await page.getByRole('button', { name: 'Add the files' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Appointments by month');
  await untilImported(page);
  await expect(
    page.getByText('"june.csv" was added later: 2 rows read, 2 stored, 0 with problems.'),
  ).toBeVisible();
  await expect(page.getByText('The dataset has no dates, so Parity could not check')).toBeVisible();
  await expect(page.getByText('april.csv, may.csv and june.csv').first()).toBeVisible();
  await expectAccessible(page);
});

test('staff send a month again with late entries, and its rows take the place of those the dataset had', async ({
  page,
}) => {
  await signIn(page, 'staff', { scan: false });
  await page.goto('/analytics/datasets/new');
  await page.getByLabel('Dataset name').fill('Clinic visits');
  const may = 'LSOA,Appointment date,DNA\nX01000001,2024-05-02,1\nX01000002,2024-05-03,0\n';
  await page
    .getByLabel('File (CSV, Parquet or spreadsheet)')
    .setInputFiles({ name: 'may.csv', mimeType: 'text/csv', buffer: Buffer.from(may) });
  await page.getByRole('button', { name: 'Import' }).click();
  await untilImported(page);

  // May sent again with a late entry: unticked, its rows are refused as days the dataset holds.
  const again = {
    name: 'may-again.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${may}X01000003,2024-05-03,1\n`),
  };
  await page.getByRole('link', { name: 'Add files to this dataset' }).click();
  await page.getByLabel('Files to add (CSV, Parquet or spreadsheets)').setInputFiles(again);
  await page.getByRole('button', { name: 'Add the files' }).click();
  await untilImported(page);
  await expect(page.getByRole('heading', { name: 'The files were not added' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('link', { name: 'add them again' }).click();
  await page.getByLabel('Files to add (CSV, Parquet or spreadsheets)').setInputFiles(again);
  await page.getByLabel('The files correct rows the dataset already has').check();
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Add the files' }).click();
  await untilImported(page);
  await expect(
    page.getByText(
      '2 rows of the dataset, dated from 2 May 2024 to 3 May 2024, were replaced by the rows of "may-again.csv"',
    ),
  ).toBeVisible();
  await expectAccessible(page);
});

test('staff remove an unwanted dataset after confirming what goes with it', async ({ page }) => {
  await signIn(page, 'staff', { scan: false });
  await page.goto('/analytics/datasets/new');
  await importCsv(page, 'Unwanted extract', 'A,X01000001,44,F,A,2024-05-01,1\n');
  const stored = path.join(e2eDataDir, 'analytics', 'datasets', `${page.url().split('/').pop()}.parquet`);
  expect(existsSync(stored)).toBe(true);
  await page.getByRole('button', { name: 'Compute the indicators' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Results from this dataset' })).toBeVisible();

  await page.getByRole('link', { name: 'Remove this dataset' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Remove this dataset');
  await expect(page.getByText('deletes its stored file from the analytics store')).toBeVisible();
  // The draft result worked out from it is named before anything is deleted.
  const doomed = page.getByRole('heading', { level: 2, name: 'Results that will be deleted' });
  await expect(doomed).toBeVisible();
  await expect(page.getByRole('link', { name: /not attended/ })).toBeVisible();
  await expectAccessible(page);
  // Cancel leads back without removing anything.
  await page.getByRole('link', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Unwanted extract');

  await page.getByRole('link', { name: 'Remove this dataset' }).click();
  await page.getByRole('button', { name: 'Remove dataset' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datasets');
  await expect(
    page.getByText(
      'Removed Unwanted extract. Its stored file has been deleted, and so has the result worked out from it.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Unwanted extract' })).toHaveCount(0);
  expect(existsSync(stored)).toBe(false);
  await expectAccessible(page);
});

test('staff import a dataset again, the new file fails, and the earlier dataset is kept', async ({
  page,
}) => {
  await signIn(page, 'staff', { scan: false });
  await page.goto('/analytics/datasets/new');
  await importCsv(page, 'Monthly extract', 'A,X01000001,44,F,A,2024-05-01,1\n');
  const earlier = page.url();

  // Next month's file has a comma inside a value far down, past what is checked before it starts.
  const rows = Array.from({ length: 25_000 }, (_, i) => `P${i},X01000001,44,F,A,2024-06-01,0`);
  await page.goto('/analytics/datasets/new');
  await page.getByLabel('Dataset name').fill('Monthly extract');
  await page.getByLabel('File (CSV, Parquet or spreadsheet)').setInputFiles({
    name: 'extract-june.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      `person_id,lsoa_code,age,sex,ethnic_code,event_date,dna\n${rows.join('\n')}\nQ,X01000001,44,F,Smith, A,2024-06-01,0\n`,
    ),
  });
  await page.getByRole('button', { name: 'Import' }).click();
  const failed = page.getByRole('heading', { name: 'The import failed' });
  await untilImported(page);
  await expect(failed).toBeVisible();
  await expect(page.getByText('Row 25,002 of the file has more cells')).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: /dataset of this name imported on/ }).click();
  expect(page.url()).toBe(earlier);
  await expect(page.getByRole('heading', { level: 2, name: 'Validation report' })).toBeVisible();

  await page.goto('/analytics/datasets');
  await expect(page.getByRole('link', { name: 'Monthly extract' })).toHaveCount(2);
  await expect(page.getByText('the earlier import is unchanged')).toBeVisible();
  await expectAccessible(page);
});

/**
 * Imports a CSV of the standard columns from the import form it is on, then refreshes the dataset's
 * page as a person would until the validation report is there (waiting for each page to load before
 * looking again: a look mid-navigation saw neither the report nor the link).
 */
async function importCsv(page: Page, name: string, rows: string, options = { scan: false }) {
  const file = {
    name: 'extract.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`person_id,lsoa_code,age,sex,ethnic_code,event_date,dna\n${rows}`),
  };
  await importFile(page, name, file, options);
}

/** Imports a file (a path, or a name and content) on the import page, and waits for its report. */
async function importFile(
  page: Page,
  name: string,
  file: string | { name: string; mimeType: string; buffer: Buffer },
  options = { scan: false },
) {
  await page.getByLabel('Dataset name').fill(name);
  await page.getByLabel('File (CSV, Parquet or spreadsheet)').setInputFiles(file);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  if (options.scan) await expectAccessible(page);
  await untilImported(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Validation report' })).toBeVisible();
}
