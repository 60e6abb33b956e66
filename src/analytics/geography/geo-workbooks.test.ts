import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { importGeography } from './geo-import.ts';
import { GeographyFormatError } from './official-formats.ts';
import { populationSources } from './population-vintages.ts';
import { otherMidYearsOf } from './workbook-convert.ts';

// The official files as published, read where they are (never copied into the project); the
// workbooks are laid out as MHCLG and ONS publish theirs: notes first, titles above the headings.
const shared = path.resolve(import.meta.dirname, '../../../../shared/data');

/** A CSV file's rows, with whole numbers as numbers (as a workbook stores them). */
function csvRows(file: string): (string | number)[][] {
  const book = XLSX.read(readFileSync(file, 'utf8'), { type: 'string', raw: true, dense: true });
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, {
    header: 1,
    raw: true,
  });
  return rows.map((row) => row.map((cell) => (/^\d+$/.test(cell) ? Number(cell) : cell)));
}

function writeWorkbook(file: string, sheets: [name: string, rows: unknown[][]][]): string {
  const book = XLSX.utils.book_new();
  for (const [name, rows] of sheets) XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), name);
  writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  return file;
}

const ages = Array.from({ length: 91 }, (_, age) => age);
/** An ONS mid-2021-onwards population worksheet: three title rows, then LSOA 2021 by sex and age. */
function onsSheet(year: number, lsoas: string[]): unknown[][] {
  const headings = ['LAD 2021 Code', 'LAD 2021 Name', 'LSOA 2021 Code', 'LSOA 2021 Name', 'Total'];
  for (const sex of ['F', 'M']) headings.push(...ages.map((age) => `${sex}${age}`));
  const rows = lsoas.map((lsoa, i) => {
    const counts = ['F', 'M'].flatMap((_, s) => ages.map((age) => ((age + i + s * 3 + year) % 13) + 1));
    return ['E06000016', 'Leicester', lsoa, `Leicester ${i}`, counts.reduce((a, b) => a + b, 0), ...counts];
  });
  return [
    [`Mid-${year} population estimates for Lower layer Super Output Areas (LSOA 2021) in England and Wales`],
    ['This worksheet contains one table.'],
    ['Source: Office for National Statistics'],
    headings,
    ...rows,
  ];
}

/** People of `sex` (F or M) in an ONS worksheet's rows, added up in the test from the worksheet. */
function people(sheet: unknown[][], sex: 'F' | 'M'): number {
  const headings = sheet[3] as string[];
  const columns = headings.flatMap((h, i) => (h.startsWith(sex) && /^\w\d+$/.test(h) ? [i] : []));
  return sheet.slice(4).reduce((sum, row) => sum + columns.reduce((s, i) => s + (row[i] as number), 0), 0);
}

