import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';

const form = '/analytics/datasets/new';
const header = 'person_id,lsoa_code,age,sex,ethnic_code,event_date,dna\n';
/** An extract of `rows` rows, about 32 bytes each. */
const extract = (rows: number) =>
  header +
  Array.from({ length: rows }, (_v, i) => `P${i},X01000001,${i % 90},F,A,2024-05-01,${i % 2}`).join('\n');

describeEachDatabase('extracts uploaded on the import page', (current) => {
  let t: TestApp;
  let small: TestApp;
  const signedIn = async (app: TestApp) => {
    const staff = await makeUser(app.services, 'staff');
    const browser = new Browser(app.app);
    await browser.signIn(staff.email, testPassword);
    return browser;
  };
  const leftIn = (app: TestApp) => {
    const folder = path.join(app.services.config.dataDir, 'analytics', 'uploads');
    return existsSync(folder) ? readdirSync(folder) : [];
  };
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    small = await buildTestApp(current().handle, { datasetUploadBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await t.services.analytics.close();
    await small.services.analytics.close();
  });

  it('takes files larger than other forms allow, written to disk as they arrive', async () => {
    const content = extract(400_000);
    expect(content.length).toBeGreaterThan(11 * 1024 * 1024);
    const response = await (
      await signedIn(t)
    ).upload(form, { name: 'Large extract' }, [{ field: 'file', filename: 'large.csv', content }]);
    expect(response.statusCode, response.body).toBe(303);
    await expect
      .poll(
        async () =>
          (await t.services.analytics.listDatasets()).find((d) => d.name === 'Large extract')?.status,
        {
          timeout: 30_000,
        },
      )
      .toBe('ready');
    const dataset = (await t.services.analytics.listDatasets()).find((d) => d.name === 'Large extract');
    expect(dataset).toMatchObject({ rowsStored: 400_000, sourceFile: 'large.csv' });
    // The upload went into the import and is removed once the import has finished (just after
    // the dataset is marked ready).
    await expect.poll(() => leftIn(t), { timeout: 10_000 }).toEqual([]);
  });

  it('offers no example extract without the demo, whose postcodes it holds', async () => {
    const browser = await signedIn(t);
    expect((await browser.get(form)).body).not.toContain('example-extract.csv');
    expect((await browser.get('/analytics/datasets/example-extract.csv')).statusCode).toBe(404);
  });

  it('refuses a file over the configured limit, naming it, and keeps nothing of it', async () => {
    const browser = await signedIn(small);
    const page = await browser.get(form);
    expect(page.body).toContain('Files up to 1 MB can be imported here');
    const refused = await browser.upload(form, { name: 'Too large' }, [
      { field: 'file', filename: 'too-large.csv', content: extract(40_000) },
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain(
      'Files over 1 MB must be imported with the command line (parity dataset import)',
    );
    // A file within the limit but refused for another reason is not kept either.
    const unnamed = await browser.upload(form, { name: '' }, [
      { field: 'file', filename: 'fine.csv', content: extract(10) },
    ]);
    expect(unnamed.body).toContain('Enter a name for the dataset');
    expect(leftIn(small)).toEqual([]);
    const names = (await small.services.analytics.listDatasets()).map((d) => d.name);
    expect(names).not.toContain('Too large');
  });
});
