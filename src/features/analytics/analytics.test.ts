import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { systemActor } from '../audit/audit.ts';
import { FormError } from '../shared/errors.ts';
import { demoDatasetName, loadAnalyticsDemo } from './analytics-demo.ts';
import { syntheticLsoas, syntheticPopulation } from '../../analytics/synthetic/ics.ts';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';
import { temporaryDir } from '../../../test/temporary-dirs.ts';

describeEachDatabase('analytics: import, compute, publish and pages', (current) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    await loadAnalyticsDemo(t.services.analytics, t.services.config.dataDir, 20_000);
  }, 120_000);
  afterAll(async () => {
    await t.services.analytics.close();
  });

  it('publishes every demo indicator with deprivation, ethnicity and place breakdowns', async () => {
    const results = await t.services.analytics.listResults(false);
    // The synthetic activity has the fields of every built-in indicator.
    expect(results.length).toBe(builtInIndicators().length);
    const dna = results.find((r) => r.indicatorId === 'did-not-attend')!;
    const dimensions = dna.result.dimensions.map((d) => d.id);
    expect(dimensions).toEqual(
      expect.arrayContaining([
        'imd_decile',
        'imd_quintile',
        'core20',
        'ethnic_broad',
        'place',
        'ward',
        'flag_smi',
        // Asked for by the demo, as they would be on the dataset page.
        'core20_ethnic',
        'core20_place',
      ]),
    );
    expect(dna.result.summaries.some((s) => s.measure === 'sii')).toBe(true);
    // The demo's populations are for mid-2022 to mid-2024: each financial year's rates are over its own.
    const admissions = results.find((r) => r.indicatorId === 'emergency-admissions')!;
    expect(admissions.result.caveats).toContain(
      'The populations are mid-year estimates: mid-2022 for 2022/23, mid-2023 for 2023/24 and mid-2024 for 2024/25.',
    );
    const meanWait = results.find((r) => r.indicatorId === 'waiting-mean-weeks')!;
    const overall = meanWait.result.rows.find((r) => r.dimension === 'overall')!;
    expect(overall.lower95).toBeLessThan(overall.value!);
    expect(overall.upper95).toBeGreaterThan(overall.value!);
  });

  it('shows public visitors published results only, with charts, tables and downloads', async () => {
    const browser = new Browser(t.app);
    const overview = await browser.get('/analytics');
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain('Outpatient appointments not attended');
    // A summary in words opens the page.
    expect(overview.body).toMatch(/(Of the \d+|All \d+) published indicators/);
    expect(overview.body).toContain('first period, the gap by deprivation is');
    // The demo is broken down by ethnic group and place in the Core20 and the rest too.
    expect(overview.body).toMatch(
      /Within at least one ethnic group, the Core20 fares significantly worse than the rest of the population in \d+ of the \d+ indicators that compare them; within at least one place, in \d+ of the \d+\./,
    );
    // Each indicator's spine across the deprivation deciles, with its values in words.
    expect(overview.body).toMatch(
      /<svg class="parity-spine" viewBox="0 0 200 28" role="img" aria-label="Deprivation deciles: most deprived tenth [\d.]+%, least deprived tenth [\d.]+%, overall [\d.]+%; worse to the left, better to the right.">/,
    );
    // The ethnic groups and places that fare worse than average are named beside each indicator, as
    // its rows compare them; a group whose people are not placed is not.
    const published = await t.services.analytics.listResults(false);
    const worse = (dimension: string, kind: string) =>
      published.flatMap((s) =>
        s.result.rows
          .filter(
            (r) =>
              r.period === s.result.latestPeriod && r.dimension === dimension && r.comparison === 'worse',
          )
          .map((r) => `<li>${r.group} (${kind})</li>`),
      );
    const named = [...worse('ethnic_broad', 'ethnic group'), ...worse('place', 'place')];
    const known = named.filter((item) => !item.includes('Not stated') && !item.includes('Not known'));
    expect(known.length).toBeGreaterThan(0);
    for (const item of known) expect(overview.body).toContain(item);
    expect(overview.body).not.toMatch(/Not (stated or not )?known \((ethnic group|place)\)/);
    expect(overview.body).toMatch(
      /In \d+ indicators? at least one (ethnic group|place) fares significantly worse/,
    );
    // A contents list leads to each programme's table, whose heading has the id it links to.
    const programmes = new Set(published.map((s) => s.result.programme));
    const targets = [...overview.body.matchAll(/href="#(programme-[a-z0-9-]+)"/g)].map((m) => m[1]);
    expect(targets).toHaveLength(programmes.size);
    for (const target of targets) expect(overview.body).toContain(`<h2 id="${target}">`);
    const id = published[0]!.id;
    const page = await browser.get(`/analytics/indicators/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<svg role="img"');
    // The demo has three financial years; the recent-trend test needs five.
    expect(page.body).toContain('Recent trend: not tested: a trend needs 5 periods');
    // Is the gap between the Core20 and the rest closing: both groups in each of the three years.
    expect(page.body).toContain('<h3 id="core20-over-time">The Core20 and the rest</h3>');
    expect(page.body.match(/Core20: 95% interval <\/span>\d/g)).toHaveLength(3);
    // Each breakdown of a few groups in every period; wards are left to the downloads.
    expect(page.body).toContain('By sex in every period</span></summary>');
    expect(page.body).not.toContain('By ward in every period');
    expect(page.body).not.toMatch(/<style/);
    expect(page.body).toContain('IMD decile (1 = most deprived)');
    expect(page.body).not.toContain('Imd decile');
    // The page offers every period too, which is what its trend and gap over time show.
    expect(page.body).toContain(`href="/analytics/indicators/${id}/download.csv">CSV`);
    const csv = await browser.get(`/analytics/indicators/${id}/download.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    // Named by indicator and dataset, as two datasets can give the same indicator.
    expect(csv.headers['content-disposition']).toMatch(
      /^attachment; filename="[a-z0-9-]+-synthetic-service-activity-demo\.csv"$/,
    );
    expect(csv.body.split('\r\n')[0]).toContain('indicator_id,indicator,period,breakdown,group');
    // Groups are named as the page names them.
    expect(csv.body).toContain(',sex,Female,');
    expect(csv.body).not.toContain(',sex,F,');
    const siiPeriods = csv.body
      .split('\r\n')
      .filter((line) => line.includes(',imd_decile,Slope index of inequality (SII),'))
      .map((line) => /,(\d{4}\/\d{2}),imd_decile,/.exec(line)?.[1]);
    expect(siiPeriods).toEqual(['2022/23', '2023/24', '2024/25']);
    // The recent trend closes the download, in the row of the latest period, as the page words it.
    const trend = csv.body
      .trimEnd()
      .split('\r\n')
      .filter((line) => line.endsWith(',trend'));
    expect(trend).toHaveLength(1);
    expect(trend[0]).toContain(',2024/25,overall,Recent trend (chi-square),');
    expect(trend[0]).toContain('Not tested: a trend needs 5 periods');
    const xlsx = await browser.get(`/analytics/indicators/${id}/download.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // Rounded counts are numbers a spreadsheet can add up; a suppressed one stays "*".
    const sheet = XLSX.read(xlsx.rawPayload, { type: 'buffer' });
    const cells = XLSX.utils.sheet_to_json<Record<string, unknown>>(sheet.Sheets[sheet.SheetNames[0]!]!);
    const groups = cells.filter((c) => c.kind === 'group');
    expect(groups.some((c) => typeof c.denominator === 'number')).toBe(true);
    expect(groups.every((c) => typeof c.numerator === 'number' || c.numerator === '*')).toBe(true);
    // The file explains itself when passed on: definitions, caveats and columns on a second sheet.
    expect(sheet.SheetNames[1]).toBe('About these figures');
    const about = XLSX.utils.sheet_to_json<string[]>(sheet.Sheets['About these figures']!, { header: 1 });
    const stored = (await t.services.analytics.listResults(false)).find((r) => r.id === id)!;
    const textOf = (label: string) => about.filter((row) => row[0] === label).map((row) => row[1]);
    expect(textOf('Indicator')).toEqual([stored.result.title]);
    expect(textOf('Numerator')).toEqual([stored.result.numeratorText]);
    expect(textOf('Status')[0]).toMatch(/^Published on \d{1,2} [A-Z][a-z]+ \d{4}$/);
    const caveats = textOf('Caveat');
    for (const caveat of stored.result.caveats) expect(caveats).toContain(caveat);
    expect(caveats.some((c) => c!.startsWith('Counts from 1 to 7 are shown as *'))).toBe(true);
    // The same notes as the page's caveats.
    for (const caveat of caveats) expect(page.body).toContain(caveat!.replaceAll("'", '&#39;'));
    const unknown = await browser.get(`/analytics/indicators/${id}?period=1999%2F00`);
    expect(unknown.body).toContain('There are no figures for the period 1999/00.');
    expect(page.body).toContain('How to read these');
    // Which dataset a figure comes from, on the overview and the indicator page.
    expect(overview.body).toContain('Data: Synthetic service activity (demo)');
    expect(page.body).toContain('Synthetic service activity (demo)');
  });

  it('gives the indicator page a contents list, folds the ward table away and names sex in words', async () => {
    const dna = (await t.services.analytics.listResults(false)).find(
      (r) => r.indicatorId === 'did-not-attend',
    )!;
    const page = (await new Browser(t.app).get(`/analytics/indicators/${dna.id}`)).body;
    expect(page).toContain(
      '<h2 class="nhsuk-heading-s nhsuk-u-margin-bottom-2" id="contents-heading">On this page</h2>',
    );
    for (const id of ['by-imd-decile', 'by-ward', 'trend', 'definition', 'caveats']) {
      expect(page).toContain(`href="#${id}"`);
      expect(page).toContain(`id="${id}"`);
    }
    expect(page).toMatch(
      /<details class="nhsuk-details">\s*<summary[^>]*><span[^>]*>Show all \d+ wards<\/span>/,
    );
    expect(page).toContain('<th scope="col" role="columnheader">Sex</th>');
    expect(page).toMatch(/<\/span>Female<\/td>/);
    expect(page).not.toMatch(/<\/span>F<\/td>/);
  });

  it('says on the indicator page why an inequality measure was not calculated', async () => {
    // 20,000 demo rows leave some rare events too few in a decile for a value that can be shown.
    const results = await t.services.analytics.listResults(false);
    const withNote = results.find((r) => (r.result.summaryNotes ?? []).length > 0);
    expect(withNote).toBeDefined();
    const note = withNote!.result.summaryNotes![0]!;
    const page = await new Browser(t.app).get(
      `/analytics/indicators/${withNote!.id}?period=${encodeURIComponent(note.period)}`,
    );
    expect(page.body).toContain('<h2 id="inequality-measures">Inequality measures</h2>');
    const reason = note.text.replace('Not calculated: ', '').replace(/'/g, '&#39;');
    expect(page.body).toContain(`were not calculated: ${reason}`);
    // The download holds what the page shows: the groups, the measures, and why any is missing.
    const csv = (
      await new Browser(t.app).get(
        `/analytics/indicators/${withNote!.id}/download.csv?period=${encodeURIComponent(note.period)}`,
      )
    ).body;
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]!.endsWith(',note,kind')).toBe(true);
    expect(lines.filter((l) => l.endsWith(',group')).length).toBe(
      withNote!.result.rows.filter((r) => r.period === note.period).length,
    );
    expect(lines.some((l) => l.includes(note.text) && l.endsWith(',inequality measure'))).toBe(true);
    for (const measure of withNote!.result.summaries.filter((m) => m.period === note.period))
      expect(lines.some((l) => l.includes(`,${measure.label},,,${Number(measure.value.toFixed(4))},`))).toBe(
        true,
      );
  });

  it("shows staff whom the demo's services reach, by ethnic group, against its census residents", async () => {
    const reach = await t.services.analytics.ethnicReach(demoDatasetName);
    expect(reach.status).toBe('ready');
    if (reach.status !== 'ready') return;
    // The demo's census makes Black and "other" residents three fifths more common than the services
    // see them: with 20,000 rows, both are read as under-reached, the others not.
    const readings = Object.fromEntries(reach.groups.map((g) => [g.group, g.reading]));
    expect(readings).toMatchObject({
      'Black, Black British, Caribbean or African': 'fewer',
      'Other ethnic group': 'fewer',
    });
    expect(readings['White']).not.toBe('fewer');
    const dataset = (await t.services.analytics.listDatasets()).find((d) => d.name === demoDatasetName)!;
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    // Its own page, linked from the dataset's: the first count of a large dataset takes seconds.
    const datasetPage = (await browser.get(`/analytics/datasets/${dataset.id}`)).body;
    expect(datasetPage).toContain(
      `<a href="/analytics/datasets/${dataset.id}/reach">who ${demoDatasetName} reaches</a>`,
    );
    // The synthetic activity has the fields of every indicator.
    expect(datasetPage).toContain(
      `This dataset can give every one of the catalogue's ${builtInIndicators().length} indicators.`,
    );
    const page = (await browser.get(`/analytics/datasets/${dataset.id}/reach`)).body;
    expect(page).toContain('<h2 id="ethnic-reach">By ethnic group</h2>');
    expect(page).toContain('Fewer than their share of residents');
  });

  it('shows staff how completely a dataset records area, ethnic group, sex, age and date', async () => {
    const dir = temporaryDir('parity-recording-');
    const file = path.join(dir, 'recording.csv');
    const rows = [
      ['A1', 'X01000001', '40', 'F', 'A', '2023-05-01'],
      ['A2', '', '50', 'M', 'Z', '2023-06-01'],
      ['A3', 'E01999999', '', 'U', 'Z', '2024-06-02'],
      ['A4', 'X01000002', '61', '', '99', ''],
      ['A5', 'X01000003', '33', 'F', '', '2024-07-01'],
      ['A6', 'X01000004', '70', 'M', 'H', '2024-07-02'],
      ['A7', 'X01000005', '18', 'F', 'Black', '2024-08-01'],
      ['A8', 'X01000006', '25', 'M', 'A', '2024-08-02'],
    ];
    writeFileSync(
      file,
      ['person_id,lsoa_code,age,sex,ethnic_code,event_date,dna', ...rows.map((r) => `${r.join(',')},0`)].join(
        '\n',
      ),
    );
    const dataset = await t.services.analytics.importDataset(systemActor, { name: 'Recording check', file });
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const page = (await browser.get(`/analytics/datasets/${dataset.id}`)).body;
    // Stated: A, H, Black and A of the eight rows (not Z, Z, 99 or blank).
    expect(page).toContain('Ethnic group is recorded for 50.0% of the 8 rows.');
    const row = (label: string, count: number) =>
      new RegExp(
        `${label.replace(/[()]/g, '\\$&')}</td>\\s*<td[^>]*><span[^>]*>Rows </span>${count}</td>\\s*<td[^>]*><span[^>]*>Share of rows </span>${((100 * count) / 8).toFixed(1)}%<`,
      );
    expect(page).toMatch(row('Area of residence (LSOA code) not recorded', 1));
    expect(page).toMatch(row('LSOA code not in the reference geography', 1));
    expect(page).toMatch(row('Ethnic group not stated (Z)', 2));
    expect(page).toMatch(row('Ethnic group not known (99) or not recorded', 2));
    expect(page).toMatch(row('Ethnic group recorded without its category (such as “Asian”)', 1));
    expect(page).toMatch(row('Sex not known or not recorded', 2));
    expect(page).toMatch(row('Age not recorded', 1));
    expect(page).toMatch(row('Date not recorded', 1));
    // By financial year, to see whether recording improves: 2023/24 is A1 and A2, 2024/25 A3 and
    // A5 to A8, and A4 has no date.
    const year = (period: string) => {
      const start = page.indexOf(`Financial year </span>${period}</td>`);
      const cells = page.slice(start, page.indexOf('</tr>', start)).split('</td>');
      return cells.slice(1, 6).map((cell) =>
        cell
          .replace(/<span class="nhsuk-table-responsive__heading"[^>]*>[^<]*<\/span>/, '')
          .replace(/<[^>]+>/g, '')
          .trim(),
      );
    };
    expect(page).toContain('Share of rows recording each, by financial year');
    // Rows, then the share recording ethnic group, area (a known LSOA), sex and age.
    expect(year('2023/24')).toEqual(['2', '50.0%', '50.0%', '100.0%', '100.0%']);
    expect(year('2024/25')).toEqual(['5', '60.0%', '80.0%', '80.0%', '80.0%']);
    expect(year('Date not known')).toEqual(['1', '0.0%', '100.0%', '0.0%', '100.0%']);
    expect(page.indexOf('>2023/24<')).toBeLessThan(page.indexOf('>2024/25<'));
    expect(page.indexOf('>2024/25<')).toBeLessThan(page.indexOf('>Date not known<'));
    // The validation report numbers rows as a spreadsheet does: A3's unknown LSOA is on row 4.
    expect(page).toContain('problems, row by row (numbered as in the file, where the headings are row 1)');
    expect(page).toMatch(/Row <\/span>4<\/td>\s*<td[^>]*><span[^>]*>Column <\/span>lsoa_code<\/td>/);
  });

  it('keeps drafts from the public and lets staff publish them', async () => {
    const dir = temporaryDir('parity-draft-');
    const file = path.join(dir, 'extract.csv');
    writeFileSync(
      file,
      'person_id,lsoa_code,age,sex,ethnic_code,event_date,dna\nA1,X01000001,40,F,A,2024-05-01,1\nA2,X01000002,50,M,H,2024-06-01,0\n',
    );
    await t.services.analytics.importDataset(systemActor, { name: 'Tiny outpatients', file });
    await t.services.analytics.compute(systemActor, { datasetName: 'Tiny outpatients' });
    const drafts = (await t.services.analytics.listResults(true)).filter((r) => r.status === 'draft');
    expect(drafts.map((d) => d.indicatorId)).toEqual(['did-not-attend']);
    const draft = drafts[0]!;
    expect((await new Browser(t.app).get(`/analytics/indicators/${draft.id}`)).statusCode).toBe(404);

    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    expect((await browser.get(`/analytics/indicators/${draft.id}`)).body).toContain('Publish this result');
    const published = await browser.submit(
      `/analytics/indicators/${draft.id}`,
      {},
      `/analytics/results/${draft.id}/publish`,
    );
    expect(published.statusCode).toBe(303);
    expect((await browser.get(`/analytics/indicators/${draft.id}?published=1`)).body).toContain(
      'Published. Everyone can now see this result.',
    );
    expect((await new Browser(t.app).get(`/analytics/indicators/${draft.id}`)).statusCode).toBe(200);
  });

  it('refuses a mapping it cannot use, and gives no rate for LSOA codes without population estimates', async () => {
    const dir = temporaryDir('parity-vintage-');
    const file = path.join(dir, 'admissions.csv');
    writeFileSync(
      file,
      'person_id,lsoa_code,age,sex,ethnic_code,event_date,emergency_admission\nB1,E01000001,40,F,A,2024-05-01,1\nB2,E01000002,50,M,H,2024-06-01,0\n',
    );
    await t.services.analytics.importDataset(systemActor, {
      name: 'Admissions on 2011 LSOAs',
      file,
      mapping: { lsoaVintage: '2011' },
    });
    const refused: unknown = await t.services.analytics
      .importDataset(systemActor, {
        name: 'Admissions, badly mapped',
        file,
        mapping: { lsoaVintage: '2019', colums: {} },
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FormError);
    expect((refused as FormError).errors).toEqual([
      { field: 'mapping', message: 'lsoaVintage: give "2011" or "2021"' },
      {
        field: 'mapping',
        message:
          'colums is not a mapping setting (the settings are columns, lsoaVintage, ethnicityCoding, dateOrder, measures, measureCodings, measuresGivenAs, diagnosisMeasures, mainProcedure, allRows, attributes, flags, personIds, firstEpisodesOnly, sheet, allSheets)',
      },
    ]);
    expect((await t.services.analytics.listDatasets()).map((d) => d.name)).not.toContain(
      'Admissions, badly mapped',
    );
    // The demo's population estimates are for LSOA 2021 areas only.
    const missing = await t.services.analytics.notComputed('Admissions on 2011 LSOAs');
    expect(missing.find((m) => m.id === 'emergency-admissions')?.reason).toBe(
      'needs population estimates for LSOA 2011 areas, the codes this dataset uses; those imported are for LSOA 2021 areas',
    );
    expect(missing.find((m) => m.id === 'did-not-attend')?.reason).toBe(
      'needs a field this dataset does not have: dna',
    );
    // Without the population, its admissions give nothing: computing says so rather than give none.
    const nothing: unknown = await t.services.analytics
      .compute(systemActor, { datasetName: 'Admissions on 2011 LSOAs' })
      .catch((error: unknown) => error);
    expect((nothing as FormError).errors[0]?.message).toMatch(
      /^Nothing was computed: Admissions on 2011 LSOAs can give none of the catalogue's \d+ indicators\./,
    );
    const refusal = async (datasetName: string, indicatorId: string) => {
      const error: unknown = await t.services.analytics
        .compute(systemActor, { datasetName, indicatorId })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FormError);
      return (error as FormError).errors[0]?.message;
    };
    expect(await refusal('Admissions on 2011 LSOAs', 'did-not-attend')).toBe(
      'Indicator did-not-attend (Outpatient appointments not attended (DNA rate)) cannot be computed from Admissions on 2011 LSOAs: it needs a field this dataset does not have: dna',
    );
    const demoSet = (await t.services.analytics.listDatasets()).find(
      (d) => d.name === 'Synthetic service activity (demo)',
    );
    const demoIndicators = (await t.services.analytics.listResults(true))
      .filter((r) => r.datasetId === demoSet?.id)
      .map((r) => r.indicatorId)
      .sort();
    expect(demoIndicators).toHaveLength(builtInIndicators().length);
    // An id not in the catalogue gets the one it most likely meant.
    expect(await refusal('Synthetic service activity (demo)', 'dna-rate')).toContain(
      'There is no indicator dna-rate in the catalogue. Did you mean did-not-attend (Outpatient appointments not attended (DNA rate))? Synthetic service activity (demo) can give: ',
    );
    expect(await refusal('Synthetic service activity (demo)', 'zzz')).toMatch(
      /^There is no indicator zzz in the catalogue\. Synthetic service activity \(demo\) can give: /,
    );
    const named = /can give: (.*)$/.exec((await refusal('Synthetic service activity (demo)', 'dna')) ?? '');
    expect(named?.[1]?.split(', ').sort()).toEqual(demoIndicators);
    const demo = await t.services.analytics.notComputed('Synthetic service activity (demo)');
    expect(demo.map((m) => m.id)).not.toContain('emergency-admissions');

    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const dataset = (await t.services.analytics.listDatasets()).find(
      (d) => d.name === 'Admissions on 2011 LSOAs',
    )!;
    const page = await browser.get(`/analytics/datasets/${dataset.id}`);
    expect(page.body).toContain('Indicators this dataset cannot give');
    expect(page.body).toContain('those imported are for LSOA 2021 areas');
  });

  it('names a column of another name that may hold the field an indicator needs, and the mapping that reads it', async () => {
    const lsoa = syntheticLsoas()[0]!.lsoa_code;
    const dir = temporaryDir('parity-look-alike-');
    const file = path.join(dir, 'outpatients.csv');
    writeFileSync(
      file,
      `person_id,lsoa_code,age,Weeks waited (RTT),Did not arrive,Specialty\nW1,${lsoa},40,12,0,Cardiology\nW2,${lsoa},50,30,1,Urology\n`,
    );
    await t.services.analytics.importDataset(systemActor, { name: 'Outpatients, own headings', file });
    const missing = await t.services.analytics.notComputed('Outpatients, own headings');
    const reasonOf = (id: string) => missing.find((m) => m.id === id)?.reason;
    expect(reasonOf('waiting-median-weeks')).toBe(
      'needs a field this dataset does not have: wait_weeks. The column "Weeks waited (RTT)" (read as weeks_waited_rtt) may hold wait_weeks: if so, import the file again with {"measures": {"did_not_arrive": "Did not arrive", "wait_weeks": "Weeks waited (RTT)"}} in the mapping, which keeps its other measures as they are',
    );
    expect(reasonOf('did-not-attend')).toBe(
      'needs a field this dataset does not have: dna. The column "Did not arrive" (read as did_not_arrive) may hold dna: if so, import the file again with {"measures": {"weeks_waited_rtt": "Weeks waited (RTT)", "dna": "Did not arrive"}} in the mapping, which keeps its other measures as they are',
    );
    // Nothing looks like a cancer stage: the reason stays as it was.
    expect(reasonOf('cancer-early-stage')).toBe('needs a field this dataset does not have: cancer_stage');
    // The dataset's page says it once for the four waiting-list indicators.
    const staff = new Browser(t.app);
    await staff.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    const dataset = (await t.services.analytics.listDatasets()).find(
      (d) => d.name === 'Outpatients, own headings',
    )!;
    const page = (await staff.get(`/analytics/datasets/${dataset.id}`)).body;
    expect(page.match(/does not have: wait_weeks/g)).toHaveLength(1);
    expect(page).toContain(
      'and Median wait on the waiting list: each needs a field this dataset does not have: wait_weeks. The column &quot;Weeks waited (RTT)&quot;',
    );

    // Imported again with the mapping the hint gives, the other measures are still read.
    const hinted = JSON.parse(
      reasonOf('waiting-median-weeks')!.match(/with (\{.*\}) in the mapping/)![1]!,
    ) as Record<string, unknown>;
    const followed = await t.services.analytics.importDataset(systemActor, {
      name: 'Outpatients, as hinted',
      file,
      mapping: hinted,
    });
    expect(followed.fields?.measures.sort()).toEqual(['did_not_arrive', 'wait_weeks']);
    // A mapping that lists measures without a column says that column was not imported.
    const partial = await t.services.analytics.importDataset(systemActor, {
      name: 'Outpatients, partly mapped',
      file,
      mapping: { measures: { wait_weeks: 'Weeks waited (RTT)' } },
    });
    expect(partial.report?.warnings).toContain(
      'The column "Did not arrive" was not imported: the mapping lists measures, which take the place of those Parity finds, and does not name it. To import it, add it to the mapping\'s measures, flags or attributes.',
    );

    // Imported again as suggested, the indicators are computed.
    await t.services.analytics.importDataset(systemActor, {
      name: 'Outpatients, mapped',
      file,
      mapping: { measures: { wait_weeks: 'Weeks waited (RTT)', dna: 'Did not arrive' } },
    });
    const mapped = (await t.services.analytics.notComputed('Outpatients, mapped')).map((m) => m.id);
    expect(mapped).not.toContain('waiting-median-weeks');
    expect(mapped).not.toContain('did-not-attend');
  });

  it('counts in rates only the people living in the places, when the geography is cut to the area', async () => {
    // The demo's geography holds the places' LSOAs only. Admissions of 40 residents, and of 20
    // people living elsewhere (an LSOA not in the file) or whose LSOA was not recorded.
    const lsoas = syntheticLsoas().map((l) => l.lsoa_code);
    const lines = Array.from({ length: 60 }, (_v, j) => {
      const lsoa = j < 40 ? lsoas[(j * 13) % lsoas.length] : j < 50 ? 'E01999999' : '';
      return `R${j},${lsoa},${20 + j},${j % 2 ? 'F' : 'M'},A,2024-05-01,1`;
    });
    const dir = temporaryDir('parity-residents-');
    const file = path.join(dir, 'admissions.csv');
    writeFileSync(
      file,
      ['person_id,lsoa_code,age,sex,ethnic_code,event_date,emergency_admission', ...lines].join('\n'),
    );
    await t.services.analytics.importDataset(systemActor, { name: 'Admissions with visitors', file });
    const [rate] = await t.services.analytics.compute(systemActor, {
      datasetName: 'Admissions with visitors',
      indicatorId: 'emergency-admissions',
    });
    const overall = rate?.rows.find((r) => r.dimension === 'overall');
    expect(overall?.numerator).toBe('40');
    expect(rate?.caveats).toContain(
      'Rates count the people living in Northshire, Riverside City and Westdale, over their population: 33% of the events in this dataset were of people living elsewhere, or whose area of residence is not known, and are not counted.',
    );
  });

  it('shows staff a dataset with its provenance and validation report', async () => {
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const dataset = (await t.services.analytics.listDatasets()).find(
      (d) => d.name === 'Synthetic service activity (demo)',
    )!;
    const page = await browser.get(`/analytics/datasets/${dataset.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Validation report');
    expect(page.body).toContain('demo-activity.parquet');
    // Its results, to check and publish from here.
    expect(page.body).toContain('Results from this dataset');
    for (const r of (await t.services.analytics.listResults(true)).filter((x) => x.datasetId === dataset.id))
      expect(page.body).toContain(`href="/analytics/indicators/${r.id}"`);
    // Counts with separators, and the time in words rather than as stored.
    expect(page.body).toContain('20,000');
    expect(page.body).not.toContain(dataset.updatedAt);
    expect(page.body).toMatch(/Imported at[\s\S]*?\d{1,2} [A-Z][a-z]+ \d{4}/);
    const computed = await browser.get(`/analytics/datasets/${dataset.id}?computed=1`);
    expect(computed.body).toContain('One indicator computed as a draft.');
  });

  it('names every mistake of the import form at once, and says to choose the file again', async () => {
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const form = '/analytics/datasets/new';
    const before = (await t.services.analytics.listDatasets()).length;
    const nothing = await browser.upload(form, { name: '' }, []);
    expect(nothing.statusCode).toBe(400);
    expect(nothing.body).toContain('Choose a CSV, Parquet or spreadsheet file to import');
    expect(nothing.body).toContain('Enter a name for the dataset');

    const notes = await browser.upload(form, { name: 'Notes' }, [
      { field: 'file', filename: 'notes.docx', content: 'some notes' },
    ]);
    expect(notes.body).toContain(
      'Choose a CSV (.csv or .csv.gz), tab-separated text (.txt or .tsv), SQL Server Management Studio results (.rpt), Parquet (.parquet), Excel (.xlsx) or OpenDocument spreadsheet (.ods) file: notes.docx is none of these',
    );
    expect(notes.body).not.toContain('You chose notes.docx');

    const unnamed = await browser.upload(form, { name: '', mapping: '{"colums": {}}' }, [
      { field: 'file', filename: 'clinic.csv', content: 'lsoa_code,age\nX01000001,44\n' },
    ]);
    expect(unnamed.body).toContain('Enter a name for the dataset');
    expect(unnamed.body).toContain('colums is not a mapping setting');
    expect(unnamed.body).toContain('You chose clinic.csv: choose it again');
    const badJson = await browser.upload(form, { name: '', mapping: '{colums' }, [
      { field: 'file', filename: 'clinic.csv', content: 'lsoa_code,age\nX01000001,44\n' },
    ]);
    expect(badJson.body).toContain('The column mapping must be JSON');
    expect(badJson.body).toContain('Enter a name for the dataset');
    const short = await browser.upload(form, { name: 'X' }, [
      { field: 'file', filename: 'clinic.csv', content: 'lsoa_code,age\nX01000001,44\n' },
    ]);
    expect(short.body).toContain('The name must be 2 characters or more');
    expect(short.body).not.toContain('Enter a name for the dataset');
    // A heading the file does not have is named on the form, before any import starts.
    const wrongHeading = await browser.upload(form, { name: 'Clinic', column_lsoa_code: 'LSOA code' }, [
      { field: 'file', filename: 'clinic.csv', content: 'lsoa_code,age\nX01000001,44\n' },
    ]);
    expect(wrongHeading.statusCode).toBe(400);
    expect(wrongHeading.body).toContain('The mapping names columns the file does not have: LSOA code');
    expect(wrongHeading.body).toContain('value="LSOA code"');
    // Tab-separated text (Excel's "Unicode Text" is saved as .txt) is read here as on the command line.
    const text = await browser.upload(form, { name: 'Clinic', column_lsoa_code: 'LSOA code' }, [
      { field: 'file', filename: 'clinic.txt', content: 'lsoa_code\tage\nX01000001\t44\n' },
    ]);
    expect(text.body).toContain(
      'The mapping names columns the file does not have: LSOA code. The file has: lsoa_code, age',
    );
    // So are Management Studio's results to a file, lined up with spaces, plain or gzipped.
    const rpt = 'lsoa_code age\n--------- ---\nX01000001  44\n';
    // And spreadsheets saved by LibreOffice (OpenDocument, .ods), as by Excel.
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([
        ['lsoa_code', 'age'],
        ['X01000001', 44],
      ]),
      'Clinic',
    );
    const ods = XLSX.write(book, { type: 'buffer', bookType: 'ods' }) as Buffer;
    for (const [filename, content] of [
      ['clinic.rpt', rpt],
      ['clinic.rpt.gz', gzipSync(rpt)],
      ['clinic.ods', ods],
    ] as const) {
      const results = await browser.upload(form, { name: 'Clinic', column_lsoa_code: 'LSOA code' }, [
        { field: 'file', filename, content },
      ]);
      expect(results.body, filename).toContain(
        'The mapping names columns the file does not have: LSOA code. The file has: lsoa_code, age',
      );
    }
    expect((await t.services.analytics.listDatasets()).length).toBe(before);
  });

  it('offers with the demo an example extract with postcodes, which imports with every row linked to an LSOA', async () => {
    const browser = new Browser(t.app);
    await browser.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    const form = await browser.get('/analytics/datasets/new');
    expect(form.body).toContain('href="/analytics/datasets/example-extract.csv"');
    const example = await browser.get('/analytics/datasets/example-extract.csv');
    expect(example.statusCode).toBe(200);
    expect(example.headers['content-type']).toContain('text/csv');
    expect(example.headers['content-disposition']).toContain('example-extract.csv');
    const [header, ...rows] = example.body.trimEnd().split('\n');
    expect(header?.split(',')).toContain('postcode');
    expect(header?.split(',')).not.toContain('lsoa_code');
    expect(rows).toHaveLength(5000);

    const member = new Browser(t.app);
    await member.signIn((await makeUser(t.services, 'member')).email, testPassword);
    expect((await member.get('/analytics/datasets/example-extract.csv')).statusCode).toBe(403);

    const imported = await browser.upload('/analytics/datasets/new', { name: 'Example extract' }, [
      { field: 'file', filename: 'example-extract.csv', content: example.body },
    ]);
    expect(imported.statusCode, imported.body).toBe(303);
    const named = async () =>
      (await t.services.analytics.listDatasets()).find((d) => d.name === 'Example extract');
    await expect.poll(async () => (await named())?.status, { timeout: 30_000 }).toBe('ready');
    const dataset = (await named())!;
    expect(dataset).toMatchObject({ rowsRead: 5000, rowsStored: 5000, rowsWithProblems: 0 });
    const page = await browser.get(`/analytics/datasets/${dataset.id}`);
    expect(page.body).toContain('LSOAs looked up from the postcodes in the postcode directory');
    await t.services.analytics.removeDataset(systemActor, { name: 'Example extract' });
  });

  it('imports a workbook of a worksheet a year as one dataset from the form, naming problem rows by worksheet', async () => {
    const browser = new Browser(t.app);
    await browser.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    const book = XLSX.utils.book_new();
    const years: [string, (string | number)[][]][] = [
      ['2023-24', [['X01000001', '01/05/2023', 1]]],
      [
        '2024-25',
        [
          ['X01000002', '01/05/2024', 0],
          ['NOT-AN-LSOA', '02/05/2024', 1],
        ],
      ],
    ];
    for (const [year, rows] of years)
      XLSX.utils.book_append_sheet(
        book,
        XLSX.utils.aoa_to_sheet([['LSOA', 'Appointment date', 'DNA'], ...rows]),
        year,
      );
    const content = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    const form = await browser.get('/analytics/datasets/new');
    expect(form.body).toContain('Also read the other worksheets that have the same headings');
    const imported = await browser.upload('/analytics/datasets/new', { name: 'Years', allSheets: 'yes' }, [
      { field: 'file', filename: 'years.xlsx', content },
    ]);
    expect(imported.statusCode, imported.body).toBe(303);
    const named = async () => (await t.services.analytics.listDatasets()).find((d) => d.name === 'Years');
    await expect.poll(async () => (await named())?.status, { timeout: 30_000 }).toBe('ready');
    const dataset = (await named())!;
    expect(dataset).toMatchObject({ rowsRead: 3, rowsStored: 3, rowsWithProblems: 1 });
    const page = await browser.get(`/analytics/datasets/${dataset.id}`);
    expect(page.body).toContain('2 worksheets with the same headings were read as one dataset');
    expect(page.body).toContain('numbered as in each worksheet');
    expect(page.body).toMatch(
      /Worksheet <\/span><span class="parity-file-name">2024-25<\/span><\/td>\s*<td[^>]*><span[^>]*>Row <\/span>3<\/td>/,
    );
    expect(page.body).toContain('3 of “2024-25”');
    await t.services.analytics.removeDataset(systemActor, { name: 'Years' });
  });

  it('imports several CSV files chosen at once as one dataset, naming problem rows by file', async () => {
    const browser = new Browser(t.app);
    await browser.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    const form = await browser.get('/analytics/datasets/new');
    expect(form.body).toMatch(/<input[^>]*id="file"[^>]*type="file" multiple/);
    const april = Buffer.from('LSOA,DNA\nX01000001,1\n');
    const may = Buffer.from('DNA,LSOA\n0,X01000002\n1,NOT-AN-LSOA\n');
    const imported = await browser.upload('/analytics/datasets/new', { name: 'Months' }, [
      { field: 'file', filename: 'april.csv', content: april },
      { field: 'file', filename: 'may.csv', content: may },
    ]);
    expect(imported.statusCode, imported.body).toBe(303);
    const named = async () => (await t.services.analytics.listDatasets()).find((d) => d.name === 'Months');
    await expect.poll(async () => (await named())?.status, { timeout: 30_000 }).toBe('ready');
    const dataset = (await named())!;
    expect(dataset).toMatchObject({
      sourceFile: 'april.csv and may.csv',
      rowsStored: 3,
      rowsWithProblems: 1,
    });
    const page = await browser.get(`/analytics/datasets/${dataset.id}`);
    expect(page.body).toContain('2 files with the same headings were read as one dataset');
    expect(page.body).toContain('numbered as in each file');
    expect(page.body).toMatch(
      /File <\/span><span class="parity-file-name">may\.csv<\/span><\/td>\s*<td[^>]*><span[^>]*>Row <\/span>3<\/td>/,
    );
    // The uploads are removed once read.
    const uploads = path.join(t.services.config.dataDir, 'analytics', 'uploads');
    await expect.poll(() => readdirSync(uploads)).toEqual([]);

    // Files that cannot be read together come back to the form, and the dataset is unchanged.
    const other = await browser.upload('/analytics/datasets/new', { name: 'Months' }, [
      { field: 'file', filename: 'april.csv', content: april },
      { field: 'file', filename: 'june.csv', content: Buffer.from('LSOA,Attended\nX01000003,1\n') },
    ]);
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('&quot;june.csv&quot; has no &quot;DNA&quot;');
    expect(other.body).toContain('You chose april.csv and june.csv: choose them again');
    expect((await named())?.id).toBe(dataset.id);
    // More files than the form takes: a page that says so, and nothing kept of them.
    const many = Array.from({ length: 37 }, (_v, i) => ({
      field: 'file',
      filename: `m${i}.csv`,
      content: april,
    }));
    const tooMany = await browser.upload('/analytics/datasets/new', { name: 'Many' }, many);
    expect(tooMany.statusCode).toBe(413);
    expect(tooMany.body).toContain('You chose more files than this form takes');
    expect(tooMany.body).toContain('<a href="/analytics/datasets/new">Go back to Import a dataset</a>');
    await expect.poll(() => readdirSync(uploads)).toEqual([]);
    await t.services.analytics.removeDataset(systemActor, { name: 'Months' });
  });

  it('allows only staff and admins to manage datasets', async () => {
    for (const [role, status] of [
      ['admin', 200],
      ['staff', 200],
      ['member', 403],
    ] as const) {
      const user = await makeUser(t.services, role);
      const browser = new Browser(t.app);
      await browser.signIn(user.email, testPassword);
      expect((await browser.get('/analytics/datasets')).statusCode, role).toBe(status);
      expect((await browser.get('/analytics/datasets/new')).statusCode, role).toBe(status);
      expect((await browser.get('/analytics/datasets/link')).statusCode, role).toBe(status);
    }
    expect((await new Browser(t.app).get('/analytics/datasets')).statusCode).toBe(303);
  });

  it('shows staff the reference geography that datasets are linked to, and where its populations came from', async () => {
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const page = (await browser.get('/analytics/datasets')).body;
    const lsoas = syntheticLsoas();
    const people = syntheticPopulation(lsoas).reduce((sum, row) => sum + row.population, 0);
    expect(page).toContain('<h2 id="reference-geography">Reference geography</h2>');
    expect(page).toContain(
      `Synthetic IMD (demo): ${lsoas.length.toLocaleString('en-GB')} LSOAs, with its 7 domains`,
    );
    expect(page).toMatch(
      new RegExp(
        `${people.toLocaleString('en-GB')} people in ${lsoas.length} LSOAs,\\s+from <span class="parity-file-name">synthetic populations of the demo</span>`,
      ),
    );
    // The places of the area, with their local authorities, as the demo geography has them.
    expect(page).toContain('<h3>Places of LSOA 2021 areas</h3>');
    for (const place of new Set(lsoas.map((l) => l.place))) {
      const ofPlace = lsoas.filter((l) => l.place === place);
      const authorities = [...new Set(ofPlace.map((l) => l.la_name))].sort().join(', ');
      expect(page).toMatch(
        new RegExp(
          `${place}</td>\\s*<td[^>]*><span[^>]*>Local authorities </span>${authorities}</td>\\s*<td[^>]*><span[^>]*>LSOAs </span>${ofPlace.length}<`,
        ),
      );
    }
    // Estimates read from a workbook name its worksheet (here for LSOA 2011 areas, beside the demo's 2021 ones).
    const dir = temporaryDir('parity-geo-page-');
    const imd = path.join(dir, 'imd.csv');
    writeFileSync(
      imd,
      'lsoa11_code,lsoa11_name,lad19_code,IMD_rank,IMD_decile\nE01000001,City 001A,E09000001,3000,1\nE01000002,Town 001A,E09000002,9000,3\n',
    );
    const ages = Array.from({ length: 91 }, (_v, age) => String(age));
    const book = XLSX.utils.book_new();
    const estimates = [
      ['LSOA Code', ...ages],
      ['E01000001', ...ages.map(() => 2)],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Contents']]), 'Contents');
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([['Mid-2020'], [], ...estimates]),
      'Mid-2020 Persons',
    );
    const population = path.join(dir, 'sape23dt2.xlsx');
    writeFileSync(population, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await t.services.analytics.importGeography(systemActor, {
      imd,
      population,
      places: { City: ['E09000001'] },
    });
    const withPlaces = (await browser.get('/analytics/datasets')).body;
    expect(withPlaces).toMatch(
      /182 people in 1 LSOA,\s+from <span class="parity-file-name">sape23dt2\.xlsx<\/span> \(worksheet “Mid-2020 Persons”\)/,
    );
    // The LSOA outside the places is kept for its deprivation; rates are for the places' residents.
    expect(withPlaces).toContain('2 LSOAs (1 in the places, whose residents rates count)');
    expect(withPlaces).toContain('<h3>Places of LSOA 2011 areas</h3>');
    // Without places, a national file makes every local authority a place: said, not listed.
    const national = path.join(dir, 'national.csv');
    const rows = Array.from(
      { length: 31 },
      (_v, i) => `E0100${String(1000 + i)},Area ${i},E0900${String(1000 + i)},${1000 + i},${(i % 10) + 1}`,
    );
    writeFileSync(national, ['lsoa11_code,lsoa11_name,lad19_code,IMD_rank,IMD_decile', ...rows].join('\n'));
    await t.services.analytics.importGeography(systemActor, { imd: national });
    expect((await browser.get('/analytics/datasets')).body).toContain(
      'Each of the 31 local authorities is its own place, and rates are for the people living in all of them.',
    );
    expect(withPlaces).toMatch(/City<\/td>\s*<td[^>]*><span[^>]*>Local authorities <\/span>E09000001<\/td>/);
  });

  it('breaks an indicator down by a domain of deprivation when asked', async () => {
    const [dna] = await t.services.analytics.compute(systemActor, {
      datasetName: demoDatasetName,
      indicatorId: 'did-not-attend',
      by: ['income_decile'],
    });
    const groups = new Set(dna!.rows.filter((r) => r.dimension === 'income_decile').map((r) => r.group));
    expect([...groups].sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 10 }, (_v, i) => String(i + 1)),
    );
    expect(dna!.summaries.some((s) => s.dimension === 'income_decile' && s.measure === 'sii')).toBe(true);
  });

  it('says what is needed to link a PostgreSQL table when no such database is configured', async () => {
    expect(t.services.config.analyticsDatabaseUrl).toBeUndefined();
    await expect(
      t.services.analytics.linkTable(systemActor, { name: 'Warehouse', table: 'clinic.activity' }),
    ).rejects.toThrow(/set ANALYTICS_DATABASE_URL/);
    await expect(
      t.services.analytics.linkTable(systemActor, { name: 'Warehouse', table: 'Clinic Activity' }),
    ).rejects.toThrow(/schema\.table/);
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const page = await browser.get('/analytics/datasets/link');
    expect(page.body).toContain(
      'Ask the administrator of this server to set <code>ANALYTICS_DATABASE_URL</code>',
    );
    expect(page.body).not.toContain('Link the table');
  });

  it('lets staff add an indicator without code, explaining each mistake against its field', async () => {
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const catalogue = await browser.get('/analytics/catalogue');
    expect(catalogue.body).toContain('Outpatient appointments not attended (DNA rate)');
    expect(catalogue.body).toContain('<code>wait_weeks &gt; 18</code>');
    expect(catalogue.body).toContain('Directly age-standardised rate');
    expect(catalogue.body).not.toMatch(/Statistic <\/span>dsr/);
    const form = {
      title: 'People waiting more than 40 weeks',
      id: 'waiting-over-40-weeks',
      programme: 'Local',
      area: 'Elective recovery',
      statistic: 'proportion',
      numeratorDescription: 'People waiting more than 40 weeks',
      numeratorConditions: 'wait_weeks more than 40',
      denominatorDescription: 'Everyone on the waiting list',
      denominatorConditions: 'wait_weeks present',
      polarity: 'low-is-good',
      unit: '%',
      definition: 'The share of the waiting list that has waited more than 40 weeks.',
    };
    const wrong = await browser.submit('/analytics/catalogue/new', form);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#numeratorConditions"');
    expect(wrong.body).toContain('Numerator conditions, line 1: write the field, a comparison and a value');
    expect(wrong.body).toContain('value="People waiting more than 40 weeks"');
    const added = await browser.submit('/analytics/catalogue/new', {
      ...form,
      numeratorConditions: 'wait_weeks > 40',
    });
    expect(added.statusCode).toBe(303);
    const listed = await browser.get(added.headers.location as string);
    expect(listed.body).toContain('Added People waiting more than 40 weeks.');
    expect(listed.body).toContain('<code>wait_weeks &gt; 40</code>');
    expect(listed.body).not.toContain('No dataset has some of its fields');
    // A misspelt field is taken (a later dataset may have it), with a warning that none has it now.
    const misspelt = await browser.submit('/analytics/catalogue/new', {
      ...form,
      id: 'waiting-misspelt',
      numeratorConditions: 'wait_weeek > 52',
      denominatorConditions: 'wait_weeks present\nagee > 17',
    });
    const warned = await browser.get(misspelt.headers.location as string);
    expect(warned.body).toContain('No dataset imported so far has fields called wait_weeek, agee');
    await t.services.analytics.removeIndicator(systemActor, 'waiting-misspelt');
    const again = await browser.submit('/analytics/catalogue/new', {
      ...form,
      numeratorConditions: 'wait_weeks > 40',
    });
    expect(again.body).toContain('An indicator called waiting-over-40-weeks already exists');

    // The new indicator is computed like a built-in one: more wait 40 weeks than a year, fewer than 18 weeks.
    const share = async (indicatorId: string) => {
      const [result] = await t.services.analytics.compute(systemActor, {
        datasetName: 'Synthetic service activity (demo)',
        indicatorId,
        by: ['imd_quintile'],
      });
      return result!.rows.find((r) => r.dimension === 'overall')!.value!;
    };
    const over40 = await share('waiting-over-40-weeks');
    expect(over40).toBeGreaterThan(await share('waiting-over-52-weeks'));
    expect(over40).toBeLessThan(await share('waiting-over-18-weeks'));

    // An added indicator can be removed again; a built-in one cannot.
    // Removing asks first, saying what goes and what stays.
    const page = await browser.get('/analytics/catalogue');
    expect(page.body).toContain('href="/analytics/catalogue/waiting-over-40-weeks/remove"');
    expect(page.body).not.toContain('href="/analytics/catalogue/did-not-attend/remove"');
    const confirm = await browser.get('/analytics/catalogue/waiting-over-40-weeks/remove');
    expect(confirm.body).toContain('Remove this indicator');
    expect(confirm.body).toContain('keeps the results already worked out for it');
    expect((await browser.get('/analytics/catalogue/did-not-attend/remove')).statusCode).toBe(404);
    const removed = await browser.submit('/analytics/catalogue/waiting-over-40-weeks/remove', {});
    expect(removed.statusCode).toBe(303);
    expect((await browser.get(removed.headers.location as string)).body).toContain(
      'Removed the indicator waiting-over-40-weeks.',
    );
    expect((await t.services.analytics.indicators()).map((i) => i.id)).not.toContain('waiting-over-40-weeks');
    const builtIn = await browser.submit(
      '/analytics/catalogue',
      {},
      '/analytics/catalogue/did-not-attend/remove',
    );
    expect(builtIn.statusCode).toBe(404);
  });
  it('fills the form in from an indicator of the catalogue, for a local one like it', async () => {
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const catalogue = await browser.get('/analytics/catalogue');
    expect(catalogue.body).toContain('href="/analytics/catalogue/new?like=copd-emergency-admissions"');
    const form = await browser.get('/analytics/catalogue/new?like=copd-emergency-admissions');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Filled in from <strong>Emergency admissions for COPD');
    expect(form.body).toContain('value="copd-emergency-admissions-local"');
    expect(form.body).toMatch(
      /<textarea[^>]*name="numeratorConditions"[^>]*>copd_emergency_admission = 1\nage &gt;= 35<\/textarea>/,
    );
    expect(form.body).toContain('value="35"');
    // An identifier no indicator has gives the empty form.
    const plain = await browser.get('/analytics/catalogue/new?like=no-such-indicator');
    expect(plain.body).not.toContain('Filled in from');
    expect(plain.body).not.toContain('copd_emergency_admission');
  });

  it('computes an added indicator on the first characters of a text field as the same one written with =', async () => {
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const shared = {
      programme: 'Local',
      area: 'Urgent and emergency care',
      statistic: 'proportion',
      numeratorDescription: 'Emergency activity',
      denominatorDescription: 'All activity',
      denominatorConditions: 'activity present',
      polarity: 'low-is-good',
      unit: '%',
      definition: 'The share of activity that is emergency care.',
    };
    const added = await browser.submit('/analytics/catalogue/new', {
      ...shared,
      id: 'emergency-share-starts',
      title: 'Share of activity that is emergency care (starts with)',
      numeratorConditions: 'activity starts with EMERG',
    });
    expect(added.statusCode).toBe(303);
    expect((await browser.get(added.headers.location as string)).body).toContain(
      '<code>activity starts with EMERG</code>',
    );
    await browser.submit('/analytics/catalogue/new', {
      ...shared,
      id: 'emergency-share-equals',
      title: 'Share of activity that is emergency care (equals)',
      numeratorConditions: 'activity = emergency',
    });
    const overall = async (indicatorId: string) => {
      const [result] = await t.services.analytics.compute(systemActor, {
        datasetName: 'Synthetic service activity (demo)',
        indicatorId,
        by: ['imd_quintile'],
      });
      return result!.rows
        .filter((r) => r.dimension === 'overall')
        .map((r) => [r.period, r.numerator, r.value]);
    };
    const starts = await overall('emergency-share-starts');
    expect(starts.length).toBeGreaterThan(0);
    expect(starts.every(([, numerator]) => Number(numerator) > 0)).toBe(true);
    expect(starts).toEqual(await overall('emergency-share-equals'));
    await t.services.analytics.removeIndicator(systemActor, 'emergency-share-starts');
    await t.services.analytics.removeIndicator(systemActor, 'emergency-share-equals');
  });

  it('reads a column an added indicator needs as a number when most of its values are numbers', async () => {
    await t.services.analytics.addIndicator(systemActor, {
      id: 'mean-pain-score',
      title: 'Average pain score after surgery',
      programme: 'Local',
      area: 'Surgery',
      statistic: 'mean',
      numerator: { description: 'Pain scores', where: [] },
      denominator: { description: 'Everyone scored', where: [{ field: 'pain_score', op: 'present' }] },
      value: { field: 'pain_score', description: 'Pain score, 0 to 10' },
      polarity: 'low-is-good',
      unit: 'points',
      definition: 'The mean pain score reported the day after surgery.',
    });
    const dir = temporaryDir('parity-pain-');
    const file = path.join(dir, 'pain.csv');
    // Two of three values are numbers: a measure only because an indicator reads it as one.
    writeFileSync(file, 'lsoa_code,Pain score\nX01000001,3\nX01000002,not asked\nX01000003,5\n');
    const dataset = await t.services.analytics.importDataset(systemActor, { name: 'Pain scores', file });
    await t.services.analytics.removeIndicator(systemActor, 'mean-pain-score');
    expect(dataset.fields?.measures).toEqual(['pain_score']);
    expect(dataset.report?.examples).toContainEqual(
      expect.objectContaining({ row: 3, column: 'Pain score', value: 'not asked', problem: 'not a number' }),
    );
  });

  it('lets staff break every indicator down by a domain of deprivation and by ethnic group in the Core20, shown on its page', async () => {
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const dataset = (await t.services.analytics.listDatasets()).find((d) => d.name === demoDatasetName)!;
    const page = `/analytics/datasets/${dataset.id}`;
    const form = (await browser.get(page)).body;
    expect(form).toContain('Also break each indicator down by a domain of deprivation (optional)');
    expect(form).toContain('value="income_decile"');
    expect(form).toContain(
      'Also set the Core20 beside the rest of the population within each group (optional)',
    );
    // The demo was computed with them, so they are ticked again: computing again keeps them.
    expect(form).toMatch(/value="core20_ethnic"[^>]*checked/);
    expect(form).toMatch(/value="core20_place"[^>]*checked/);
    expect(form).not.toMatch(/value="income_decile"[^>]*checked/);
    const computed = await browser.submit(
      page,
      { domains: 'income_decile', alsoBy: 'core20_ethnic' },
      `${page}/compute`,
    );
    expect(computed.statusCode).toBe(303);
    const draft = (await t.services.analytics.listResults(true)).find(
      (r) =>
        r.status === 'draft' &&
        r.indicatorId === 'did-not-attend' &&
        r.result.dimensions.some((d) => d.id === 'income_decile') &&
        r.result.dimensions.some((d) => d.id === 'core20_ethnic'),
    );
    expect(draft).toBeDefined();
    expect((await browser.get(page)).body).toMatch(/value="income_decile"[^>]*checked/);
    const view = (await browser.get(`/analytics/indicators/${draft!.id}`)).body;
    expect(view).toContain('By income domain decile (1 = most deprived)');
    // Drawn as the IMD deciles are, in rank order with its own slope index.
    expect(view).toContain('Outpatient appointments not attended (DNA rate) by income domain decile');
    expect(view).toContain('By ethnic group (broad) in the Core20 and in the rest');
    expect(view).toContain(
      'Grey outlined bar below it: the same ethnic group, in the rest of the population.',
    );
    // A domain the service does not know is refused, not ignored.
    const refused = await browser.submit(page, { domains: 'wealth_decile' }, `${page}/compute`);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Unknown domain: wealth_decile');
    const unknown = await browser.submit(page, { alsoBy: 'core20_sex' }, `${page}/compute`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Unknown breakdown: core20_sex. Choose from core20_ethnic, core20_place');
  });

  it('gives every published indicator in one download, leaving drafts out even for staff', async () => {
    // The test before this one left drafts broken down by the income domain.
    const drafts = (await t.services.analytics.listResults(true)).filter((r) => r.status === 'draft');
    expect(drafts.some((r) => r.result.dimensions.some((d) => d.id === 'income_decile'))).toBe(true);
    const published = await t.services.analytics.listResults(false);
    const visitor = new Browser(t.app);
    expect((await visitor.get('/analytics')).body).toContain('href="/analytics/download.xlsx?periods=all"');

    const parse = (body: string) => {
      const [header, ...lines] = body.trimEnd().split('\r\n');
      // No cell of the demo's figures holds a comma inside quotes before the period column.
      return { header, rows: lines.map((line) => line.split(',')) };
    };
    const latest = await visitor.get('/analytics/download.csv');
    expect(latest.headers['content-disposition']).toMatch(
      /^attachment; filename="health-inequality-indicators-latest-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const { header, rows } = parse(latest.body);
    expect(header).toBe(
      'dataset,indicator_id,indicator,period,breakdown,group,numerator,denominator,value,unit,lower_95,upper_95,lower_99_8,upper_99_8,compared_with_overall,flag,note,kind',
    );
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(published.map((r) => r.indicatorId)));
    // Each row names its dataset, as two datasets may give the same indicator.
    expect(new Set(rows.map((r) => `${r[0]} ${r[1]}`))).toEqual(
      new Set(published.map((r) => `${r.datasetName} ${r.indicatorId}`)),
    );
    const latestOf = new Map(
      published.map((r) => [`${r.datasetName} ${r.indicatorId}`, r.result.latestPeriod]),
    );
    const periodColumn = (r: string[]) => r.find((cell) => /^\d{4}\/\d{2}$/.test(cell));
    expect(rows.every((r) => periodColumn(r) === latestOf.get(`${r[0]} ${r[1]}`))).toBe(true);
    expect(latest.body).not.toContain(',income_decile,');

    const every = parse((await visitor.get('/analytics/download.csv?periods=all')).body);
    const dna = published.find(
      (r) => r.datasetName === demoDatasetName && r.indicatorId === 'did-not-attend',
    )!;
    const dnaRows = every.rows.filter((r) => r[0] === demoDatasetName && r[1] === 'did-not-attend');
    expect(new Set(dnaRows.map(periodColumn))).toEqual(new Set(dna.result.periods));
    expect(every.rows.length).toBeGreaterThan(rows.length);

    // Staff, who see drafts on the pages, get the published figures only here too.
    const staff = new Browser(t.app);
    await staff.signIn((await makeUser(t.services, 'staff')).email, testPassword);
    const staffFile = await staff.get('/analytics/download.csv');
    expect(staffFile.body).toBe(latest.body);

    const xlsx = await staff.get('/analytics/download.xlsx?periods=all');
    const book = XLSX.read(xlsx.rawPayload, { type: 'buffer' });
    expect(book.SheetNames).toEqual(['Indicators', 'About these figures']);
    const cells = XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets.Indicators!);
    expect(cells).toHaveLength(every.rows.length);
    const about = XLSX.utils.sheet_to_json<string[]>(book.Sheets['About these figures']!, { header: 1 });
    const titles = about.filter((row) => row[0] === 'Indicator').map((row) => row[1]);
    expect([...titles].sort()).toEqual(published.map((r) => r.result.title).sort());
    expect(about.filter((row) => row[0] === 'Column: kind')).toHaveLength(1);
    expect(about.find((row) => row[0] === 'Figures')?.[1]).toBe(
      'Every published indicator, every period (each row names its period)',
    );
  });
});
