import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { systemActor } from '../../features/audit/audit.ts';
import { analyticsStore } from '../../analytics/store.ts';
import { temporaryDir } from '../../../test/temporary-dirs.ts';

// The official files as published, read where they are (never copied into the project).
const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
const official = (name: string) => ({ filename: name, content: readFileSync(path.join(shared, name)) });
const page = '/analytics/geography/import';
const llrPlaces = [
  'Leicester City: E06000016',
  'Leicestershire: E07000129, E07000130, E07000131, E07000132, E07000133, E07000134, E07000135',
  'Rutland: E06000017',
].join('\n');

/** The first five LSOA codes of one of the shared files (its first column). */
const firstLsoaCodes = (file: string): string[] =>
  readFileSync(path.join(shared, file), 'utf8')
    .split('\n')
    .slice(1, 6)
    .map((line) => line.split(',')[0]!);

/** A CSV extract written to a folder of its own, for an import. */
function writeExtract(name: string, lines: string[]): string {
  const file = path.join(temporaryDir('parity-geography-'), name);
  writeFileSync(file, lines.join('\n'));
  return file;
}

/** The share of LLR's residents in a broad census group, summed here from the census file itself. */
const llrCensusShareSql = (group: string): string =>
  `SELECT sum(n) FILTER (WHERE ethnic_group LIKE '${group}%') / sum(n) AS share FROM read_csv('${path.join(shared, 'census2021_ts021_ethnic_group_lsoa21_ew.csv.gz')}') WHERE lsoa21_code IN (SELECT lsoa21_code FROM read_csv('${path.join(shared, 'iod2025_imd_lsoa21_llr.csv')}'))`;

/**
 * Of a broad census group, the share of LLR's residents living in the Core20 (IMD 2025 deciles 1 and
 * 2); and of the LSOAs given, the share that are in it. Worked out here from the files themselves.
 */
const llrCore20SharesSql = (group: string, codes: string[]): string => {
  const imd = `read_csv('${path.join(shared, 'iod2025_imd_lsoa21_llr.csv')}')`;
  const census = `read_csv('${path.join(shared, 'census2021_ts021_ethnic_group_lsoa21_ew.csv.gz')}')`;
  const residents = `SELECT sum(c.n) FILTER (WHERE i.IMD_decile <= 2) / sum(c.n) FROM ${census} c JOIN ${imd} i ON i.lsoa21_code = c.lsoa21_code WHERE c.ethnic_group LIKE '${group}%'`;
  const areas = `SELECT count(*) FILTER (WHERE IMD_decile <= 2) / count(*) FROM ${imd} WHERE lsoa21_code IN (${codes.map((c) => `'${c}'`).join(', ')})`;
  return `SELECT (${residents}) AS residents, (${areas}) AS areas`;
};

