import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  describeEachDatabase,
  dialectsUnderTest,
  type TestDatabase,
} from '../../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { datasetFiles } from '../../analytics/datasets/dataset-files.ts';
import { analyticsStore } from '../../analytics/store.ts';
import { loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import { systemActor } from '../audit/audit.ts';
import { analyticsContext } from './analytics-context.ts';
import { computeIndicators } from './analytics-compute.ts';
import { FormError } from '../shared/errors.ts';
import { buildApp } from '../../web/app.ts';
import { temporaryDir } from '../../../test/temporary-dirs.ts';

const extract =
  'person_id,lsoa_code,age,sex,ethnic_code,event_date,dna\n' +
  'A1,X01000001,40,F,A,2024-05-01,1\nA2,X01000002,50,M,H,2024-06-01,0\nA3,X01000002,61,F,B,2024-07-01,0\n';

describeEachDatabase('analytics: removing a dataset', (current) => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    dir = temporaryDir('parity-remove-');
  });
  afterAll(async () => {
    await t.services.analytics.close();
  });

  const importExtract = async (name: string) => {
    const file = path.join(dir, `${name.replace(/\W/g, '-')}.csv`);
    writeFileSync(file, extract);
    return t.services.analytics.importDataset(systemActor, { name, file, sourceName: 'clinic.csv' });
  };
  const parquetOf = async (id: string) =>
    (await analyticsStore(t.services.config.dataDir)).datasetPath(`${id}.parquet`);
  const signedIn = async (role: 'admin' | 'staff' | 'member') => {
    const user = await makeUser(t.services, role);
    const browser = new Browser(t.app);
    await browser.signIn(user.email, testPassword);
    return { user, browser };
  };

  it('removes a dataset through its pages: file, record and results gone, with an audit entry', async () => {
    const dataset = await importExtract('Clinic extract');
    await t.services.analytics.compute(systemActor, { datasetName: 'Clinic extract' });
    const [result] = (await t.services.analytics.listResults(true)).filter((r) => r.datasetId === dataset.id);
    await t.services.analytics.publish(systemActor, result!.id);
    // Computing again leaves a newer draft beside the published result: still one result to remove.
    await t.services.analytics.compute(systemActor, { datasetName: 'Clinic extract' });
    expect(existsSync(await parquetOf(dataset.id))).toBe(true);
    expect((await new Browser(t.app).get(`/analytics/indicators/${result!.id}`)).statusCode).toBe(200);

    const { user, browser } = await signedIn('staff');
    const page = await browser.get(`/analytics/datasets/${dataset.id}`);
    expect(page.body).toContain(`href="/analytics/datasets/${dataset.id}/remove"`);
    const confirm = await browser.get(`/analytics/datasets/${dataset.id}/remove`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Remove this dataset');
    expect(confirm.body).toContain('Published results will be taken down');
    expect(confirm.body).toContain(`href="/analytics/indicators/${result!.id}"`);
    const listed = confirm.body.slice(confirm.body.indexOf('Results that will be deleted'));
    expect(listed.split(`>${result!.title}</a>`)).toHaveLength(2);
    expect(listed).toContain('Newer draft');
    expect(confirm.body).toContain('nhsuk-button--warning');

    const removed = await browser.submit(`/analytics/datasets/${dataset.id}/remove`, {});
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(`/analytics/datasets?removed=${dataset.id}`);
    const list = await browser.get(removed.headers.location as string);
    expect(list.body).toContain(
      'Removed Clinic extract. Its stored file has been deleted, and so has the result worked out from it (it was published).',
    );

    expect(existsSync(await parquetOf(dataset.id))).toBe(false);
    expect((await t.services.analytics.listDatasets()).map((d) => d.id)).not.toContain(dataset.id);
    expect((await t.services.analytics.listResults(true)).filter((r) => r.datasetId === dataset.id)).toEqual(
      [],
    );
    expect((await new Browser(t.app).get(`/analytics/indicators/${result!.id}`)).statusCode).toBe(404);
    expect((await browser.get(`/analytics/datasets/${dataset.id}/remove`)).statusCode).toBe(404);
    const { entries } = await t.services.audit.list({ entityId: dataset.id, page: 1 });
    const entry = entries.find((e) => e.action === 'analytics.dataset.removed');
    expect(entry?.actorId).toBe(user.id);
    expect(entry?.summary).toContain('Removed dataset Clinic extract (clinic.csv) and 1 result computed');
    expect(entry?.before).toMatchObject({
      results: 1,
      published: 1,
      removedResults: [
        { title: result!.title, status: 'published' },
        { title: result!.title, status: 'draft' },
      ],
    });
  });

  it('refuses a file without an LSOA column before it replaces the dataset of that name', async () => {
    const kept = await importExtract('Kept extract');
    const csv = path.join(dir, 'no-lsoa.csv');
    writeFileSync(csv, 'not,the,columns\n1,2,3\n');
    // A workbook's first rows are read on their own, so its headings are checked first too.
    const xlsx = path.join(dir, 'no-lsoa.xlsx');
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['not', 'the', 'columns'],
        [1, 2, 3],
      ]),
      'Extract',
    );
    writeFileSync(xlsx, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    for (const file of [csv, xlsx]) {
      const refused: unknown = await t.services.analytics
        .importDataset(systemActor, { name: 'Kept extract', file })
        .catch((error: unknown) => error);
      expect(refused, file).toBeInstanceOf(FormError);
      expect((refused as FormError).errors).toEqual([
        {
          field: 'mapping',
          message: expect.stringContaining('No column was recognised as the LSOA code') as string,
        },
      ]);
    }
    const named = (await t.services.analytics.listDatasets()).filter((d) => d.name === 'Kept extract');
    expect(named).toEqual([expect.objectContaining({ id: kept.id, status: 'ready' })]);
    expect(existsSync(await parquetOf(kept.id))).toBe(true);
  });

  it('keeps a dataset whose new import fails half-way, and removes the failed import with its files', async () => {
    const kept = await importExtract('Clinic list');
    await t.services.analytics.compute(systemActor, { datasetName: 'Clinic list' });
    const [published] = (await t.services.analytics.listResults(true)).filter((r) => r.datasetId === kept.id);
    await t.services.analytics.publish(systemActor, published!.id);
    const keptResults = await t.services.analytics.resultsOfDataset(kept.id);
    expect(keptResults.length).toBeGreaterThan(0);
    // A row beyond the part of the file read before the import starts has a cell too many.
    const file = path.join(dir, 'ragged.csv');
    const rows = Array.from({ length: 25_000 }, (_, i) => `B${i},X01000001,40,F,A,2024-05-01,0`);
    const lines = [extract.trimEnd(), ...rows, 'C1,X01000002,50,M,H,2024-06-01,0,extra'];
    writeFileSync(file, `${lines.join('\n')}\n`);
    const failed: unknown = await t.services.analytics
      .importDataset(systemActor, { name: 'Clinic list', file })
      .catch((error: unknown) => error);
    // The heading is line 1, so the 25,004th row below it is line 25,005.
    expect((failed as Error).message).toContain(
      'Row 25,005 of the file has more cells than there are headings (7)',
    );
    const named = (await t.services.analytics.listDatasets()).filter((d) => d.name === 'Clinic list');
    expect(named.map((d) => d.status).sort()).toEqual(['failed', 'ready']);
    expect(named.find((d) => d.status === 'ready')!.id).toBe(kept.id);
    expect(existsSync(await parquetOf(kept.id))).toBe(true);
    expect(await t.services.analytics.resultsOfDataset(kept.id)).toEqual(keptResults);
    const dataset = named.find((d) => d.status === 'failed')!;
    // What an import stopped half-way could leave: its output and its staging copies.
    const files = datasetFiles(await analyticsStore(t.services.config.dataDir), dataset.id);
    for (const leftover of files) writeFileSync(leftover, 'rows');

    const { browser } = await signedIn('admin');
    const failedPage = (await browser.get(`/analytics/datasets/${dataset.id}`)).body;
    expect(failedPage).toContain('remove this failed import');
    // The way forward: the message names the row, the page says what was kept and leads to the form.
    expect(failedPage).toContain('has more cells than there are headings');
    expect(failedPage).toContain(`Nothing was lost: the <a href="/analytics/datasets/${kept.id}">`);
    expect(failedPage).toContain('<a href="/analytics/datasets/new">import it again</a>');
    // A failed import reaches no one: its reach page leads back to the dataset's page.
    expect(failedPage).not.toContain(`/analytics/datasets/${dataset.id}/reach`);
    const reach = await browser.get(`/analytics/datasets/${dataset.id}/reach`);
    expect(reach.statusCode).toBe(303);
    expect(reach.headers.location).toBe(`/analytics/datasets/${dataset.id}`);
    expect((await browser.get('/analytics/datasets')).body).toContain('the earlier import is unchanged');
    // As the same record looked while it ran: the earlier dataset is still the one used, and a
    // second import of the name waits for this one.
    const running = { status: 'importing', stage: 'checking', updated_at: t.clock.now.toISOString() };
    const table = () => t.services.database.db.updateTable('analytics_datasets').where('id', '=', dataset.id);
    await table().set(running).execute();
    const runningPage = (await browser.get(`/analytics/datasets/${dataset.id}`)).body;
    expect(runningPage).toContain(
      `When this import finishes, it replaces the <a href="/analytics/datasets/${kept.id}">`,
    );
    expect((await browser.get('/analytics/datasets')).body).toContain(
      'the earlier import is used until this one finishes',
    );
    const second: unknown = await importExtract('Clinic list').catch((error: unknown) => error);
    expect((second as FormError).errors).toEqual([
      { field: 'name', message: 'A dataset with this name is being imported now' },
    ]);
    await table().set({ status: 'failed', stage: 'failed' }).execute();
    const removed = await browser.submit(`/analytics/datasets/${dataset.id}/remove`, {});
    expect(removed.statusCode).toBe(303);
    for (const leftover of files) expect(existsSync(leftover), leftover).toBe(false);
    const left = (await t.services.analytics.listDatasets()).filter((d) => d.name === 'Clinic list');
    expect(left.map((d) => d.id)).toEqual([kept.id]);

    // Imported again and successfully, the file replaces the earlier dataset: its drafts go, and its
    // published result stays up, under the new dataset, until a newer one is published.
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const replacement = await importExtract('Clinic list');
    const after = (await t.services.analytics.listDatasets()).filter((d) => d.name === 'Clinic list');
    expect(after.map((d) => d.id)).toEqual([replacement.id]);
    expect(existsSync(await parquetOf(kept.id))).toBe(false);
    expect(await t.services.analytics.resultsOfDataset(kept.id)).toEqual([]);
    expect(await t.services.analytics.resultsOfDataset(replacement.id)).toEqual([
      { title: published!.title, publishedId: published!.id, draftId: null },
    ]);
    const staffPage = (await browser.get(`/analytics/indicators/${published!.id}`)).body;
    expect(staffPage).toContain('These figures were computed from an earlier import of Clinic list');
    const publicPage = await new Browser(t.app).get(`/analytics/indicators/${published!.id}`);
    expect(publicPage.statusCode).toBe(200);
    expect(publicPage.body).not.toContain('earlier import');
  });

  it('refuses while the import runs, and allows it once the import has stopped', async () => {
    const dataset = await importExtract('Still importing');
    // As the record looks while an import is checking rows.
    const running = { status: 'importing', stage: 'checking', updated_at: t.clock.now.toISOString() };
    await t.services.database.db
      .updateTable('analytics_datasets')
      .set(running)
      .where('id', '=', dataset.id)
      .execute();
    const { browser } = await signedIn('staff');
    const confirm = await browser.get(`/analytics/datasets/${dataset.id}/remove`);
    expect(confirm.body).toContain('This dataset is still being imported');
    expect(confirm.body).not.toContain('Remove dataset</button>');
    await expect(t.services.analytics.removeDataset(systemActor, { id: dataset.id })).rejects.toThrow(
      FormError,
    );
    const refused = await browser.post(`/analytics/datasets/${dataset.id}/remove`, {
      _csrf: /name="_csrf" value="([^"]+)"/.exec(confirm.body)![1]!,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#remove"');
    expect(refused.body).toContain('id="remove"');
    expect(existsSync(await parquetOf(dataset.id))).toBe(true);

    // Nothing written for over an hour: the import stopped (say, the server restarted).
    t.clock.now = new Date(t.clock.now.getTime() + 61 * 60 * 1000);
    const stalled = await browser.get(`/analytics/datasets/${dataset.id}/remove`);
    expect(stalled.body).toContain('The import of this dataset stopped without finishing');
    expect((await browser.submit(`/analytics/datasets/${dataset.id}/remove`, {})).statusCode).toBe(303);
    expect(existsSync(await parquetOf(dataset.id))).toBe(false);
  });

  it('deletes the file of an import whose record was removed while it ran', async () => {
    const file = path.join(dir, 'racing.csv');
    writeFileSync(file, extract);
    const { id, finished } = await t.services.analytics.startImport(systemActor, { name: 'Racing', file });
    // Another process removed the record (the import had looked stopped to it).
    await t.services.database.db.deleteFrom('analytics_datasets').where('id', '=', id).execute();
    // Not a failure for the server's log: nothing went wrong but the race.
    expect(await finished).toBeNull();
    expect(existsSync(await parquetOf(id))).toBe(false);
    expect((await t.services.analytics.listDatasets()).map((d) => d.id)).not.toContain(id);
  });

  it("gives the server's log an import that failed for a reason other than the file", async () => {
    const datasets = path.dirname(await parquetOf('any'));
    const file = path.join(dir, 'disk-trouble.csv');
    writeFileSync(file, extract);
    // The store's folder of datasets is not a folder: the file is read, but cannot be stored.
    renameSync(datasets, `${datasets}-away`);
    writeFileSync(datasets, 'not a folder');
    try {
      const { id, finished } = await t.services.analytics.startImport(systemActor, { name: 'Disk', file });
      const failure = await finished;
      expect(failure).toEqual({ name: 'Error', message: expect.stringContaining(datasets) as string });
      expect(failure!.message).not.toContain('\n');
      const dataset = await t.services.analytics.getDataset(id);
      expect(dataset).toMatchObject({ status: 'failed', error: 'The import failed unexpectedly' });

      // Through the import form: the server's log names the failure and nothing the file holds.
      let logs = '';
      const logStream = new Writable({
        write(chunk: Buffer, _encoding, done) {
          logs += chunk.toString();
          done();
        },
      });
      const app = await buildApp(
        { ...t.services, config: { ...t.services.config, logLevel: 'error' } },
        { logStream },
      );
      try {
        const staff = await makeUser(t.services, 'staff');
        const browser = new Browser(app);
        await browser.signIn(staff.email, testPassword);
        const started = await browser.upload('/analytics/datasets/new', { name: 'Disk again' }, [
          { field: 'file', filename: 'disk-trouble.csv', content: extract },
        ]);
        expect(started.statusCode).toBe(303);
        await expect.poll(() => logs, { timeout: 20_000 }).toContain('A dataset import failed unexpectedly');
        const entry = JSON.parse(logs.split('\n').find((line) => line.includes('failed unexpectedly'))!) as {
          datasetId: string;
          failure: { name: string; message: string };
        };
        expect(started.headers.location).toBe(`/analytics/datasets/${entry.datasetId}`);
        expect(entry.failure).toEqual({
          name: 'Error',
          message: expect.stringContaining(datasets) as string,
        });
        for (const value of ['A1', 'X01000001', 'disk-trouble']) expect(logs).not.toContain(value);
      } finally {
        await app.close();
      }
    } finally {
      rmSync(datasets);
      renameSync(`${datasets}-away`, datasets);
    }
  });

  it('lets only staff and admins remove a dataset, and only with the form token', async () => {
    const dataset = await importExtract('Kept extract');
    const { browser: member } = await signedIn('member');
    expect((await member.get(`/analytics/datasets/${dataset.id}/remove`)).statusCode).toBe(403);
    // A valid token (from the member's own dashboard) does not make up for the missing permission.
    const forbidden = await member.submit('/dashboard', {}, `/analytics/datasets/${dataset.id}/remove`);
    expect(forbidden.statusCode).toBe(403);
    expect((await new Browser(t.app).get(`/analytics/datasets/${dataset.id}/remove`)).statusCode).toBe(303);

    const { browser: staff } = await signedIn('staff');
    const noToken = await staff.post(`/analytics/datasets/${dataset.id}/remove`, {});
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('that form has expired');
    const wrongToken = await staff.post(`/analytics/datasets/${dataset.id}/remove`, { _csrf: 'forged' });
    expect(wrongToken.statusCode).toBe(403);

    expect((await t.services.analytics.listDatasets()).map((d) => d.id)).toContain(dataset.id);
    expect(existsSync(await parquetOf(dataset.id))).toBe(true);
  });

  it('removes a dataset by name from the command line service, and says when there is none', async () => {
    const dataset = await importExtract('Named extract');
    const removed = await t.services.analytics.removeDataset(systemActor, { name: 'Named extract' });
    expect(removed).toMatchObject({ id: dataset.id, linked: false, results: 0, published: 0 });
    expect(existsSync(await parquetOf(dataset.id))).toBe(false);
    await expect(t.services.analytics.removeDataset(systemActor, { name: 'Named extract' })).rejects.toThrow(
      'There is no dataset called Named extract',
    );
  });

  it('says so, and stores nothing, when a dataset is removed while its indicators are computed', async () => {
    const dataset = await importExtract('Removed midway');
    // The same services over the same database, whose analytics store removes the dataset as the
    // computation opens it: after the dataset was read, before anything is stored.
    const ctx = analyticsContext({
      db: t.services.database.db,
      audit: t.services.audit,
      clock: () => new Date(),
      dataDir: t.services.config.dataDir,
    });
    const removing = {
      ...ctx,
      store: async () => {
        await t.services.analytics.removeDataset(systemActor, { id: dataset.id });
        return ctx.store();
      },
    };
    await expect(
      computeIndicators(removing, builtInIndicators(), systemActor, { datasetName: 'Removed midway' }),
    ).rejects.toThrow('The dataset Removed midway was removed while its indicators were being computed');
    const left = (await t.services.analytics.listResults(true)).filter((r) => r.datasetId === dataset.id);
    expect(left).toEqual([]);
  });

  it('tells staff who press "Compute" on a dataset removed meanwhile that it was removed', async () => {
    const dataset = await importExtract('Removed while computing');
    const { browser } = await signedIn('staff');
    const page = `/analytics/datasets/${dataset.id}`;
    expect((await browser.get(page)).body).toContain(`action="${page}/compute"`);
    // Someone else removes it after the page was opened, as the computation starts.
    const { compute } = t.services.analytics;
    t.services.analytics.compute = async (actor, input) => {
      await t.services.analytics.removeDataset(systemActor, { id: dataset.id });
      return compute(actor, input);
    };
    try {
      const response = await browser.submit(page, {}, `${page}/compute`);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/analytics/datasets?removed=${dataset.id}&computing=1`);
      const list = await browser.get(response.headers.location as string);
      expect(list.body).toContain(
        'Its indicators were not computed: the dataset was removed while they were being worked out. Removed Removed while computing.',
      );
    } finally {
      t.services.analytics.compute = compute;
    }
  });
});

describe.runIf(dialectsUnderTest().includes('postgres'))(
  'analytics: removing a linked PostgreSQL table',
  () => {
    let appDatabase: TestDatabase;
    let warehouse: TestDatabase;
    let client: pg.Client;
    let t: TestApp;
    beforeAll(async () => {
      appDatabase = await createTestDatabase('sqlite');
      warehouse = await createTestDatabase('postgres', { migrate: false });
      t = await buildTestApp(appDatabase.handle, { analyticsDatabaseUrl: warehouse.url });
      await loadSyntheticGeography(await analyticsStore(t.services.config.dataDir));
      client = new pg.Client({ connectionString: warehouse.url });
      await client.connect();
      await client.query('CREATE SCHEMA clinic');
      await client.query(
        'CREATE TABLE clinic.activity (lsoa_code text, period text, age_band text, esp_band integer, sex text, ethnic_code text, dna integer)',
      );
      await client.query(
        "INSERT INTO clinic.activity VALUES ('X01000001', '2024/25', '35-44', 9, 'F', 'A', 1), ('X01000002', '2024/25', '45-54', 11, 'M', 'H', 0)",
      );
    }, 120_000);
    afterAll(async () => {
      await t.services.analytics.close();
      await client.end();
      await warehouse.drop();
      await appDatabase.drop();
    });

    it("removes only Parity's link: the table and its rows stay", async () => {
      const dataset = await t.services.analytics.linkTable(systemActor, {
        name: 'Warehouse clinic',
        table: 'clinic.activity',
      });
      await t.services.analytics.compute(systemActor, { datasetName: 'Warehouse clinic' });
      const user = await makeUser(t.services, 'staff');
      const browser = new Browser(t.app);
      await browser.signIn(user.email, testPassword);
      const confirm = await browser.get(`/analytics/datasets/${dataset.id}/remove`);
      expect(confirm.body).toContain('does not change or delete the table <code>clinic.activity</code>');
      const removed = await browser.submit(`/analytics/datasets/${dataset.id}/remove`, {});
      expect(removed.statusCode).toBe(303);
      expect((await browser.get(removed.headers.location as string)).body).toContain(
        'Removed Warehouse clinic, the link to the PostgreSQL table clinic.activity, and deleted the result worked out from it. The table itself has not been changed.',
      );
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM clinic.activity');
      expect(Number(rows[0]!.n)).toBe(2);
      expect(await t.services.analytics.listDatasets()).toEqual([]);
      expect(await t.services.analytics.listResults(true)).toEqual([]);
    });
  },
);