describe('geography import of the official files as Excel workbooks', () => {
  let dir: string;
  const stores: string[] = [];
  const openStore = async (name: string): Promise<AnalyticsStore> => {
    stores.push(path.join(dir, name));
    return analyticsStore(path.join(dir, name));
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-geo-xlsx-'));
  });
  afterAll(async () => {
    for (const store of stores) await closeAnalyticsStore(store);
    rmSync(dir, { recursive: true, force: true });
  });

  const table = (store: AnalyticsStore, name: string) => `read_parquet('${store.geographyPath(name)}')`;
  const tmpFiles = (store: AnalyticsStore) => readdirSync(path.join(store.root, 'tmp'));

  it("reads IoD2019 File 1, the ward lookup and an ONS SAPE population workbook (by sex, from its females' and males' worksheets) as it reads the CSV files", async () => {
    const imd = csvRows(path.join(shared, 'iod2019_imd_lsoa11_llr.csv'));
    const lookup = csvRows(path.join(shared, 'lookup_lsoa11_ward19_lad19_llr.csv'));
    const population = csvRows(path.join(shared, 'population_mid2020_lsoa11_single_year_age_llr.csv'));
    const renamed: Record<string, string> = {
      lsoa11_name: 'LSOA Name',
      lsoa11_code: 'LSOA Code',
      total_population: 'All Ages',
    };
    const sapeHeadings = population[0]!.map((h) => renamed[String(h)] ?? h);
    const sapeTitle = [
      ['Mid-2020 Population Estimates for Lower Layer Super Output Areas in England and Wales'],
      ['Persons'],
      [],
      [],
    ];
    // Up to mid-2020 ONS gave each sex a worksheet of its own beside the persons': read by sex.
    const split = (share: (people: number) => number) =>
      population.slice(1).map((row) => row.map((cell, i) => (i > 2 ? share(Number(cell)) : cell)));
    const males = split((people) => Math.floor(people / 2));
    const females = split((people) => people - Math.floor(people / 2));
    const ageColumns = (rows: (string | number)[][]) =>
      rows.reduce((sum, row) => sum + row.slice(3).reduce<number>((s, n) => s + Number(n), 0), 0);
    const files = {
      imd: writeWorkbook(path.join(dir, 'File_1_-_IMD2019_Index_of_Multiple_Deprivation.xlsx'), [
        ['Notes', [['English Indices of Deprivation 2019'], ['File 1: index of multiple deprivation']]],
        ['IMD2019', imd],
      ]),
      lookups: [
        writeWorkbook(path.join(dir, 'LSOA11_WD19_LAD19.xlsx'), [['LSOA11_WD19_LAD19_EW_LU', lookup]]),
      ],
      population: writeWorkbook(path.join(dir, 'sape23dt2mid2020lsoasyoaestimatesunformatted.xlsx'), [
        ['Contents', [['Contents'], ['Mid-2020 Persons'], ['Mid-2020 Males'], ['Mid-2020 Females']]],
        ['Mid-2020 Persons', [...sapeTitle, sapeHeadings, ...population.slice(1)]],
        ['Mid-2020 Males', [...sapeTitle, sapeHeadings, ...males]],
        ['Mid-2020 Females', [...sapeTitle, sapeHeadings, ...females]],
      ]),
    };
    const fromWorkbooks = await openStore('workbooks');
    const summary = await importGeography(fromWorkbooks, files);
    expect(summary).toMatchObject({
      vintage: '2011',
      lsoas: 611,
      withWard: 611,
      populationRows: 611 * 91 * 2,
    });
    const bySex = ['Mid-2020 Females', 'Mid-2020 Males'];
    expect(summary.worksheets).toEqual([
      { file: 'File_1_-_IMD2019_Index_of_Multiple_Deprivation.xlsx', sheets: ['IMD2019'] },
      { file: 'LSOA11_WD19_LAD19.xlsx', sheets: ['LSOA11_WD19_LAD19_EW_LU'] },
      { file: 'sape23dt2mid2020lsoasyoaestimatesunformatted.xlsx', sheets: bySex },
    ]);
    expect(populationSources(fromWorkbooks)['2011']).toEqual([
      { midYear: 2020, file: 'sape23dt2mid2020lsoasyoaestimatesunformatted.xlsx', sheets: bySex },
    ]);
    expect(
      await fromWorkbooks.query(
        `SELECT sex, sum(population) AS n FROM ${table(fromWorkbooks, 'lsoa_population')} GROUP BY sex ORDER BY sex`,
      ),
    ).toEqual([
      { sex: 'F', n: String(ageColumns(females)) },
      { sex: 'M', n: String(ageColumns(males)) },
    ]);

    const fromCsv = await openStore('csv');
    await importGeography(fromCsv, {
      imd: path.join(shared, 'iod2019_imd_lsoa11_llr.csv'),
      lookups: [path.join(shared, 'lookup_lsoa11_ward19_lad19_llr.csv')],
      population: path.join(shared, 'population_mid2020_lsoa11_single_year_age_llr.csv'),
    });
    // The deprivation as from the CSV files; women and men at each age add up to the persons there.
    const rows = {
      lsoa_geography: (store: AnalyticsStore) => `SELECT * FROM ${table(store, 'lsoa_geography')}`,
      lsoa_population: (store: AnalyticsStore) =>
        `SELECT lsoa_code, vintage, age, sum(population) AS people FROM ${table(store, 'lsoa_population')} GROUP BY ALL`,
    };
    for (const select of Object.values(rows)) {
      const differ = (a: AnalyticsStore, b: AnalyticsStore) =>
        a.query(`SELECT count(*) AS n FROM (${select(a)} EXCEPT ALL ${select(b)})`);
      expect(await differ(fromWorkbooks, fromCsv)).toEqual([{ n: '0' }]);
      expect(await differ(fromCsv, fromWorkbooks)).toEqual([{ n: '0' }]);
    }
    expect(tmpFiles(fromWorkbooks)).toEqual([]);
  });

  it('reads every mid-year of an ONS LSOA 2021 population workbook by sex, or the worksheet named', async () => {
    const lsoas = csvRows(path.join(shared, 'iod2025_imd_lsoa21_llr.csv'))
      .slice(1, 6)
      .map((row) => String(row[0]));
    const sheets: [string, unknown[][]][] = [
      ['Cover sheet', [['Lower layer Super Output Area population estimates'], ['Mid-2022 to mid-2023']]],
      ['Mid-2022 LSOA 2021', onsSheet(2022, lsoas)],
      ['Mid-2023 LSOA 2021', onsSheet(2023, lsoas)],
    ];
    const workbook = writeWorkbook(path.join(dir, 'sapelsoasyoa20222023.xlsx'), sheets);
    const store = await openStore('ons-2021');
    const imd = path.join(shared, 'iod2025_imd_lsoa21_llr.csv');
    const bySex = (midYear: number) =>
      store.query(
        `SELECT sex, sum(population) AS n FROM ${table(store, 'lsoa_population')} WHERE vintage = '2021' AND mid_year = ${midYear} GROUP BY sex ORDER BY sex`,
      );
    const expected = (sheet: unknown[][]) => [
      { sex: 'F', n: String(people(sheet, 'F')) },
      { sex: 'M', n: String(people(sheet, 'M')) },
    ];

    // Each mid-year's worksheet is read: each financial year's rates are over their own.
    const all = await importGeography(store, { imd, population: workbook });
    expect(all).toMatchObject({
      populationRows: 2 * 5 * 91 * 2,
      populationMidYear: 2023,
      populationMidYears: [2022, 2023],
    });
    expect(all.worksheets).toEqual([
      { file: 'sapelsoasyoa20222023.xlsx', sheets: ['Mid-2023 LSOA 2021'] },
      { file: 'sapelsoasyoa20222023.xlsx', sheets: ['Mid-2022 LSOA 2021'] },
    ]);
    expect(await bySex(2022)).toEqual(expected(sheets[1]![1]));
    expect(await bySex(2023)).toEqual(expected(sheets[2]![1]));
    expect(populationSources(store)['2021']).toEqual([
      { midYear: 2022, file: 'sapelsoasyoa20222023.xlsx', sheets: ['Mid-2022 LSOA 2021'] },
      { midYear: 2023, file: 'sapelsoasyoa20222023.xlsx', sheets: ['Mid-2023 LSOA 2021'] },
    ]);

    // A worksheet named is read alone, and replaces that mid-year only.
    const named = await importGeography(store, {
      imd,
      population: workbook,
      populationSheet: 'Mid-2022 LSOA 2021',
    });
    expect(named).toMatchObject({
      populationRows: 5 * 91 * 2,
      populationMidYear: 2022,
      populationMidYears: [2022],
    });
    expect(await bySex(2022)).toEqual(expected(sheets[1]![1]));
    expect(await bySex(2023)).toEqual(expected(sheets[2]![1]));
    expect(populationSources(store)['2021']).toHaveLength(2);
  });

  it('finds the worksheets of the same table for other mid-years', () => {
    const names = [
      'Contents',
      'Mid-2021 LSOA 2021',
      'Mid-2022 LSOA 2021',
      'Mid-2022 notes',
      'Mid-2023 LSOA 2021',
    ];
    expect(otherMidYearsOf(names, 'Mid-2023 LSOA 2021')).toEqual([
      'Mid-2022 LSOA 2021',
      'Mid-2021 LSOA 2021',
    ]);
    expect(
      otherMidYearsOf(['Mid-2019 Females', 'Mid-2019 Males', 'Mid-2020 Females'], 'Mid-2020 Females'),
    ).toEqual(['Mid-2019 Females']);
    expect(otherMidYearsOf(['Sheet1', 'Sheet2'], 'Sheet1')).toEqual([]);
  });

  it('reads IoD2025 File 1 as MHCLG publishes it (notes, then the IMD25 worksheet) as it reads the CSV file', async () => {
    const csv = path.join(shared, 'iod2025_imd_lsoa21_llr.csv');
    const rows = csvRows(csv);
    const file1Headings: Record<string, string> = {
      lsoa21_code: 'LSOA code (2021)',
      lsoa21_name: 'LSOA name (2021)',
      lad24_code: 'Local Authority District code (2024)',
      lad24_name: 'Local Authority District name (2024)',
      IMD_rank: 'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)',
      IMD_decile: 'Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)',
    };
    const kept = rows[0]!.flatMap((h, i) => (file1Headings[String(h)] ? [i] : []));
    const file1 = rows.map((row, r) => kept.map((i) => (r === 0 ? file1Headings[String(row[i])] : row[i])));
    const workbook = writeWorkbook(path.join(dir, 'File_1_IoD2025_Index_of_Multiple_Deprivation.xlsx'), [
      ['Notes', [['English Indices of Deprivation 2025'], ['File 1: Index of Multiple Deprivation']]],
      ['IMD25', file1],
    ]);
    const fromWorkbook = await openStore('iod2025-file1');
    expect(await importGeography(fromWorkbook, { imd: workbook })).toMatchObject({
      vintage: '2021',
      imdVersion: 'IoD2025',
      lsoas: 634,
      worksheets: [{ file: 'File_1_IoD2025_Index_of_Multiple_Deprivation.xlsx', sheets: ['IMD25'] }],
    });
    const fromCsv = await openStore('iod2025-csv');
    await importGeography(fromCsv, { imd: csv });
    const select = (store: AnalyticsStore) =>
      `SELECT lsoa_code, lsoa_name, la_code, la_name, place, imd_rank, imd_decile, imd_quintile, core20 FROM ${table(store, 'lsoa_geography')}`;
    for (const [a, b] of [
      [fromWorkbook, fromCsv],
      [fromCsv, fromWorkbook],
    ] as const)
      expect(await a.query(`SELECT count(*) AS n FROM (${select(a)} EXCEPT ALL ${select(b)})`)).toEqual([
        { n: '0' },
      ]);
  });

  it('names the file, the option and the worksheets when a file cannot be read, replacing nothing', async () => {
    const store = await openStore('refused');
    const imd = path.join(shared, 'iod2025_imd_lsoa21_llr.csv');
    const population = path.join(shared, 'population_mid2020_lsoa11_single_year_age_llr.csv');
    await importGeography(store, { imd, population });
    const before = await store.query(
      `SELECT vintage, count(*) AS n FROM ${table(store, 'lsoa_geography')} GROUP BY ALL`,
    );
    const notes = writeWorkbook(path.join(dir, 'notes-only.xlsx'), [
      ['Notes', [['English Indices of Deprivation 2025']]],
      ['Sources', [['LSOA code (2021)', 'Source']]],
    ]);
    const refusal = (files: Parameters<typeof importGeography>[1]) =>
      importGeography(store, files).then(
        () => null,
        (error: unknown) => error,
      );

    const noSheet = await refusal({ imd: notes });
    expect(noSheet).toBeInstanceOf(GeographyFormatError);
    expect(noSheet).toMatchObject({
      role: 'imd',
      message: expect.stringMatching(
        /^notes-only\.xlsx: No worksheet .* deprivation file .*Its worksheets are: Notes, Sources$/,
      ) as string,
    });
    const absentSheet = await refusal({ imd, population: notes, populationSheet: 'Mid-2024 LSOA 2021' });
    expect(absentSheet).toMatchObject({
      role: 'population',
      message:
        'notes-only.xlsx: The workbook has no worksheet called "Mid-2024 LSOA 2021". Its worksheets are: Notes, Sources',
    });
    expect(await refusal({ imd, population: population, populationSheet: 'Mid-2020 Persons' })).toMatchObject(
      {
        role: 'population',
        message: expect.stringContaining('is not a workbook (.xlsx or .ods)') as string,
      },
    );
    const missing = path.join(dir, 'no-such-lookup.csv');
    expect(await refusal({ imd, lookups: [missing] })).toMatchObject({
      role: 'lookup',
      message: `There is no file at ${missing}`,
    });
    // An empty file (a download that failed) is told as one, whatever its kind.
    for (const name of ['empty-lookup.csv', 'empty-lookup.xlsx']) {
      const empty = path.join(dir, name);
      writeFileSync(empty, name.endsWith('.csv') ? '\r\n' : '');
      expect(await refusal({ imd, lookups: [empty] })).toMatchObject({
        role: 'lookup',
        message: `${name} is empty: it has no headings and no rows. Download it again from where it is published, and check that the download had finished.`,
      });
    }
    const oldExcel = path.join(dir, 'File_1_ID_2015_Index_of_Multiple_Deprivation.xls');
    writeFileSync(oldExcel, Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    expect(await refusal({ imd: oldExcel })).toMatchObject({
      role: 'imd',
      message:
        'File_1_ID_2015_Index_of_Multiple_Deprivation.xls: save it as an Excel Workbook (.xlsx) or as CSV, and import that',
    });
    expect(await refusal({ imd, populationSheet: 'Mid-2020 Persons' })).toMatchObject({
      role: 'population',
      message: 'A worksheet of population estimates was named, but no population file was given',
    });
    const damaged = path.join(dir, 'damaged.xlsx');
    writeFileSync(damaged, 'LSOA code (2021),IMD_rank\nE01000001,1\n');
    expect(await refusal({ imd: damaged })).toMatchObject({
      role: 'imd',
      message: expect.stringContaining(
        'damaged.xlsx: The file could not be read as an Excel workbook',
      ) as string,
    });

    expect(
      await store.query(`SELECT vintage, count(*) AS n FROM ${table(store, 'lsoa_geography')} GROUP BY ALL`),
    ).toEqual(before);
    expect(populationSources(store)['2011']).toEqual([{ midYear: 2020, file: path.basename(population) }]);
    expect(tmpFiles(store)).toEqual([]);
    expect(existsSync(store.geographyPath('lsoa_population'))).toBe(true);
  });
});