describeEachDatabase('reference geography imported on its page', (current) => {
  let t: TestApp;
  let staff: Browser;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const user = await makeUser(t.services, 'staff');
    staff = new Browser(t.app);
    await staff.signIn(user.email, testPassword);
  });
  afterAll(async () => {
    await t.services.analytics.close();
  });

  it('imports deprivation, wards, places and populations from the official files, as the command line does', async () => {
    const datasets = await staff.get('/analytics/datasets');
    expect(datasets.body).toContain(`href="${page}"`);
    const response = await staff.upload(page, { places: llrPlaces, populationSheet: '' }, [
      { field: 'imd', ...official('iod2025_imd_lsoa21_llr.csv') },
      { field: 'lookups', ...official('lookup_lsoa21_ward24_lad24_llr.csv') },
      { field: 'lookups', ...official('lookup_lsoa11_lsoa21_lad22_ew.csv.gz') },
      { field: 'population', ...official('population_mid2020_lsoa11_single_year_age_llr.csv') },
    ]);
    expect(response.statusCode, response.body).toBe(303);
    expect(response.headers.location).toBe('/analytics/datasets?geography=imported#reference-geography');

    const [geography] = (await t.services.analytics.referenceGeography()).filter((g) => g.vintage === '2021');
    // domain.md §7.2: 634 LSOA 2021 areas in LLR, 176 wards less the few best-fit gives none.
    expect(geography?.deprivation).toEqual([
      expect.objectContaining({ imdVersion: 'IoD2025', lsoas: 634, inPlaces: 634, places: 3 }),
    ]);
    expect(geography?.deprivation[0]?.wards).toBeGreaterThan(150);
    // 2021 populations worked out from the mid-2020 2011 estimates (1,107,597 people, §7.2).
    expect(geography?.populations.map((p) => [p.midYear, p.people])).toEqual([[2020, 1_107_597]]);
    // The files are named as they were chosen, not as they were kept on the server.
    expect(geography?.populations[0]?.source).toEqual({
      midYear: 2020,
      file: 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz',
      derivedFrom: '2011',
    });
    const shown = await staff.get(response.headers.location as string);
    expect(shown.body).toContain('The reference geography was imported');
    expect(shown.body).toContain('Leicester City');
    const { entries } = await t.services.audit.list({ action: 'analytics.geography.imported', page: 1 });
    // The LSOA 2011 → 2021 lookup is kept, one row per pair of areas as ONS lists them.
    const pairs =
      gunzipSync(readFileSync(path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz')))
        .toString()
        .trim()
        .split('\n').length - 1;
    expect(entries[0]?.summary).toBe(
      `Imported IoD2025 for 634 LSOAs (2021), mid-2020 population estimates (55601 rows) and the LSOA 2011 → 2021 lookup (${pairs} pairs of areas)`,
    );
    expect(shown.body).toContain(
      `${pairs.toLocaleString('en-GB')} pairs of areas, from <span class="parity-file-name">lookup_lsoa11_lsoa21_lad22_ew.csv.gz</span>`,
    );
  });

  it('names every mistake at once, against its field, and replaces nothing', async () => {
    const before = await t.services.analytics.referenceGeography();
    const nothing = await staff.upload(page, { places: 'Rutland E06000017', populationYear: '23' }, [
      { field: 'lookups', filename: 'wards.txt', content: 'LSOA21CD,WD24CD\n' },
    ]);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('There is a problem');
    for (const message of [
      'wards.txt is not a CSV file (.csv or .csv.gz) or a spreadsheet (.xlsx or .ods), as the official files are published',
      'Line 1: write the place’s name, a colon, then its local authority codes, as in Rutland: E06000017',
      'Enter the mid-year as four figures, such as 2023',
    ])
      expect(nothing.body).toContain(message);
    expect(nothing.body).toContain('href="#lookups"');
    expect(nothing.body).toContain('href="#places"');
    // What was typed comes back; the files must be chosen again.
    expect(nothing.body).toContain('Rutland E06000017</textarea>');
    const noFile = await staff.upload(page, { populationYear: '2023' }, []);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.body).toContain(
      'Choose the deprivation file, the population estimates, the census ethnic groups, the postcode directory or the LSOA 2011 to 2021 lookup',
    );
    expect(noFile.body).toContain('href="#imd"');
    // The LSOA 2011 → 2021 lookup may come on its own; a ward lookup needs its deprivation file.
    const wardsAlone = await staff.upload(page, {}, [
      { field: 'lookups', ...official('lookup_lsoa21_ward24_lad24_llr.csv') },
    ]);
    expect(wardsAlone.statusCode).toBe(400);
    expect(wardsAlone.body).toContain(
      'lookup_lsoa21_ward24_lad24_llr.csv is a ward lookup, which is imported with the deprivation file of its LSOA vintage: give that file too',
    );
    expect(wardsAlone.body).toContain('href="#lookups"');

    // The limit is the extracts' (DATASET_UPLOAD_MB), here 1 MB; nothing is left on disk.
    const small = await buildTestApp(current().handle, { datasetUploadBytes: 1024 * 1024 });
    try {
      const smallStaff = new Browser(small.app);
      await smallStaff.signIn((await makeUser(small.services, 'staff')).email, testPassword);
      const large = await smallStaff.upload(page, {}, [
        { field: 'population', filename: 'sape.csv', content: Buffer.alloc(1024 * 1024 + 1, 'a') },
      ]);
      expect(large.body).toContain(
        'sape.csv is over 1 MB: gzip it (national CSV files are 2 to 3 MB gzipped) or import it with the command line (parity geo import)',
      );
      expect(readdirSync(path.join(small.services.config.dataDir, 'analytics', 'uploads'))).toEqual([]);
    } finally {
      await small.services.analytics.close();
    }

    // A file of the wrong kind is refused by the import with what it found.
    const wrong = await staff.upload(page, { places: 'Nowhere: E06000099' }, [
      { field: 'imd', ...official('iod2025_imd_lsoa21_llr.csv') },
    ]);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('No local authority of this place is in');
    expect(wrong.body).toContain('href="#places"');
    expect(await t.services.analytics.referenceGeography()).toEqual(before);
  });

  it('tells staff when a result was computed before the geography was imported again', async () => {
    // Appointments of people living in the first LSOAs of the LLR deprivation file imported above.
    const codes = firstLsoaCodes('iod2025_imd_lsoa21_llr.csv');
    const rows = Array.from(
      { length: 100 },
      (_v, i) => `P${i},${codes[i % 5]},${20 + (i % 50)},F,A,2024-05-01,${i % 4 === 0 ? 1 : 0}`,
    );
    const file = writeExtract('clinic.csv', [
      'person_id,lsoa_code,age,sex,ethnic_code,event_date,dna',
      ...rows,
    ]);
    await t.services.analytics.importDataset(systemActor, { name: 'Clinic', file });
    await t.services.analytics.compute(systemActor, { datasetName: 'Clinic', indicatorId: 'did-not-attend' });
    const result = (await t.services.analytics.listResults(true)).find((r) => r.datasetName === 'Clinic')!;
    const notice =
      'The reference geography (deprivation, places, wards or population estimates) was imported again on';
    expect((await staff.get(`/analytics/indicators/${result.id}`)).body).not.toContain(notice);

    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const again = await staff.upload(page, {}, [
      { field: 'population', ...official('population_mid2020_lsoa11_single_year_age_llr.csv') },
    ]);
    expect(again.statusCode).toBe(303);
    const shown = (await staff.get(`/analytics/indicators/${result.id}`)).body;
    expect(shown).toContain(notice);
    expect(shown).toContain(
      `href="/analytics/datasets/${result.datasetId}">compute this dataset's indicators again`,
    );
  });

  it("sets who a dataset reaches beside the places' Census 2021 residents, by ethnic group", async () => {
    const clinic = (await t.services.analytics.listDatasets()).find((d) => d.name === 'Clinic')!;
    const before = (await staff.get(`/analytics/datasets/${clinic.id}/reach`)).body;
    expect(before).toContain(
      'import the Census 2021 ethnic group table by LSOA (TS021, from Nomis), or the detailed groups by local authority, on the page <a href="/analytics/geography/import">',
    );
    // A minute on, so that its audit entry is the latest (entries of the same instant are in id order).
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const imported = await staff.upload(page, {}, [
      { field: 'ethnicity', ...official('census2021_ts021_ethnic_group_lsoa21_ew.csv.gz') },
    ]);
    expect(imported.statusCode, imported.body).toBe(303);
    const { entries } = await t.services.audit.list({ action: 'analytics.geography.imported', page: 1 });
    expect(entries[0]?.summary).toBe('Imported Census 2021 ethnic groups for 35672 LSOAs');
    const reach = await t.services.analytics.ethnicReach('Clinic');
    expect(reach.status).toBe('ready');
    if (reach.status !== 'ready') return;
    // The clinic's 100 people are all White (code A) and live in five LLR LSOAs.
    expect(reach.people).toBe(100);
    const white = reach.groups.find((g) => g.group === 'White')!;
    expect(white.share).toBe(1);
    // The places' White residents, summed here from the census file for the LLR LSOAs.
    const store = await analyticsStore(t.services.config.dataDir);
    const [census] = await store.query<{ share: number }>(llrCensusShareSql('White'));
    expect(white.residentShare).toBeCloseTo(Number(census!.share), 12);
    // None of the 100 is of another group: with so few people, only the largest other group (Asian,
    // a fifth of LLR) is fewer than its share beyond chance; the smaller ones' intervals include 1.
    expect(reach.groups.filter((g) => g.reading === 'fewer').map((g) => g.group)).toEqual([
      'Asian or Asian British',
    ]);
    expect((await staff.get('/analytics/datasets')).body).toContain(
      '59,597,576 usual residents of 35,672 LSOA 2021 areas by ethnic group (Census 2021, TS021)',
    );
    // Within the White group, the share living in the Core20: of the clinic's people, as many as of
    // its five LSOAs (20 people in each), and of the residents.
    expect(reach.core20.status).toBe('ready');
    if (reach.core20.status !== 'ready') return;
    const [core20] = await store.query<{ residents: number; areas: number }>(
      llrCore20SharesSql('White', firstLsoaCodes('iod2025_imd_lsoa21_llr.csv')),
    );
    const whiteCore20 = reach.core20.groups.find((g) => g.group === 'White')!;
    expect(whiteCore20).toMatchObject({ people: 100, residents: white.residents });
    expect(whiteCore20.share).toBeCloseTo(Number(core20!.areas), 12);
    expect(whiteCore20.residentShare).toBeCloseTo(Number(core20!.residents), 12);
    // No one else was reached: no other group's share within it can be compared.
    expect(reach.core20.groups.map((g) => g.group)).toEqual(['White']);

    const shown = (await staff.get(`/analytics/datasets/${clinic.id}/reach`)).body;
    expect(shown).toContain('By ethnic group');
    expect(shown).toContain('More than their share of residents');
    expect(shown).toContain(`${(100 * Number(census!.share)).toFixed(1)}%`);
    expect(shown).toContain('The Core20 within each ethnic group');
    expect(shown).toContain(`${(100 * Number(core20!.residents)).toFixed(1)}%`);
    const csv = (await staff.get(`/analytics/datasets/${clinic.id}/reach.csv`)).body;
    const percent = (share: unknown) => Number((100 * Number(share)).toFixed(1));
    expect(csv).toContain(
      `"Ethnic group, the share living in the Core20",White,${percent(core20!.areas)},${percent(core20!.residents)},`,
    );
  });

  it('sets a dataset on 2011 LSOA codes beside the census residents of the same places', async () => {
    // The first LSOAs of the LLR IoD2019 file: 2011 codes, in the places through the ONS lookup.
    const codes = firstLsoaCodes('iod2019_imd_lsoa11_llr.csv');
    const rows = Array.from(
      { length: 60 },
      (_v, i) => `Q${i},${codes[i % 5]},${30 + (i % 40)},M,${i < 40 ? 'A' : 'H'}`,
    );
    const file = writeExtract('clinic-2011.csv', ['person_id,LSOA11CD,age,sex,ethnic_code', ...rows]);
    await t.services.analytics.importDataset(systemActor, { name: 'Clinic 2011', file });
    const dataset = (await t.services.analytics.listDatasets()).find((d) => d.name === 'Clinic 2011')!;
    expect(dataset.lsoaVintage).toBe('2011');

    const reach = await t.services.analytics.ethnicReach('Clinic 2011');
    expect(reach.status).toBe('ready');
    if (reach.status !== 'ready') return;
    expect(reach.people).toBe(60);
    expect(reach.groups.find((g) => g.group === 'White')!.share).toBeCloseTo(40 / 60, 12);
    expect(reach.groups.find((g) => g.group === 'Asian or Asian British')!.share).toBeCloseTo(20 / 60, 12);
    // The residents are the census's in the places' 2021 LSOAs: the same as for a dataset on 2021 codes.
    const store = await analyticsStore(t.services.config.dataDir);
    const [census] = await store.query<{ share: number }>(llrCensusShareSql('Asian'));
    expect(reach.groups.find((g) => g.group === 'Asian or Asian British')!.residentShare).toBeCloseTo(
      Number(census!.share),
      12,
    );
    const shown = (await staff.get(`/analytics/datasets/${dataset.id}/reach`)).body;
    expect(shown).toContain('People reached against residents, by broad ethnic group');
    expect(shown).toContain(
      'This dataset’s LSOA codes are 2011 ones: its people are those whose 2011 LSOA is in the places',
    );
    // Its people's Core20 is that of 2011 areas, the census residents' that of 2021 ones.
    expect(reach.core20.status).toBe('other-vintage');
    expect(shown).toContain('the Core20 within each ethnic group is not compared');
    const clinic = (await t.services.analytics.listDatasets()).find((d) => d.name === 'Clinic')!;
    expect((await staff.get(`/analytics/datasets/${clinic.id}/reach`)).body).not.toContain(
      'This dataset’s LSOA codes are 2011 ones',
    );
  });

  it("imports an ONS population workbook (each mid-year's worksheet, below its titles) from the page", async () => {
    const codes = readFileSync(path.join(shared, 'iod2025_imd_lsoa21_llr.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]!);
    const ages = Array.from({ length: 91 }, (_v, age) => age);
    const headings = ['LAD 2021 Code', 'LSOA 2021 Code', 'LSOA 2021 Name', 'Total'];
    headings.push(...['F', 'M'].flatMap((sex) => ages.map((age) => `${sex}${age}`)));
    const sheet = (year: number) => {
      const rows = codes.map((code, i) => {
        const counts = ages.concat(ages).map((age, j) => ((age + i + j + year) % 17) + 1);
        return ['E06000016', code, `Area ${i}`, counts.reduce((a, b) => a + b, 0), ...counts];
      });
      return [[`Mid-${year} population estimates for LSOA 2021`], ['Source: ONS'], [], headings, ...rows];
    };
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Contents'], ['Notes']]), 'Contents');
    const years = [2023, 2024].map((year) => [year, sheet(year)] as const);
    for (const [year, rows] of years)
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), `Mid-${year} LSOA 2021`);
    const content = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const response = await staff.upload(page, {}, [
      { field: 'population', filename: 'sapelsoasyoa20222024.xlsx', content },
    ]);
    expect(response.statusCode, response.body).toBe(303);
    const [geography] = (await t.services.analytics.referenceGeography()).filter((g) => g.vintage === '2021');
    for (const [year, rows] of years) {
      const people = rows.slice(4).reduce((sum, row) => sum + (row[3] as number), 0);
      expect(geography?.populations.find((p) => p.midYear === year)?.people, String(year)).toBe(people);
    }
    const { entries } = await t.services.audit.list({ action: 'analytics.geography.imported', page: 1 });
    expect(entries[0]?.summary).toBe(
      `Imported mid-2023 and mid-2024 population estimates (${2 * codes.length * 91 * 2} rows)`,
    );
    expect(readdirSync(path.join(t.services.config.dataDir, 'analytics', 'uploads'))).toEqual([]);
  });

  it('sets who a dataset reaches beside the residents of the places by detailed group, from the census table by local authority', async () => {
    const clinic = (await t.services.analytics.listDatasets()).find((d) => d.name === 'Clinic')!;
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const detailedFile = 'census2021_ethnic_group_detailed_ltla21_ew.csv.gz';
    const imported = await staff.upload(page, {}, [{ field: 'ethnicity', ...official(detailedFile) }]);
    expect(imported.statusCode, imported.body).toBe(303);
    // Worked out here from the file: the local authorities of England and Wales, and the LLR's
    // residents, all of them and White British (the "(percent)" rows left out).
    const store = await analyticsStore(t.services.config.dataDir);
    const llr = llrPlaces
      .match(/E0\d{7}/g)!
      .map((code) => `'${code}'`)
      .join(', ');
    const [file] = await store.query<{ las: number; all: number; british: number }>(
      `SELECT count(DISTINCT ltla21_code) AS las, sum(value) FILTER (WHERE ltla21_code IN (${llr})) AS "all", sum(value) FILTER (WHERE ltla21_code IN (${llr}) AND ethnic_group LIKE 'White: English%') AS british FROM read_csv('${path.join(shared, detailedFile)}') WHERE ethnic_group LIKE '%(number)'`,
    );
    const { entries } = await t.services.audit.list({ action: 'analytics.geography.imported', page: 1 });
    expect(entries[0]?.summary).toBe(
      `Imported Census 2021 detailed ethnic groups for ${file!.las} local authorities`,
    );
    const reach = await t.services.analytics.ethnicReach('Clinic');
    if (reach.status !== 'ready') throw new Error(`No reach: ${reach.status}`);
    // The broad groups still come from the LSOA table imported before.
    expect(reach.groups.map((g) => g.group)).toContain('White');
    const detailed = reach.detailed!;
    expect(detailed.people).toBe(100);
    expect(detailed.groups.reduce((sum, g) => sum + g.residents, 0)).toBe(Number(file!.all));
    const british = detailed.groups.find((g) => g.group === 'White: British')!;
    expect(british.share).toBe(1);
    expect(british.residentShare).toBeCloseTo(Number(file!.british) / Number(file!.all), 12);
    // The 16 NHS categories: Gypsy or Irish Traveller, Roma and Other White are one, as are Arab and any other.
    expect(detailed.groups).toHaveLength(16);
    // Listed in the order of the NHS codes, A (White British) to S (any other ethnic group).
    expect(detailed.groups[0]?.group).toBe('White: British');
    expect(detailed.groups.at(-1)?.group).toBe('Other ethnic groups: Any other ethnic group');
    const indian = detailed.groups.find((g) => g.group === 'Asian or Asian British: Indian')!;
    expect(indian.reading).toBe('fewer');
    const shown = (await staff.get(`/analytics/datasets/${clinic.id}/reach`)).body;
    expect(shown).toContain('People reached against residents, by detailed ethnic group');
    expect(shown).toContain(`${(100 * indian.residentShare).toFixed(1)}%`);
    expect((await staff.get('/analytics/datasets')).body).toContain(
      `usual residents of ${file!.las} local authorities by detailed ethnic group (Census 2021)`,
    );
  });

  it('compares people whose ethnic group is recorded without its category by broad group only, and says so', async () => {
    // 30 people recorded as Indian, 10 only as Asian, all living in the places.
    const codes = firstLsoaCodes('iod2025_imd_lsoa21_llr.csv');
    const rows = Array.from(
      { length: 40 },
      (_v, i) => `Q${i},${codes[i % 5]},${30 + i},M,${i < 30 ? 'H' : 'Asian'},2024-06-01,0`,
    );
    const file = writeExtract('outreach.csv', [
      'person_id,lsoa_code,age,sex,ethnicity,event_date,dna',
      ...rows,
    ]);
    const dataset = await t.services.analytics.importDataset(systemActor, { name: 'Outreach', file });
    const reach = await t.services.analytics.ethnicReach('Outreach');
    if (reach.status !== 'ready') throw new Error(`No reach: ${reach.status}`);
    expect(reach.groups.find((g) => g.group === 'Asian or Asian British')?.people).toBe(40);
    const detailed = reach.detailed!;
    expect(detailed.people).toBe(30);
    expect(detailed.groupOnly).toBe(10);
    expect(detailed.groups.find((g) => g.group === 'Asian or Asian British: Indian')?.share).toBe(1);
    const shown = (await staff.get(`/analytics/datasets/${dataset.id}/reach`)).body;
    expect(shown).toContain(
      '10 people whose ethnic group is recorded without its category (such as “Asian”) are in the table by broad group, but not in this one.',
    );
  });

  it('imports the ONS postcode directory from the page, and says how many postcodes the lookup holds', async () => {
    const form = (await staff.get(page)).body;
    expect(form).toContain(
      '<label class="nhsuk-label nhsuk-label--s" for="postcodes">Postcode directory (optional)</label>',
    );
    expect(form).toMatch(
      /<input class="nhsuk-input" id="postcodes" name="postcodes" type="file" accept=".csv,.gz"/,
    );
    expect(form).not.toContain('The postcode lookup holds');
    expect((await staff.get('/analytics/datasets')).body).toContain(
      'Not imported. With the ONS postcode directory (NSPL or ONSPD)',
    );

    const refused = await staff.upload(page, {}, [
      {
        field: 'postcodes',
        filename: 'postcodes.csv',
        content: Buffer.from('pcds,laua\nLE1 5WW,E06000016\n'),
      },
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#postcodes"');
    expect(refused.body).toContain('postcodes.csv has no LSOA code column');

    const [headings, ...rows] = [
      'pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa11,cty,ced,laua,ward,hlthau,nhser,ctry,rgn,pcon,eer,teclec,ttwa,pct,itl,park,lsoa11,msoa11,wz11,sicbl,bua22,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21',
      ...[
        ['LE1 5WW', 'LE1  5WW', 'LE1 5WW', '', 'E01013600', 'E01033600'],
        ['LE151AB', 'LE15 1AB', 'LE15 1AB', '', 'E01013601', 'E01033601'],
        ['LE2 1XY', 'LE2  1XY', 'LE2 1XY', '200906', 'E01013602', ''],
      ].map(([pcd, pcd2, pcds, doterm, lsoa11, lsoa21]) =>
        [
          pcd,
          pcd2,
          pcds,
          '198001',
          doterm,
          ...Array<string>(20).fill(''),
          lsoa11,
          ...Array<string>(15).fill(''),
          lsoa21,
          '',
        ]
          .map((cell) => `"${cell}"`)
          .join(','),
      ),
    ];
    // Two postcode areas' files of the directory's multi_csv folder, chosen together.
    const area = (lines: string[]) => Buffer.from([headings, ...lines].join('\n'));
    t.clock.now = new Date(t.clock.now.getTime() + 60_000);
    const imported = await staff.upload(page, {}, [
      { field: 'postcodes', filename: 'NSPL_FEB_2025_UK_LE.csv', content: area(rows.slice(0, 2)) },
      { field: 'postcodes', filename: 'NSPL_FEB_2025_UK_NG.csv', content: area(rows.slice(2)) },
    ]);
    expect(imported.statusCode, imported.body).toBe(303);
    const { entries } = await t.services.audit.list({ action: 'analytics.geography.imported', page: 1 });
    expect(entries[0]?.summary).toBe('Imported the postcode directory (3 postcodes)');
    expect((await staff.get(page)).body).toContain(
      'The postcode lookup holds 3 postcodes, from <span class="parity-file-name">NSPL_FEB_2025_UK_LE.csv, NSPL_FEB_2025_UK_NG.csv</span>: 2 with an LSOA 2021 code and all with an LSOA 2011 code.',
    );
    expect((await staff.get('/analytics/datasets')).body).toContain(
      '3 postcodes, from <span class="parity-file-name">NSPL_FEB_2025_UK_LE.csv, NSPL_FEB_2025_UK_NG.csv</span>: 2 with an LSOA 2021 code and all with an LSOA 2011 code. A dataset with people’s postcodes but no LSOA code has each row’s LSOA looked up here',
    );
    expect(readdirSync(path.join(t.services.config.dataDir, 'analytics', 'uploads'))).toEqual([]);
  });

  it('is for staff and administrators only', async () => {
    const member = await makeUser(t.services, 'member');
    const browser = new Browser(t.app);
    await browser.signIn(member.email, testPassword);
    expect((await browser.get(page)).statusCode).toBe(403);
    expect((await new Browser(t.app).get(page)).statusCode).toBe(303);
  });
});
