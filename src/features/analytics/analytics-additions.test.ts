import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { datasetFiles, datasetRelation, datasetRowFiles } from '../../analytics/datasets/dataset-files.ts';
import { analyticsStore } from '../../analytics/store.ts';
import { loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import { systemActor } from '../audit/audit.ts';
import { FormError } from '../shared/errors.ts';
import type { StoredResult } from './analytics.ts';
import { temporaryDir } from '../../../test/temporary-dirs.ts';

const header = 'person_id,lsoa_code,age,sex,ethnic_code,event_date,dna';
/** `rows` appointments on days from `firstDay` of `month` (2024), every fifth missed. */
const month = (name: string, monthNumber: number, rows: number, extra: string[] = []) => {
  const mm = String(monthNumber).padStart(2, '0');
  const lines = Array.from({ length: rows }, (_v, i) => {
    const lsoa = `X0100${String(1 + (i % 60)).padStart(4, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    return `${name}${i},${lsoa},${20 + (i % 60)},${i % 2 ? 'F' : 'M'},${'ABHJRS'[i % 6]},2024-${mm}-${day},${i % 5 === 0 ? 1 : 0}`;
  });
  return `${[header, ...lines, ...extra].join('\n')}\n`;
};

describeEachDatabase('analytics: adding files to a dataset', (current) => {
  let t: TestApp;
  let dir: string;
  const write = (name: string, content: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
  };
  const april = () => month('A', 4, 300, ['BAD1,Z99999999,40,F,A,2024-04-03,0']);
  const may = () => month('M', 5, 200, ['BAD2,Z99999998,41,M,A,2024-05-03,1']);
  const june = () => month('J', 6, 250);
  const resultsOf = async (id: string): Promise<StoredResult[]> =>
    (await t.services.analytics.listResults(true)).filter((r) => r.datasetId === id);
  const named = async (name: string) =>
    (await t.services.analytics.listDatasets()).filter((d) => d.name === name);

  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    await loadSyntheticGeography(await analyticsStore(t.services.config.dataDir));
    dir = temporaryDir('parity-add-');
  });
  afterAll(async () => {
    await t.services.analytics.close();
  });

  it('adds a month to a dataset: the same rows, results and problems as importing the files together', async () => {
    const first = await t.services.analytics.importDataset(systemActor, {
      name: 'Clinics',
      file: write('april.csv', april()),
    });
    await t.services.analytics.compute(systemActor, { datasetName: 'Clinics' });
    const published = (await resultsOf(first.id)).find((r) => r.indicatorId === 'did-not-attend')!;
    await t.services.analytics.publish(systemActor, published.id);

    const added = await t.services.analytics.addFiles(systemActor, {
      name: 'Clinics',
      file: write('may.csv', may()),
    });
    expect(added).toMatchObject({
      name: 'Clinics',
      status: 'ready',
      sourceFile: 'april.csv and may.csv',
      rowsRead: 502,
      rowsStored: 502,
      rowsWithProblems: 2,
      addsTo: null,
    });
    expect((await named('Clinics')).map((d) => d.id)).toEqual([added.id]);
    const store = await analyticsStore(t.services.config.dataDir);
    for (const file of datasetFiles(store, first.id)) expect(existsSync(file)).toBe(false);
    // The published result passes to the dataset with the month added, as on a new import.
    const kept = (await resultsOf(added.id)).filter((r) => r.status === 'published');
    expect(kept.map((r) => r.indicatorId)).toEqual(['did-not-attend']);

    const together = await t.services.analytics.importDataset(systemActor, {
      name: 'Clinics together',
      file: write('april-again.csv', april()),
      moreFiles: [write('may-again.csv', may())],
      sourceNames: ['april.csv', 'may.csv'],
    });
    for (const name of ['Clinics', 'Clinics together'])
      await t.services.analytics.compute(systemActor, { datasetName: name });
    const drafts = async (id: string) => {
      const result = (await resultsOf(id)).find(
        (r) => r.indicatorId === 'did-not-attend' && r.status === 'draft',
      )!.result;
      return result;
    };
    const [one, other] = [await drafts(added.id), await drafts(together.id)];
    expect(one.rows).toEqual(other.rows);
    expect(one.summaries).toEqual(other.summaries);
    // Every appointment of both months, less the two rows whose area is not known.
    expect(one.rows.find((r) => r.dimension === 'overall')).toMatchObject({
      numerator: '100',
      denominator: '500',
    });

    // Each problem is named by its file, and counted with the others of its kind.
    const report = added.report!;
    expect(report.sheets).toEqual(['april.csv', 'may.csv']);
    expect(report.sheetsAreFiles).toBe(true);
    expect(report.examples.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['april.csv', 302, 'lsoa_code'],
      ['may.csv', 202, 'lsoa_code'],
    ]);
    const unknownLsoa = report.problems.find((p) => p.column === 'lsoa_code')!;
    expect(unknownLsoa).toMatchObject({ rows: 2, firstRow: 302, firstSheet: 'april.csv' });
    expect(report.warnings).toContain(
      '"may.csv" was added later: 201 rows read, 201 stored, 1 with problems.',
    );
    expect(report.examples).toEqual(together.report!.examples);
  });

  it('refuses rows on days the dataset already holds, and keeps the dataset as it was', async () => {
    const before = (await named('Clinics'))[0]!;
    const again = write('may-copy.csv', may());
    const refused: unknown = await t.services.analytics
      .addFiles(systemActor, { name: 'Clinics', file: again })
      .catch((error: unknown) => error);
    expect((refused as Error).message).toBe(
      '"may-copy.csv" has 201 rows dated from 1 May 2024 to 28 May 2024, days the dataset already holds, so they would be counted twice. If it corrects the rows of those days, add it again with "The files correct rows the dataset already has" ticked (or --corrections on the command line).',
    );
    const now = await named('Clinics');
    expect(now.find((d) => d.status === 'ready')).toEqual(before);
    const failed = now.find((d) => d.status === 'failed')!;
    expect(failed.addsTo).toBe(before.id);
    const store = await analyticsStore(t.services.config.dataDir);
    for (const file of datasetFiles(store, failed.id)) expect(existsSync(file)).toBe(false);

    const page = await signedInBrowser();
    const failedPage = (await page.get(`/analytics/datasets/${failed.id}`)).body;
    expect(failedPage).toContain('The files were not added');
    expect(failedPage).toContain(`<a href="/analytics/datasets/${before.id}/add">add them again</a>`);
    expect(failedPage).not.toContain('import it again');

    // One day in common is enough.
    const overlap = write('june-and-a-day.csv', `${june()}X1,X01000001,30,F,A,2024-04-15,0\n`);
    await expect(
      t.services.analytics.addFiles(systemActor, { name: 'Clinics', file: overlap }),
    ).rejects.toThrow(
      '"june-and-a-day.csv" has 1 row dated on 15 April 2024, days the dataset already holds, so it would be counted twice.',
    );
  });

  it('refuses files without the dataset’s columns, and names that are not datasets, before anything is recorded', async () => {
    const count = (await t.services.analytics.listDatasets()).length;
    const lacking = write('july.csv', june().replaceAll(',dna', ',attended'));
    const refused: unknown = await t.services.analytics
      .addFiles(systemActor, { name: 'Clinics', file: lacking })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FormError);
    expect((refused as FormError).errors[0]!.message).toContain(
      'Files added to Clinics are read with its columns, by their headings. The dataset reads columns the file does not have: dna.',
    );
    // Files added together may not leave out a column the dataset reads either, though files
    // imported together may (several-files.ts).
    const withIt = write('august.csv', month('G', 8, 20));
    const without = write(
      'september.csv',
      month('S', 9, 20)
        .replace(/,dna\n/, '\n')
        .replace(/,[01]\n/g, '\n'),
    );
    const together: unknown = await t.services.analytics
      .addFiles(systemActor, { name: 'Clinics', file: withIt, moreFiles: [without] })
      .catch((error: unknown) => error);
    expect((together as FormError).errors[0]!.message).toContain(
      'Files added to Clinics are read with its columns, by their headings. In "september.csv": The dataset reads columns the file does not have: dna.',
    );
    await expect(
      t.services.analytics.addFiles(systemActor, { name: 'No such thing', file: lacking }),
    ).rejects.toThrow(FormError);
    expect((await t.services.analytics.listDatasets()).length).toBe(count);
  });

  it('adds a file with a column the dataset does not read, saying how to read it', async () => {
    await t.services.analytics.importDataset(systemActor, {
      name: 'Wards',
      file: write('wards-april.csv', april()),
    });
    const withFlag = month('W', 5, 30)
      .split('\n')
      .map((line, i) =>
        line === '' ? line : `${line},${i === 0 ? 'Learning disability' : i % 2 ? 'Yes' : 'No'}`,
      )
      .join('\n');
    const added = await t.services.analytics.addFiles(systemActor, {
      name: 'Wards',
      file: write('wards-may.csv', withFlag),
    });
    expect(added.rowsStored).toBe(331);
    expect(added.report?.warnings).toContain(
      '"wards-may.csv": The column "Learning disability" was not imported: files added to Wards are read with its columns, and it has no such column. To read it, import the dataset\'s files again, all together, under its name: files read as one may add columns to the others\'.',
    );
  });

  it('adds nothing to a dataset removed while the files were being added, and says so', async () => {
    await t.services.analytics.importDataset(systemActor, { name: 'Gone', file: write('gone.csv', april()) });
    let removal: Promise<unknown> | undefined;
    const failed: unknown = await t.services.analytics
      .addFiles(systemActor, { name: 'Gone', file: write('gone-may.csv', may()) }, (p) => {
        if (p.stage === 'checking')
          removal ??= t.services.analytics.removeDataset(systemActor, { name: 'Gone' });
      })
      .catch((error: unknown) => error);
    await removal;
    expect(failed).toBeInstanceOf(FormError);
    expect((failed as FormError).errors[0]!.message).toBe(
      'The dataset Gone was removed or imported again while the files were being added to it: nothing was added. Add them to the dataset of that name now.',
    );
    const [record] = await named('Gone');
    expect(record!.status).toBe('failed');
    const page = (await (await signedInBrowser()).get(`/analytics/datasets/${record!.id}`)).body;
    expect(page).toContain('The files were not added');
    expect(page).toContain('There is no longer a dataset of this name to add them to.');
    expect(page).not.toContain('add them again');
  });

  async function signedInBrowser(): Promise<Browser> {
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    return browser;
  }

  it('adds files from the dataset’s page, and says what is wrong on the form', async () => {
    const browser = await signedInBrowser();
    const dataset = (await named('Clinics')).find((d) => d.status === 'ready')!;
    const page = await browser.get(`/analytics/datasets/${dataset.id}`);
    expect(page.body).toContain(
      `<a href="/analytics/datasets/${dataset.id}/add">Add files to this dataset</a>`,
    );
    // The dates it holds, from both months (May's last appointment is on the 28th).
    expect(page.body).toMatch(
      /Dates\s*<\/dt>\s*<dd class="nhsuk-summary-list__value">\s*1 April 2024 to 28 May 2024/,
    );
    const form = `/analytics/datasets/${dataset.id}/add`;
    const shown = await browser.get(form);
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Its rows are dated from 1 April 2024 to 28 May 2024.');
    // The headings each file needs, as the dataset read them.
    expect(shown.body).toContain('<span class="parity-file-name">ethnic_code</span>');

    const none = await browser.upload(form, {}, []);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choose the files to add');
    const wrong = await browser.upload(form, {}, [
      { field: 'file', filename: 'july.csv', content: june().replaceAll(',dna', ',attended') },
    ]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('The dataset reads columns the file does not have: dna.');
    expect(wrong.body).toContain('href="#file"');
    // More files than the form takes: a page that leads back to this form, not the import's.
    const many = Array.from({ length: 37 }, (_v, i) => ({
      field: 'file',
      filename: `m${i}.csv`,
      content: june(),
    }));
    const tooMany = await browser.upload(form, {}, many);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.body).toContain(`<a href="${form}">Go back to Add files</a>`);
    expect(tooMany.body).toContain('parity dataset add &lt;file&gt; &lt;file&gt; … --name &lt;name&gt;');

    const response = await browser.upload(form, {}, [
      { field: 'file', filename: 'june.csv', content: june() },
    ]);
    expect(response.statusCode, response.body).toBe(303);
    const addition = response.headers.location!;
    await expect
      .poll(
        async () => (await named('Clinics')).find((d) => `/analytics/datasets/${d.id}` === addition)?.status,
        {
          timeout: 30_000,
        },
      )
      .toBe('ready');
    const now = (await named('Clinics')).find((d) => d.status === 'ready')!;
    expect(now).toMatchObject({ rowsStored: 752, sourceFile: 'april.csv, may.csv and june.csv' });
    expect(now.fields!.dates).toEqual({ first: '2024-04-01', last: '2024-06-28' });
    // Its rows are the three months' parts, and removing it removes every one.
    const store = await analyticsStore(t.services.config.dataDir);
    const parts = datasetRowFiles(store, now.id);
    expect(parts.map((f) => path.basename(f))).toEqual([
      `${now.id}.parquet`,
      `${now.id}.part-2.parquet`,
      `${now.id}.part-3.parquet`,
    ]);
    const audit = await t.services.database.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('entity_id', '=', now.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'analytics.dataset.addition-started',
      'analytics.dataset.files-added',
    ]);
    expect(audit.find((a) => a.action === 'analytics.dataset.files-added')!.summary).toBe(
      'Added june.csv to dataset Clinics: 250 rows (752 in all), 0 with problems',
    );
    expect((await browser.get(`/analytics/datasets/${dataset.id}/add`)).statusCode).toBe(404);
    await t.services.analytics.removeDataset(systemActor, { name: 'Clinics' });
    for (const part of parts) expect(existsSync(part)).toBe(false);
  });

  it('replaces the rows of the days corrections have rows for, as if the corrected files had been imported', async () => {
    await t.services.analytics.importDataset(systemActor, {
      name: 'Corrected',
      file: write('c-april.csv', april()),
    });
    const both = await t.services.analytics.addFiles(systemActor, {
      name: 'Corrected',
      file: write('c-may.csv', may()),
    });
    const partsBefore = datasetRowFiles(await analyticsStore(t.services.config.dataDir), both.id).map(
      (f) => statSync(f).ino,
    );
    // May's first fortnight sent again: fewer rows, every third missed.
    const lines = Array.from({ length: 60 }, (_v, i) => {
      const day = String(1 + (i % 14)).padStart(2, '0');
      return `C${i},X0100${String(1 + (i % 60)).padStart(4, '0')},${30 + (i % 40)},F,A,2024-05-${day},${i % 3 === 0 ? 1 : 0}`;
    });
    const correction = `${[header, ...lines].join('\n')}\n`;
    const corrected = await t.services.analytics.addFiles(systemActor, {
      name: 'Corrected',
      file: write('c-may-fortnight.csv', correction),
      corrections: true,
    });
    // May's rows after its first fortnight, and April's, are as they were.
    const mayRest = may()
      .split('\n')
      .filter((line, i) => i === 0 || (line !== '' && Number(line.split(',')[5]!.slice(8)) > 14));
    const together = await t.services.analytics.importDataset(systemActor, {
      name: 'Corrected together',
      file: write('t-april.csv', april()),
      moreFiles: [write('t-may-rest.csv', `${mayRest.join('\n')}\n`), write('t-fortnight.csv', correction)],
    });
    expect(corrected.rowsStored).toBe(together.rowsStored);
    // May's rows (its header line aside) less those kept.
    const replaced = may().trimEnd().split('\n').length - mayRest.length;
    expect(corrected.report!.warnings).toContain(
      `${replaced} rows of the dataset, dated from 1 May 2024 to 14 May 2024, were replaced by the rows of "c-may-fortnight.csv" on the same days. The dataset's rows on other days were kept. The problems found in the rows replaced are no longer counted in this report.`,
    );
    // May's row with an unknown area, on 3 May, was replaced: April's is the one problem left, as
    // when the corrected files are imported together.
    expect(both.rowsWithProblems).toBe(2);
    expect(corrected.rowsWithProblems).toBe(together.rowsWithProblems);
    expect(corrected.report!.problems).toEqual([
      {
        column: 'lsoa_code',
        problem: 'unknown LSOA 2021 code',
        rows: 1,
        firstRow: 302,
        firstSheet: 'c-april.csv',
      },
    ]);
    expect(corrected.report!.examples.map((e) => [e.sheet, e.row, e.day])).toEqual([
      ['c-april.csv', 302, '2024-04-03'],
    ]);
    for (const name of ['Corrected', 'Corrected together'])
      await t.services.analytics.compute(systemActor, { datasetName: name });
    const draft = async (id: string) =>
      (await resultsOf(id)).find((r) => r.indicatorId === 'did-not-attend' && r.status === 'draft')!.result;
    const [one, other] = [await draft(corrected.id), await draft(together.id)];
    expect(one.rows).toEqual(other.rows);
    expect(one.summaries).toEqual(other.summaries);
    // April's part holds no rows of those days, so it is the same file (linked); May's was written again.
    const store = await analyticsStore(t.services.config.dataDir);
    const [aprilPart, mayPart] = datasetRowFiles(store, corrected.id).map((f) => statSync(f).ino);
    expect(aprilPart).toBe(partsBefore[0]);
    expect(mayPart).not.toBe(partsBefore[1]);

    const audit = await t.services.database.db
      .selectFrom('audit_log')
      .select('summary')
      .where('entity_id', '=', corrected.id)
      .where('action', '=', 'analytics.dataset.files-added')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toBe(
      `Added c-may-fortnight.csv to dataset Corrected as corrections, replacing ${replaced} rows: 60 rows (${corrected.rowsStored} in all), 0 with problems`,
    );

    // From the page: the same fortnight again, ticked as corrections, replaces the rows it gave.
    const browser = await signedInBrowser();
    const form = `/analytics/datasets/${corrected.id}/add`;
    expect((await browser.get(form)).body).toContain('The files correct rows the dataset already has');
    const file = { field: 'file', filename: 'fortnight-again.csv', content: correction };
    const refused = await browser.upload(form, {}, [file]);
    expect(refused.statusCode).toBe(303);
    // Unticked, it is refused (once read) as rows on days the dataset holds.
    await expect
      .poll(
        async () =>
          (await named('Corrected')).find((d) => `/analytics/datasets/${d.id}` === refused.headers.location)
            ?.status,
        { timeout: 30_000 },
      )
      .toBe('failed');
    const sent = await browser.upload(form, { corrections: 'yes' }, [file]);
    expect(sent.statusCode, sent.body).toBe(303);
    await expect
      .poll(async () => (await named('Corrected')).find((d) => d.status === 'ready')!.id, { timeout: 30_000 })
      .not.toBe(corrected.id);
    const now = (await named('Corrected')).find((d) => d.status === 'ready')!;
    expect(now.rowsStored).toBe(corrected.rowsStored);
    expect(now.report!.warnings.at(-1)).toMatch(
      /^60 rows of the dataset, dated from 1 May 2024 to 14 May 2024/,
    );

    // A dataset without dates cannot be corrected by day: the form does not offer it.
    const undated = await t.services.analytics.importDataset(systemActor, {
      name: 'Undated',
      file: write('undated.csv', 'lsoa_code,dna\nX01000001,1\n'),
    });
    expect((await browser.get(`/analytics/datasets/${undated.id}/add`)).body).not.toContain(
      'The files correct rows',
    );
    await expect(
      t.services.analytics.addFiles(systemActor, {
        name: 'Undated',
        file: write('undated-2.csv', 'lsoa_code,dna\nX01000002,0\n'),
        corrections: true,
      }),
    ).rejects.toThrow(FormError);
  });

  it('says which of the dataset’s rows were kept on days within the corrections that they have no rows for', async () => {
    await t.services.analytics.importDataset(systemActor, {
      name: 'Struck',
      file: write('s-april.csv', april()),
      moreFiles: [write('s-may.csv', may()), write('s-june.csv', june())],
    });
    // April sent again without 15 April, whose every row was struck out, with June's corrections:
    // May, between them, is not theirs to correct and is not named.
    const resent = april()
      .split('\n')
      .filter((line) => !line.includes(',2024-04-15,'));
    const kept = april().split('\n').length - resent.length;
    expect(kept).toBeGreaterThan(0);
    const corrected = await t.services.analytics.addFiles(systemActor, {
      name: 'Struck',
      file: write('s-april-again.csv', resent.join('\n')),
      moreFiles: [write('s-june-again.csv', june())],
      corrections: true,
    });
    expect(corrected.rowsStored).toBe(301 + 201 + 250);
    expect(corrected.report!.warnings.at(-1)).toContain(
      `The dataset's rows on other days were kept. Of those, ${kept} rows on 15 April 2024 are in a month the files have rows for, but on a day they have none for. If those rows were struck out, import the dataset's files again under its name, the corrected ones in place of those they correct.`,
    );
  });

  it('says how many added rows have no date, as they cannot be checked against the days held', async () => {
    await t.services.analytics.importDataset(systemActor, {
      name: 'Some undated',
      file: write('u-april.csv', april()),
    });
    const lines = `${header}\nU1,X01000001,30,F,A,2024-05-02,1\nU2,X01000002,31,M,A,,0\nU3,X01000003,32,M,A,,1\n`;
    const added = await t.services.analytics.addFiles(systemActor, {
      name: 'Some undated',
      file: write('u-may.csv', lines),
    });
    expect(added.report!.warnings).toContain(
      '2 rows of "u-may.csv" have no date, so they were added without being checked against the rows the dataset already holds, and are counted in the period "Not known". If the same rows are added twice, they are counted twice there.',
    );
    await t.services.analytics.compute(systemActor, { datasetName: 'Some undated' });
    const result = (await resultsOf(added.id)).find((r) => r.indicatorId === 'did-not-attend')!.result;
    expect(result.rows.find((r) => r.period === 'Not known' && r.dimension === 'overall')).toBeDefined();
    // A month whose every row is dated says nothing of the kind.
    const june = await t.services.analytics.addFiles(systemActor, {
      name: 'Some undated',
      file: write('u-june.csv', month('J', 6, 20)),
    });
    expect(june.report!.warnings.join(' ')).not.toMatch(/"u-june\.csv" (has|have) no date/);
  });

  it('pseudonymises the person identifiers of files added to a dataset whose identifiers are NHS numbers', async () => {
    const first = await t.services.analytics.importDataset(systemActor, {
      name: 'By NHS number',
      file: write(
        'nhs-april.csv',
        'Patient ID,LSOA,Date,DNA\n9434765919,X01000001,2024-04-02,1\n4010232137,X01000002,2024-04-03,0\n',
      ),
    });
    expect(first.mapping!.personIds).toBe('nhs-number');
    // May's extract gives most patients a temporary id: judged alone, it would be stored as it is.
    const added = await t.services.analytics.addFiles(systemActor, {
      name: 'By NHS number',
      file: write(
        'nhs-may.csv',
        'Patient ID,LSOA,Date,DNA\nT1,X01000003,2024-05-02,1\nT2,X01000004,2024-05-03,0\n9434765919,X01000001,2024-05-04,0\n',
      ),
    });
    const store = await analyticsStore(t.services.config.dataDir);
    const peopleOf = async (id: string) =>
      (await store.query<{ person_id: string }>(`SELECT person_id FROM ${datasetRelation(store, id)}`)).map(
        (r) => r.person_id,
      );
    const people = await peopleOf(added.id);
    expect(people).toHaveLength(5);
    expect(people.every((p) => /^[0-9a-f]{64}$/.test(p))).toBe(true);
    // The same patient in April and May is one person.
    expect(new Set(people).size).toBe(4);

    // A dataset whose first month had no NHS numbers takes the setting from the month that has them.
    await t.services.analytics.importDataset(systemActor, {
      name: 'Temporary ids first',
      file: write('tmp-april.csv', 'Patient ID,LSOA,Date,DNA\nT1,X01000001,2024-04-02,1\n'),
    });
    const withNumbers = await t.services.analytics.addFiles(systemActor, {
      name: 'Temporary ids first',
      file: write('tmp-may.csv', 'Patient ID,LSOA,Date,DNA\n9434765919,X01000001,2024-05-02,1\n'),
    });
    expect(withNumbers.mapping!.personIds).toBe('nhs-number');
    const june = await t.services.analytics.addFiles(systemActor, {
      name: 'Temporary ids first',
      file: write(
        'tmp-june.csv',
        'Patient ID,LSOA,Date,DNA\nT2,X01000001,2024-06-02,1\nT3,X01000001,2024-06-03,1\n4010232137,X01000001,2024-06-04,1\n',
      ),
    });
    const stored = await peopleOf(june.id);
    expect(stored.join(' ')).not.toMatch(/9434765919|4010232137/);
    expect(stored.filter((p) => /^[0-9a-f]{64}$/.test(p))).toHaveLength(4);
  });

  it('adds a database’s Parquet export and a workbook together to a dataset imported from CSV', async () => {
    await t.services.analytics.importDataset(systemActor, {
      name: 'Mixed',
      file: write('m-april.csv', april()),
    });
    const store = await analyticsStore(t.services.config.dataDir);
    // Typed columns (whole numbers, dates) where the CSV file and the workbook have text.
    const parquet = path.join(dir, 'm-may.parquet');
    await store.run(
      `COPY (SELECT * FROM read_csv('${write('m-may.csv', may())}')) TO '${parquet}' (FORMAT parquet)`,
    );
    const rows = june()
      .trimEnd()
      .split('\n')
      .map((line) => line.split(','));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'June');
    const workbook = path.join(dir, 'm-june.xlsx');
    writeFileSync(workbook, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);

    const added = await t.services.analytics.addFiles(systemActor, {
      name: 'Mixed',
      file: parquet,
      moreFiles: [workbook],
    });
    expect(added).toMatchObject({
      status: 'ready',
      format: 'csv and parquet and xlsx',
      sourceFile: 'm-april.csv, m-may.parquet and m-june.xlsx',
      rowsStored: 752,
    });
    expect(added.fields!.dates).toEqual({ first: '2024-04-01', last: '2024-06-28' });
    expect(added.report!.examples.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['m-april.csv', 302, 'lsoa_code'],
      ['m-may.parquet', 201, 'lsoa_code'],
    ]);
    await t.services.analytics.compute(systemActor, { datasetName: 'Mixed' });
    const result = (await resultsOf(added.id)).find((r) => r.indicatorId === 'did-not-attend')!.result;
    // Every fifth appointment of the three months missed, less the two rows whose area is not known.
    expect(result.rows.find((r) => r.dimension === 'overall')).toMatchObject({
      numerator: '150',
      denominator: '750',
    });
  });
});
