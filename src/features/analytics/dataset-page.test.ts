import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { temporaryDir } from '../../../test/temporary-dirs.ts';
import { analyticsStore } from '../../analytics/store.ts';
import { loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import { systemActor } from '../audit/audit.ts';
import { FormError } from '../shared/errors.ts';

// What a dataset's page says before anything is computed: what it can give and what it cannot, and
// what in its rows would keep the gaps from being seen.
describeEachDatabase("analytics: a dataset's page before computing", (current) => {
  let t: TestApp;
  let dir: string;
  let staff: Browser;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    dir = temporaryDir('parity-given-');
    await loadSyntheticGeography(await analyticsStore(t.services.config.dataDir));
    staff = new Browser(t.app);
    await staff.signIn((await makeUser(t.services, 'staff')).email, testPassword);
  }, 60_000);
  afterAll(async () => {
    await t.services.analytics.close();
  });

  const importCsv = async (name: string, csv: string) => {
    const file = path.join(dir, `${name.replace(/\W/g, '-')}.csv`);
    writeFileSync(file, csv);
    await t.services.analytics.importDataset(systemActor, { name, file });
    const dataset = (await t.services.analytics.listDatasets()).find((d) => d.name === name)!;
    return { dataset, page: (await staff.get(`/analytics/datasets/${dataset.id}`)).body };
  };
  const catalogueSize = builtInIndicators().length;

  it('names the one indicator an outpatients extract gives, and folds away those of other extracts', async () => {
    const { page } = await importCsv(
      'Clinic attendances',
      'person_id,lsoa_code,age,sex,ethnic_code,event_date,dna,Weeks waited (RTT)\n' +
        'A1,X01000001,40,F,A,2024-05-01,1,3\nA2,X01000002,50,M,H,2024-06-01,0,9\nA3,X01000003,61,F,B,2024-07-01,0,12\n',
    );
    expect((await t.services.analytics.indicatorsOf('Clinic attendances')).given).toEqual([
      { id: 'did-not-attend', title: 'Outpatient appointments not attended (DNA rate)' },
    ]);
    expect(page).toContain(
      `This dataset can give one of the catalogue's ${catalogueSize} indicators: Outpatient appointments not attended (DNA rate).`,
    );
    expect(page).toContain('action="/analytics/datasets/');
    // The waiting-list indicators have a column that may hold their field: said in the open.
    const [open, folded] = page.split('that need measures of other kinds of extract');
    expect(open).toMatch(
      /<li>[^<]*Median wait on the waiting list: each needs a field[^<]*Weeks waited \(RTT\)/,
    );
    // An admissions indicator needs what no outpatients extract has: in the folded list only.
    expect(open).not.toContain('emergency_admission');
    expect(folded).toContain('needs a field this dataset does not have: emergency_admission.');
    const missing = await t.services.analytics.notComputed('Clinic attendances');
    expect(missing.find((m) => m.id === 'emergency-admissions')?.fieldsOnly).toBe(true);
    expect(missing.find((m) => m.id === 'waiting-median-weeks')?.fieldsOnly).toBe(false);
  });

  it('says when a dataset gives none of them, offers no button, and refuses to compute nothing', async () => {
    const { page } = await importCsv(
      'Referrals without measures',
      'person_id,lsoa_code,age,sex,ethnic_code,event_date\nB1,X01000001,40,F,A,2024-05-01\nB2,X01000002,50,M,H,2024-06-01\n',
    );
    expect((await t.services.analytics.indicatorsOf('Referrals without measures')).given).toEqual([]);
    expect(page).toContain('This dataset can give none of the catalogue&#39;s indicators');
    expect(page).toContain(`Each of the catalogue's ${catalogueSize} indicators needs something`);
    expect(page).not.toContain('/compute"');
    // A refusal's error summary links to the warning, which says what to do instead.
    expect(page).toMatch(/<div id="compute">[^]{0,400}This dataset can give none of the catalogue/);
    const error: unknown = await t.services.analytics
      .compute(systemActor, { datasetName: 'Referrals without measures' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FormError);
    expect((error as FormError).errors).toEqual([
      {
        field: 'compute',
        message: `Nothing was computed: Referrals without measures can give none of the catalogue's ${catalogueSize} indicators. The dataset's page, or parity indicators compute with --indicator <id>, says what each one needs.`,
      },
    ]);
    expect(
      await t.services.analytics.resultsOfDataset(
        (await t.services.analytics.listDatasets()).find((d) => d.name === 'Referrals without measures')!.id,
      ),
    ).toEqual([]);
  });

  it('gives the share of rows with a problem, linked to the validation report', async () => {
    const { dataset, page } = await importCsv(
      'Attendances, some areas unknown',
      'person_id,lsoa_code,age,sex,ethnic_code,event_date,dna\n' +
        'C1,X01000001,40,F,A,2024-05-01,1\nC2,E01999999,50,M,H,2024-06-01,0\nC3,X01000003,61,F,B,2024-07-01,0\nC4,X01000004,33,M,A,2024-07-02,0\n',
    );
    expect(dataset.rowsWithProblems).toBe(1);
    expect(page).toContain(
      '1 (25.0% of the rows read): <a href="#validation-report">see the validation report</a>',
    );
    expect(page).toContain('<h2 id="validation-report">Validation report</h2>');
    // One row in four without a known area: the table of recording says so, without a warning.
    expect(page).not.toContain('known area of residence');
  });

  it('warns first when most rows, or all, have no known area of residence', async () => {
    const header = 'person_id,lsoa_code,age,sex,ethnic_code,event_date,dna\n';
    const most = await importCsv(
      'Attendances elsewhere',
      header +
        'D1,X01000001,40,F,A,2024-05-01,1\nD2,E01999999,50,M,H,2024-06-01,0\nD3,E01999998,61,F,B,2024-07-01,0\nD4,,33,M,A,2024-07-02,0\n',
    );
    const warning = most.page.indexOf('Most rows have no known area of residence');
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(most.page.indexOf('Compute the indicators'));
    expect(most.page).toContain(
      '75.0% of the rows of this dataset have an LSOA code the reference geography does not hold, or none.',
    );
    expect(most.page).toContain('the gaps by deprivation and place rest on the other rows only');
    // Half is not most.
    const half = await importCsv(
      'Attendances half elsewhere',
      header + 'F1,X01000001,40,F,A,2024-05-01,1\nF2,E01999999,50,M,H,2024-06-01,0\n',
    );
    expect(half.page).not.toContain('known area of residence');
    const all = await importCsv(
      'Attendances all elsewhere',
      header + 'E1,E01999999,50,M,H,2024-06-01,0\nE2,E01999998,61,F,B,2024-07-01,1\n',
    );
    expect(all.page).toContain('No row has a known area of residence');
    expect(all.page).toContain(
      'Every row of this dataset has an LSOA code the reference geography does not hold',
    );
    expect(all.page).toContain('The <a href="#validation-report">validation report</a> names the codes.');
  });
});
