import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dialectsUnderTest, type TestDatabase } from '../../../test/test-db.ts';
import { createActivityTable } from '../../../test/postgres-tables.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { analyticsStore } from '../../analytics/store.ts';
import { loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import type { IndicatorResult } from '../../analytics/indicators/result.ts';
import { systemActor } from '../audit/audit.ts';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import { ethnicCategories } from '../../analytics/datasets/ethnicity.ts';
import { measureCodings } from '../../analytics/datasets/coded-measures.ts';

/** Numbers to 9 significant digits: DuckDB and PostgreSQL may add doubles in another order. */
const rounded = (value: unknown): unknown => {
  if (typeof value === 'number') return Number.isFinite(value) ? Number(value.toPrecision(9)) : value;
  if (Array.isArray(value)) return value.map(rounded);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
};
const comparable = (r: IndicatorResult) => ({
  indicator: r.indicatorId,
  rows: rounded(
    [...r.rows].sort((a, b) =>
      `${a.period}${a.dimension}${a.order}`.localeCompare(`${b.period}${b.dimension}${b.order}`),
    ),
  ),
  summaries: rounded(r.summaries),
  trend: r.trend,
});

// A dataset in a PostgreSQL table gives the same published results as the same rows imported from a file.
describe.runIf(dialectsUnderTest().includes('postgres'))('datasets linked as PostgreSQL tables', () => {
  let appDatabase: TestDatabase;
  let warehouse: TestDatabase;
  let client: pg.Client;
  let t: TestApp;
  beforeAll(async () => {
    appDatabase = await createTestDatabase('sqlite');
    warehouse = await createTestDatabase('postgres', { migrate: false });
    t = await buildTestApp(appDatabase.handle, { analyticsDatabaseUrl: warehouse.url });
    const store = await analyticsStore(t.services.config.dataDir);
    await loadSyntheticGeography(store);
    const file = path.join(t.services.config.dataDir, 'activity.parquet');
    await t.services.analytics.generateDemoData(6_000, file);
    const imported = await t.services.analytics.importDataset(systemActor, { name: 'From a file', file });
    // The same standard columns, as a warehouse table.
    const rows = await store.query(
      `SELECT * EXCLUDE (event_date), CAST(event_date AS VARCHAR) AS event_date FROM read_parquet('${store.datasetPath(`${imported.id}.parquet`)}')`,
    );
    client = new pg.Client({ connectionString: warehouse.url });
    await client.connect();
    await client.query('CREATE SCHEMA clinic');
    await createActivityTable(client, 'clinic.activity', rows);
    await client.query('CREATE TABLE clinic.incomplete (area text, period text)');
  }, 120_000);
  /** The columns of the warehouse's table, in order. */
  const activityColumnNames = async () =>
    (
      await client.query<{ column_name: string }>(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'clinic' AND table_name = 'activity' ORDER BY ordinal_position",
      )
    ).rows.map((r) => r.column_name);
  afterAll(async () => {
    await t.services.analytics.close();
    await client.end();
    await warehouse.drop();
    await appDatabase.drop();
  });

  it('links the table, counting its rows and naming its measures and flags', async () => {
    const linked = await t.services.analytics.linkTable(systemActor, {
      name: 'In the warehouse',
      table: 'clinic.activity',
    });
    expect(linked.format).toBe('postgres');
    expect(linked.rowsStored).toBe(6_000);
    expect(linked.fields?.flags).toEqual(['flag_smi', 'flag_learning_disability']);
    expect(linked.fields?.measures).toEqual(
      expect.arrayContaining(['dna', 'wait_weeks', 'emergency_admission']),
    );
    expect(linked.fields?.attributes).toEqual(['activity']);
    // The first and last event dates when it was linked, as an import keeps them.
    const fromFile = (await t.services.analytics.listDatasets()).find((d) => d.name === 'From a file')!;
    expect(linked.fields?.dates).toEqual(fromFile.fields?.dates);
    const reference = await client.query<{ n: string }>(
      'SELECT count(*) AS n FROM parity_reference.lsoa_geography',
    );
    expect(Number(reference.rows[0]?.n)).toBe(600);
  });

  it('computes the same published results there as from the imported file', async () => {
    const fromFile = await t.services.analytics.compute(systemActor, { datasetName: 'From a file' });
    const inWarehouse = await t.services.analytics.compute(systemActor, { datasetName: 'In the warehouse' });
    expect(fromFile.length).toBe(builtInIndicators().length);
    expect(inWarehouse.map(comparable)).toEqual(fromFile.map(comparable));
    // Detentions by ethnic group too, over the census residents copied there.
    const detentions = inWarehouse.find((r) => r.indicatorId === 'mha-detentions')!;
    const groupsOf = (dimension: string) =>
      new Set(detentions.rows.filter((r) => r.dimension === dimension).map((r) => r.group)).size;
    expect(groupsOf('ethnic_broad')).toBe(5);
    expect(groupsOf('ethnic_detailed')).toBeGreaterThan(10);
    const median = inWarehouse.find((r) => r.indicatorId === 'waiting-median-weeks')!;
    expect(median.rows.find((r) => r.dimension === 'overall')?.lower95).toEqual(expect.any(Number));
    // The recording-quality counts too, counted in PostgreSQL.
    const recorded = await t.services.analytics.recordingQuality('In the warehouse');
    expect(recorded.total).toBe(6_000);
    expect(recorded).toEqual(await t.services.analytics.recordingQuality('From a file'));
    // And who it reaches by ethnic group, against census groups made up for the synthetic LSOAs.
    const store = await analyticsStore(t.services.config.dataDir);
    await store.run(
      `COPY (SELECT g.lsoa_code, '2021' AS vintage, e.ethnic_broad, CAST(100 + g.imd_decile * e.k AS INTEGER) AS people FROM read_parquet('${store.geographyPath('lsoa_geography')}') g, (VALUES ('Asian or Asian British', 3), ('White', 20), ('Other ethnic group', 1)) e(ethnic_broad, k)) TO '${store.geographyPath('lsoa_ethnicity')}' (FORMAT parquet)`,
    );
    const reached = await t.services.analytics.ethnicReach('In the warehouse');
    expect(reached.status).toBe('ready');
    expect(rounded(reached)).toEqual(rounded(await t.services.analytics.ethnicReach('From a file')));
    // And by deprivation, against the synthetic populations copied there.
    const byQuintile = await t.services.analytics.deprivationReach('In the warehouse');
    expect(byQuintile.status).toBe('ready');
    expect(byQuintile.status === 'ready' && byQuintile.allowingForAge?.groups.length).toBe(5);
    expect(rounded(byQuintile)).toEqual(rounded(await t.services.analytics.deprivationReach('From a file')));

    // A linked table may change at any time: its reach is counted again ten minutes on, not before.
    const columns = await activityColumnNames();
    await client.query(
      `INSERT INTO clinic.activity (${columns.join(', ')}) SELECT ${columns.map((c) => (c === 'person_id' ? "'NEW-PERSON'" : c)).join(', ')} FROM clinic.activity WHERE lsoa_code IS NOT NULL LIMIT 1`,
    );
    try {
      const peopleNow = async () => {
        const reach = await t.services.analytics.deprivationReach('In the warehouse');
        return reach.status === 'ready' ? reach.people : null;
      };
      const before = byQuintile.status === 'ready' ? byQuintile.people : null;
      expect(await peopleNow()).toBe(before);
      t.clock.now = new Date(t.clock.now.getTime() + 10 * 60_000);
      expect(await peopleNow()).toBe(before! + 1);
    } finally {
      await client.query("DELETE FROM clinic.activity WHERE person_id = 'NEW-PERSON'");
    }
  });

  it('works out the age bands and financial years of a table of ages, dates and NHS sex codes', async () => {
    const columns = (await activityColumnNames()).filter(
      (c) => !['age_band', 'esp_band', 'period'].includes(c),
    );
    // Sex as a warehouse may hold it: the NHS Data Dictionary's codes, as numbers; ethnic groups by
    // their Data Dictionary descriptions ("Asian or Asian British - Indian", "Not stated").
    const described = ethnicCategories.map(
      (c) => `WHEN '${c.code}' THEN '${c.detailed.replace(': ', ' - ')}'`,
    );
    const held: Record<string, string> = {
      sex: "CASE sex WHEN 'M' THEN 1 WHEN 'F' THEN 2 ELSE 9 END AS sex",
      ethnic_code: `CASE ethnic_code ${described.join(' ')} END AS ethnic_code`,
    };
    await client.query(
      `CREATE VIEW clinic.ages_and_dates AS SELECT ${columns.map((c) => held[c] ?? c).join(', ')} FROM clinic.activity`,
    );
    const linked = await t.services.analytics.linkTable(systemActor, {
      name: 'Ages and dates',
      table: 'clinic.ages_and_dates',
    });
    expect(linked.report?.warnings).toContain(
      'The table has no age_band, esp_band and period columns, so Parity reads the age band from age, the ESP2013 age band from age and the financial year from event_date, in each query where the data is. A large table is computed faster with those columns in it (a materialised view, say).',
    );
    expect(linked.report?.warnings).toContain(
      '6,000 rows have a sex written otherwise than F, M or U: read as an import reads it (1 or Male as male, 2 or Female as female, 0, 9 or Not known as not known).',
    );
    const [heldEthnic] = (
      await client.query<{ rows: string; codes: string }>(
        'SELECT COUNT(ethnic_code) AS rows, COUNT(DISTINCT ethnic_code) AS codes FROM clinic.activity',
      )
    ).rows;
    expect(linked.report?.warnings).toContain(
      `${Number(heldEthnic!.rows).toLocaleString('en-GB')} rows have an ethnic group written otherwise than as an NHS ethnic category code (${heldEthnic!.codes} different values, for example "White - British", read as A): read as an import reads it. The values were read when the table was linked; link it again to read values added since, which count as not stated or not known until then.`,
    );
    expect(linked.report?.warnings.filter((w) => w.includes('ethnic_code'))).toEqual([]);
    // Dates standing for none (01/01/1900, 31/12/9999) are counted, and in no financial year.
    await client.query(
      `CREATE VIEW clinic.placeholder_dates AS (SELECT person_id, lsoa_code, DATE '2024-05-01' AS event_date FROM clinic.activity LIMIT 8)
         UNION ALL (SELECT person_id, lsoa_code, DATE '1900-01-01' FROM clinic.activity LIMIT 1)
         UNION ALL (SELECT person_id, lsoa_code, DATE '9999-12-31' FROM clinic.activity LIMIT 1)`,
    );
    const placeholders = await t.services.analytics.linkTable(systemActor, {
      name: 'Placeholder dates',
      table: 'clinic.placeholder_dates',
    });
    expect(placeholders.fields?.dates).toEqual({ first: '2024-05-01', last: '2024-05-01' });
    expect(placeholders.report?.warnings).toContain(
      `2 rows have a date before April 1948 or after 31 March ${new Date().getUTCFullYear() + 2} (a date such as 01/01/1900 or 31/12/9999 often stands for one not known): they are in no financial year, so in the period "Not known".`,
    );
    // Values Parity cannot read are counted, with an example: they count as not known.
    await client.query(
      "CREATE VIEW clinic.described AS (SELECT lsoa_code, 'White British' AS ethnic_code FROM clinic.activity LIMIT 7) UNION ALL (SELECT lsoa_code, 'Martian' FROM clinic.activity LIMIT 3)",
    );
    const oddly = await t.services.analytics.linkTable(systemActor, {
      name: 'Described',
      table: 'clinic.described',
    });
    // Without person identifiers, who it reaches is counted in rows.
    expect(oddly.report?.warnings).toContain(
      'The table has no person_id column, so who it reaches is counted in rows, each taken as a person.',
    );
    const inPlaces = async (where: string) =>
      Number(
        (
          await client.query<{ n: string }>(
            `SELECT COUNT(*) AS n FROM clinic.described d JOIN parity_reference.lsoa_geography g
               ON g.lsoa_code = d.lsoa_code AND g.vintage = '2021' AND g.in_area = 1 WHERE ${where}`,
          )
        ).rows[0]!.n,
      );
    const byEthnicGroup = await t.services.analytics.ethnicReach('Described');
    expect(byEthnicGroup.status === 'ready' && byEthnicGroup.people).toBe(
      await inPlaces("ethnic_code = 'White British'"),
    );
    const byQuintile = await t.services.analytics.deprivationReach('Described');
    expect(byQuintile.status === 'ready' && byQuintile.people).toBe(await inPlaces('true'));
    // Nor ages or dates: none is recorded.
    const recorded = await t.services.analytics.recordingQuality('Described');
    expect([recorded.total, recorded.counts.ageMissing, recorded.counts.dateMissing]).toEqual([10, 10, 10]);
    expect(oddly.report?.warnings.filter((w) => w.includes('ethnic'))).toEqual([
      '7 rows have an ethnic group written otherwise than as an NHS ethnic category code (1 value, for example "White British", read as A): read as an import reads it. The values were read when the table was linked; link it again to read values added since, which count as not stated or not known until then.',
      '3 rows have an ethnic_code Parity cannot read as an ethnic group (for example "Martian"): counted as not stated or not known. A view can turn a warehouse\'s own values into the codes.',
    ]);
    const fromFile = await t.services.analytics.compute(systemActor, { datasetName: 'From a file' });
    expect(fromFile.some((r) => r.rows.some((row) => row.dimension === 'sex' && row.group === 'F'))).toBe(
      true,
    );
    const worked = await t.services.analytics.compute(systemActor, { datasetName: 'Ages and dates' });
    expect(worked.map(comparable)).toEqual(fromFile.map(comparable));
  });

  it('reads ages and event dates held as text, as a staging table holds them', async () => {
    const columns = (await activityColumnNames()).filter(
      (c) => !['age_band', 'esp_band', 'period'].includes(c),
    );
    // Ages as text, every third in words ("45 years"); dates written day first, as 01/05/2024.
    const held: Record<string, string> = {
      age: "CASE WHEN age % 3 = 0 THEN age || ' years' ELSE CAST(age AS text) END AS age",
      event_date: "to_char(event_date, 'DD/MM/YYYY') AS event_date",
    };
    await client.query(
      `CREATE VIEW clinic.text_ages_and_dates AS SELECT ${columns.map((c) => held[c] ?? c).join(', ')} FROM clinic.activity`,
    );
    const linked = await t.services.analytics.linkTable(systemActor, {
      name: 'Text ages and dates',
      table: 'clinic.text_ages_and_dates',
    });
    const [inWords] = (
      await client.query<{ rows: string; ages: string }>(
        'SELECT COUNT(*) AS rows, COUNT(DISTINCT age) AS ages FROM clinic.activity WHERE age % 3 = 0',
      )
    ).rows;
    expect(linked.report?.warnings).toEqual(
      expect.arrayContaining([
        'The table has no age_band, esp_band and period columns, so Parity reads the age band from age, the ESP2013 age band from age and the financial year from event_date, in each query where the data is. A large table is computed faster with those columns in it (a materialised view, say).',
        expect.stringMatching(
          new RegExp(
            `^${Number(inWords!.rows).toLocaleString('en-GB')} rows have an age written otherwise than in whole years \\(${inWords!.ages} different values, for example "\\d+ years", read as \\d+\\): read as an import reads it`,
          ),
        ),
        "The table's event_date column holds text: its dates are read as written day first (01/05/2024 is 1 May 2024), in each query where the data is. A large table is computed faster with its dates as dates.",
      ]),
    );
    expect(linked.report?.warnings.filter((w) => w.includes('cannot read'))).toEqual([]);
    // The first and last dates too, as the import of the same rows keeps them.
    const fromFileDataset = (await t.services.analytics.listDatasets()).find(
      (d) => d.name === 'From a file',
    )!;
    expect(fromFileDataset.fields?.dates?.first).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(linked.fields).toMatchObject({
      hasAgeInYears: true,
      eventDates: { form: 'day-first', notDates: [] },
      dates: fromFileDataset.fields?.dates,
    });
    const fromFile = await t.services.analytics.compute(systemActor, { datasetName: 'From a file' });
    const fromText = await t.services.analytics.compute(systemActor, { datasetName: 'Text ages and dates' });
    expect(fromText.map(comparable)).toEqual(fromFile.map(comparable));
    expect(await t.services.analytics.recordingQuality('Text ages and dates')).toEqual(
      await t.services.analytics.recordingQuality('From a file'),
    );
  });

  it('reads ESP2013 five-year age bands given instead of ages, with directly standardised rates', async () => {
    const columns = (await activityColumnNames()).filter((c) => !['age', 'esp_band'].includes(c));
    // The same rows with Parity's bands and the five-year bands' index written in, and with the
    // five-year bands as text alone ("20-24", "90+"); people aged 15 to 19, whose five-year band
    // Parity's bands part, are left out of both.
    const fiveYear =
      "CASE WHEN age >= 90 THEN '90+' ELSE (age / 5 * 5) || '-' || (age / 5 * 5 + 4) END AS age_band";
    const rows = 'FROM clinic.activity WHERE age IS NULL OR age NOT BETWEEN 15 AND 19';
    await client.query(`CREATE VIEW clinic.parity_bands AS SELECT ${columns.join(', ')}, esp_band ${rows}`);
    await client.query(
      `CREATE VIEW clinic.five_year_bands AS SELECT ${columns.map((c) => (c === 'age_band' ? fiveYear : c)).join(', ')} ${rows}`,
    );
    await t.services.analytics.linkTable(systemActor, { name: 'Parity bands', table: 'clinic.parity_bands' });
    const linked = await t.services.analytics.linkTable(systemActor, {
      name: 'Five-year bands',
      table: 'clinic.five_year_bands',
    });
    expect(linked.fields?.hasEspBand).toBe(true);
    expect(linked.report?.warnings).toContain(
      "The table's age_band column holds ESP2013's five-year bands (20-24, 90+): each is read as the band of Parity's that holds it, and gives directly standardised rates. They were read when the table was linked; link it again to read bands added since.",
    );
    const withBands = await t.services.analytics.compute(systemActor, { datasetName: 'Parity bands' });
    const fromFiveYear = await t.services.analytics.compute(systemActor, { datasetName: 'Five-year bands' });
    expect(withBands.some((r) => r.statistic === 'dsr')).toBe(true);
    expect(fromFiveYear.map(comparable)).toEqual(withBands.map(comparable));
  });

  it('copies the reference geography again only after a new geography import', async () => {
    const tableId = async () =>
      (await client.query<{ oid: number }>(`SELECT 'parity_reference.lsoa_geography'::regclass::oid AS oid`))
        .rows[0]?.oid;
    const before = await tableId();
    await t.services.analytics.compute(systemActor, { datasetName: 'In the warehouse', by: ['sex'] });
    expect(await tableId()).toBe(before);
    await loadSyntheticGeography(await analyticsStore(t.services.config.dataDir));
    await t.services.analytics.compute(systemActor, { datasetName: 'In the warehouse', by: ['sex'] });
    expect(await tableId()).not.toBe(before);
  });

  it('links the table again under its name, keeping its published results up', async () => {
    const before = (await t.services.analytics.listDatasets()).find((d) => d.name === 'In the warehouse')!;
    await t.services.analytics.compute(systemActor, { datasetName: 'In the warehouse', by: ['sex'] });
    const [result] = (await t.services.analytics.listResults(true)).filter((r) => r.datasetId === before.id);
    await t.services.analytics.publish(systemActor, result!.id);
    const relinked = await t.services.analytics.linkTable(systemActor, {
      name: 'In the warehouse',
      table: 'clinic.activity',
    });
    expect(relinked.id).not.toBe(before.id);
    const named = (await t.services.analytics.listDatasets()).filter((d) => d.name === 'In the warehouse');
    expect(named.map((d) => d.id)).toEqual([relinked.id]);
    expect(await t.services.analytics.resultsOfDataset(relinked.id)).toEqual([
      { title: result!.title, publishedId: result!.id, draftId: null },
    ]);
  });

  it('links a table from the web form, showing what is wrong in the error summary first', async () => {
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const wrong = await browser.submit('/analytics/datasets/link', {
      name: 'Warehouse outpatients',
      table: 'clinic.incomplete',
      vintage: '2021',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('nhsuk-error-summary');
    expect(wrong.body).toContain('href="#table"');
    expect(wrong.body).toMatch(/has no lsoa_code column/);
    expect(wrong.body).toContain('value="Warehouse outpatients"');
    const linked = await browser.submit('/analytics/datasets/link', {
      name: 'Warehouse outpatients',
      table: 'clinic.activity',
      vintage: '2021',
    });
    expect(linked.statusCode).toBe(303);
    const page = await browser.get(linked.headers.location as string);
    expect(page.body).toContain('PostgreSQL table (indicators are computed there)');
    expect(page.body).toMatch(
      /\d{1,2} [A-Z][a-z]+ \d{4} to \d{1,2} [A-Z][a-z]+ \d{4} when the table was linked/,
    );
    expect(page.body).toContain('clinic.activity');
    expect(page.body).toContain('6,000');
  });

  it('shows the pages of a table of LSOA codes and one measure alone, and computes its indicators', async () => {
    await client.query(
      'CREATE VIEW clinic.bare AS SELECT lsoa_code, dna, emergency_admission FROM clinic.activity',
    );
    const bare = await t.services.analytics.linkTable(systemActor, { name: 'Bare', table: 'clinic.bare' });
    const computed = await t.services.analytics.compute(systemActor, { datasetName: 'Bare' });
    expect(computed.map((r) => r.indicatorId)).toContain('did-not-attend');
    const staff = new Browser(t.app);
    await staff.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    for (const page of ['', '/reach'])
      expect((await staff.get(`/analytics/datasets/${bare.id}${page}`)).statusCode).toBe(200);
    // The same measures as the Data Dictionary's codes, read as an import reads them.
    await client.query(
      `CREATE VIEW clinic.coded AS SELECT lsoa_code,
         CASE dna WHEN 1 THEN '3' WHEN 0 THEN '5' END AS attended_or_did_not_attend,
         CASE emergency_admission WHEN 1 THEN '2A' WHEN 0 THEN 'Elective' END AS admission_method
       FROM clinic.activity`,
    );
    const coded = await t.services.analytics.linkTable(systemActor, { name: 'Coded', table: 'clinic.coded' });
    const readWhenLinked =
      ' Its values were read when the table was linked; link it again to read values added since.';
    expect(coded.report?.warnings).toEqual(
      expect.arrayContaining([
        measureCodings.attendance.note('attended_or_did_not_attend') + readWhenLinked,
        measureCodings['admission-method'].note('admission_method') + readWhenLinked,
      ]),
    );
    const fromCodes = await t.services.analytics.compute(systemActor, { datasetName: 'Coded' });
    expect(fromCodes.map(comparable)).toEqual(computed.map(comparable));
    // Codes in the measure's own column are read as codes too (as numbers or as text), not as the
    // numbers 3 and 5, or 21 and 11.
    await client.query(
      `CREATE VIEW clinic.coded_in_place AS SELECT lsoa_code, CASE dna WHEN 1 THEN 3 WHEN 0 THEN 5 END AS dna,
         CASE emergency_admission WHEN 1 THEN '21' WHEN 0 THEN '11' END AS emergency_admission
       FROM clinic.activity`,
    );
    await t.services.analytics.linkTable(systemActor, {
      name: 'Coded in place',
      table: 'clinic.coded_in_place',
    });
    const inPlace = await t.services.analytics.compute(systemActor, { datasetName: 'Coded in place' });
    expect(inPlace.map(comparable)).toEqual(computed.map(comparable));
    // Ages of another type (intervals) are not read, and say so, rather than failing the indicators
    // that ask for ages.
    await client.query(
      'CREATE VIEW clinic.interval_ages AS SELECT lsoa_code, make_interval(years => age) AS age, dna, emergency_admission FROM clinic.activity',
    );
    const intervalAges = await t.services.analytics.linkTable(systemActor, {
      name: 'Ages as intervals',
      table: 'clinic.interval_ages',
    });
    expect(intervalAges.report?.warnings).toContain(
      "The table's age column is of type interval, neither numbers nor text, so its ages are not read: give them as numbers (in a view, say).",
    );
    expect(intervalAges.fields?.hasAgeInYears).toBe(false);
    const withAges = await t.services.analytics.compute(systemActor, { datasetName: 'Ages as intervals' });
    expect(withAges.map((r) => r.indicatorId)).toEqual(computed.map((r) => r.indicatorId));
  });

  it('reads measures and flags held as booleans, as yes and no, or as numbers of any type', async () => {
    const older = 'CASE WHEN age > 60 THEN 1 WHEN age <= 60 THEN 0 END';
    await client.query(
      `CREATE VIEW clinic.numbers AS SELECT lsoa_code, dna, emergency_admission, ${older} AS flag_older FROM clinic.activity`,
    );
    await client.query(
      `CREATE VIEW clinic.words AS SELECT lsoa_code, dna = 1 AS dna,
         CASE emergency_admission WHEN 1 THEN 'Y' WHEN 0 THEN 'N' END AS emergency_admission,
         CASE ${older} WHEN 1 THEN 'Yes' WHEN 0 THEN 'No' END AS flag_older
       FROM clinic.activity`,
    );
    await t.services.analytics.linkTable(systemActor, { name: 'Numbers', table: 'clinic.numbers' });
    const words = await t.services.analytics.linkTable(systemActor, { name: 'Words', table: 'clinic.words' });
    expect(words.fields?.measures).toEqual(['dna', 'emergency_admission']);
    expect(words.report?.warnings).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^The column "emergency_admission" holds numbers as text \(for example "[YN]"\): read as numbers, yes as 1 and no as 0, from its values when the table was linked/,
        ),
        expect.stringMatching(
          /^The column "flag_older" holds a flag as text \(for example "(Yes|No)"\): read as 1 or 0/,
        ),
      ]),
    );
    const fromNumbers = await t.services.analytics.compute(systemActor, { datasetName: 'Numbers' });
    expect(fromNumbers.some((r) => r.rows.some((row) => row.dimension === 'flag_older'))).toBe(true);
    const fromWords = await t.services.analytics.compute(systemActor, { datasetName: 'Words' });
    expect(fromWords.map(comparable)).toEqual(fromNumbers.map(comparable));
    // Numbers of other types (numeric, real) give the same results.
    await client.query(
      `CREATE VIEW clinic.decimals AS SELECT lsoa_code, CAST(dna AS numeric(3,1)) AS dna, CAST(emergency_admission AS real) AS emergency_admission, CAST(${older} AS numeric) AS flag_older FROM clinic.activity`,
    );
    await t.services.analytics.linkTable(systemActor, { name: 'Decimals', table: 'clinic.decimals' });
    const fromDecimals = await t.services.analytics.compute(systemActor, { datasetName: 'Decimals' });
    expect(fromDecimals.map(comparable)).toEqual(fromNumbers.map(comparable));
    // Text that is not numbers stays text, and the report says why.
    await client.query("CREATE VIEW clinic.muddled AS SELECT lsoa_code, 'maybe' AS dna FROM clinic.activity");
    const muddled = await t.services.analytics.linkTable(systemActor, {
      name: 'Muddled',
      table: 'clinic.muddled',
    });
    expect(muddled.fields?.measures).toEqual([]);
    expect(muddled.report?.warnings).toContain(
      'The column "dna" is text that Parity cannot read as numbers (for example "maybe"), so it is not used as a measure: give it as numbers (in a view, say).',
    );
  });

  it('says on its pages, rather than failing, when a linked table can no longer be read', async () => {
    await client.query('CREATE VIEW clinic.passing AS SELECT lsoa_code, dna FROM clinic.activity');
    const passing = await t.services.analytics.linkTable(systemActor, {
      name: 'Passing',
      table: 'clinic.passing',
    });
    await client.query('DROP VIEW clinic.passing');
    const staff = new Browser(t.app);
    await staff.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    const said =
      'The table clinic.passing cannot be read now: There is no table or view called clinic.passing in that database.';
    for (const page of ['', '/reach']) {
      const shown = await staff.get(`/analytics/datasets/${passing.id}${page}`);
      expect(shown.statusCode).toBe(200);
      expect(shown.body).toContain(said);
      expect(shown.body).toContain('<a href="/analytics/datasets/link">Link a table</a>');
    }
    const download = await staff.get(`/analytics/datasets/${passing.id}/reach.csv`);
    expect([download.statusCode, download.headers.location]).toEqual([
      303,
      `/analytics/datasets/${passing.id}/reach`,
    ]);
    const computed = await staff.submit(`/analytics/datasets/${passing.id}/compute`, {});
    expect(computed.statusCode).toBe(400);
    expect(computed.body).toContain('nhsuk-error-summary');
    expect(computed.body).toMatch(/href="#compute">\s*The table clinic.passing cannot be read now/);
  });

  it('explains what is wrong with a table it cannot use', async () => {
    await expect(
      t.services.analytics.linkTable(systemActor, { name: 'Incomplete', table: 'clinic.incomplete' }),
    ).rejects.toThrow(/has no lsoa_code column/);
    await expect(
      t.services.analytics.linkTable(systemActor, { name: 'Missing', table: 'clinic.nothing_here' }),
    ).rejects.toThrow(/no table or view called clinic.nothing_here/);
    await expect(
      t.services.analytics.linkTable(systemActor, { name: 'Odd', table: 'Clinic; DROP' }),
    ).rejects.toThrow(/schema.table/);
    await client.query('CREATE VIEW clinic.numbered AS SELECT 1 AS lsoa_code, dna FROM clinic.activity');
    await expect(
      t.services.analytics.linkTable(systemActor, { name: 'Numbered', table: 'clinic.numbered' }),
    ).rejects.toThrow("The table's lsoa_code column is of type integer: LSOA codes are text");
    // What PostgreSQL cannot read is said on the form, not as a server error.
    await client.query(
      'CREATE VIEW clinic.broken AS SELECT lsoa_code || CAST(1 / (COALESCE(dna, 0) * 0) AS text) AS lsoa_code FROM clinic.activity',
    );
    const staff = new Browser(t.app);
    await staff.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    const refused = await staff.submit('/analytics/datasets/link', {
      name: 'Broken',
      table: 'clinic.broken',
      vintage: '2021',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('PostgreSQL could not read the table: division by zero');
  });
});
