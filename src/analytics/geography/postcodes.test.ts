import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { importGeography } from './geo-import.ts';
import { GeographyFormatError } from './official-formats.ts';
import {
  postcodeColumns,
  postcodeKey,
  postcodeKeySql,
  postcodeLookupFile,
  summarisePostcodes,
} from './postcodes.ts';

// The heading row of the National Statistics Postcode Lookup as ONS publishes it.
const nsplHeadings =
  'pcd,pcd2,pcds,dointr,doterm,usertype,oseast1m,osnrth1m,osgrdind,oa11,cty,ced,laua,ward,hlthau,nhser,ctry,rgn,pcon,eer,teclec,ttwa,pct,itl,park,lsoa11,msoa11,wz11,sicbl,bua22,ru11ind,oac11,lat,long,lep1,lep2,pfa,imd,calncv,icb,oa21,lsoa21,msoa21'.split(
    ',',
  );

/** One NSPL row: the postcode's three forms, when it was terminated, and its LSOA codes. */
function nsplRow(p: { pcd: string; pcds: string; doterm?: string; lsoa11: string; lsoa21: string }): string {
  const cells: Record<string, string> = {
    pcd: p.pcd,
    pcd2: p.pcds.replace(' ', p.pcds.indexOf(' ') === 3 ? '  ' : ' '),
    pcds: p.pcds,
    dointr: '198001',
    doterm: p.doterm ?? '',
    usertype: '0',
    laua: 'E06000016',
    ctry: 'E92000001',
    lsoa11: p.lsoa11,
    lsoa21: p.lsoa21,
    lat: '52.63',
    long: '-1.13',
    imd: '12345',
  };
  return nsplHeadings
    .map((h) => (['lat', 'long', 'imd'].includes(h) ? cells[h] : `"${cells[h] ?? ''}"`))
    .join(',');
}

const nspl = [
  nsplHeadings.join(','),
  nsplRow({ pcd: 'LE1 5WW', pcds: 'LE1 5WW', lsoa11: 'E01013600', lsoa21: 'E01033600' }),
  nsplRow({ pcd: 'LE151AB', pcds: 'LE15 1AB', lsoa11: 'E01013601', lsoa21: 'E01033601' }),
  // Terminated in 2009: kept, with the LSOAs where it was.
  nsplRow({ pcd: 'LE2 1XY', pcds: 'LE2 1XY', doterm: '200906', lsoa11: 'E01013602', lsoa21: 'E01033602' }),
  // No LSOA 2011 code (a postcode introduced since): NULL, not blank.
  nsplRow({ pcd: 'LE3 9QQ', pcds: 'LE3 9QQ', lsoa11: '', lsoa21: 'E01033603' }),
  // Given twice: the row still in use is kept, wherever it comes.
  nsplRow({ pcd: 'LE4 6AA', pcds: 'LE4 6AA', doterm: '201201', lsoa11: 'E01099998', lsoa21: 'E01099998' }),
  nsplRow({ pcd: 'LE4 6AA', pcds: 'LE4 6AA', lsoa11: 'E01013604', lsoa21: 'E01033604' }),
  // Jersey: ONS's pseudo-codes are no LSOA.
  nsplRow({ pcd: 'JE2 3AB', pcds: 'JE2 3AB', lsoa11: 'L99999999', lsoa21: 'L99999999' }),
  // No postcode: passed over.
  nsplRow({ pcd: '', pcds: '', lsoa11: 'E01013605', lsoa21: 'E01033605' }),
].join('\n');

describe('the postcode directory (postcode → LSOA)', () => {
  let dir: string;
  let store: AnalyticsStore;
  const file = (name: string, content: string | Buffer) => {
    const at = path.join(dir, name);
    writeFileSync(at, content);
    return at;
  };
  const lookup = () =>
    store.query(`SELECT * FROM read_parquet('${store.geographyPath('postcode_lsoa')}') ORDER BY postcode`);
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-postcodes-'));
    store = await analyticsStore(dir);
  });
  afterEach(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports the NSPL on its own: one row per postcode, in capitals without spaces, terminated ones kept', async () => {
    const summary = await importGeography(store, { postcodes: [file('NSPL_FEB_2025_UK.csv', nspl)] });
    expect(summary.postcodes).toEqual({ postcodes: 6, withLsoa2011: 4, withLsoa2021: 5 });
    expect(summary).toMatchObject({ imdVersion: null, lsoas: 0, populationRows: 0, censusEthnicity: null });
    expect(await lookup()).toEqual([
      { postcode: 'JE23AB', lsoa_2011: null, lsoa_2021: null },
      { postcode: 'LE151AB', lsoa_2011: 'E01013601', lsoa_2021: 'E01033601' },
      { postcode: 'LE15WW', lsoa_2011: 'E01013600', lsoa_2021: 'E01033600' },
      { postcode: 'LE21XY', lsoa_2011: 'E01013602', lsoa_2021: 'E01033602' },
      { postcode: 'LE39QQ', lsoa_2011: null, lsoa_2021: 'E01033603' },
      { postcode: 'LE46AA', lsoa_2011: 'E01013604', lsoa_2021: 'E01033604' },
    ]);
    // Exactly the columns the dataset import reads, all text.
    const columns = await store.query(
      `SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('${store.geographyPath('postcode_lsoa')}'))`,
    );
    expect(columns).toEqual([
      { column_name: 'postcode', column_type: 'VARCHAR' },
      { column_name: 'lsoa_2011', column_type: 'VARCHAR' },
      { column_name: 'lsoa_2021', column_type: 'VARCHAR' },
    ]);
    expect(await summarisePostcodes(store)).toEqual({
      postcodes: 6,
      withLsoa2011: 4,
      withLsoa2021: 5,
      file: 'NSPL_FEB_2025_UK.csv',
    });
    // An extract's postcode, however it is written, finds its row.
    const [found] = await store.query(
      `SELECT lsoa_2021 FROM read_parquet('${postcodeLookupFile(store)}') WHERE postcode = ${postcodeKeySql("' le1  5ww'")}`,
    );
    expect(found).toEqual({ lsoa_2021: 'E01033600' });
    expect(postcodeKey(' le15 1ab')).toBe('LE151AB');
  });

  it('reads a cut-down file of postcodes and LSOA 2021 codes, gzipped, and replaces the whole lookup', async () => {
    await importGeography(store, { postcodes: [file('nspl.csv', nspl)] });
    const cut = 'postcode,lsoa21cd\nle1 5ww,E01033600\n"LE17 4AB",E01033610\nLE18 2CD,\n';
    const summary = await importGeography(store, { postcodes: [file('llr.csv.gz', gzipSync(cut))] });
    expect(summary.postcodes).toEqual({ postcodes: 3, withLsoa2011: 0, withLsoa2021: 2 });
    expect(await lookup()).toEqual([
      { postcode: 'LE15WW', lsoa_2011: null, lsoa_2021: 'E01033600' },
      { postcode: 'LE174AB', lsoa_2011: null, lsoa_2021: 'E01033610' },
      { postcode: 'LE182CD', lsoa_2011: null, lsoa_2021: null },
    ]);
  });

  it("reads the files of several postcode areas together (the directory's multi_csv folder), as one lookup", async () => {
    const [headings, ...rows] = nspl.split('\n');
    const le = file('NSPL_FEB_2025_UK_LE.csv', [headings, ...rows.slice(0, 5)].join('\n'));
    // The in-use LE4 6AA is in the second file and its terminated row in the first: kept all the same.
    const others = file('NSPL_FEB_2025_UK_NG.csv', [headings, ...rows.slice(5)].join('\n'));
    const together = await importGeography(store, { postcodes: [le, others] });
    expect(together.postcodes).toEqual({ postcodes: 6, withLsoa2011: 4, withLsoa2021: 5 });
    const whole = await lookup();
    await importGeography(store, { postcodes: [file('NSPL_FEB_2025_UK.csv', nspl)] });
    expect(whole).toEqual(await lookup());
    expect(whole.find((r) => r.postcode === 'LE46AA')).toMatchObject({ lsoa_2021: 'E01033604' });
    await importGeography(store, { postcodes: [le, others] });
    expect((await summarisePostcodes(store))?.file).toBe('NSPL_FEB_2025_UK_LE.csv, NSPL_FEB_2025_UK_NG.csv');
  });

  it('refuses a file without an LSOA column before anything is replaced, keeping the earlier lookup', async () => {
    await importGeography(store, { postcodes: [file('nspl.csv', nspl)] });
    const before = await lookup();
    const imd = file(
      'imd.csv',
      'lsoa21_code,lsoa21_name,lad24_code,lad24_name,IMD_rank,IMD_decile\nE01033600,Leicester 001A,E06000016,Leicester,3000,1\n',
    );
    const noLsoa = file('postcodes.csv', 'pcds,laua,ward\nLE1 5WW,E06000016,E05010000\n');
    const refused = importGeography(store, { imd, postcodes: [noLsoa] });
    await expect(refused).rejects.toThrow(GeographyFormatError);
    await expect(refused).rejects.toMatchObject({
      role: 'postcodes',
      message:
        'postcodes.csv has no LSOA code column: the postcode directory needs a postcode column (pcds, pcd, pcd7, pcd8 or postcode) and an LSOA code column of 2021 or 2011 (lsoa21, lsoa21cd, lsoa11 or lsoa11cd), as the ONS postcode directories (NSPL, ONSPD) have them. Its columns: pcds, laua, ward',
    });
    // Neither the deprivation given with it nor the lookup was replaced.
    expect(existsSync(store.geographyPath('lsoa_geography'))).toBe(false);
    expect(await lookup()).toEqual(before);
    // A file whose postcodes have no LSOA code at all is refused too, after reading it.
    const blank = file('blank.csv', 'pcds,lsoa21\nLE1 5WW,\n');
    await expect(importGeography(store, { postcodes: [blank] })).rejects.toThrow(
      'blank.csv: none of its 1 postcodes has an LSOA code, so the postcode lookup was left as it was',
    );
    expect(await lookup()).toEqual(before);
    expect(existsSync(`${store.geographyPath('postcode_lsoa')}.next`)).toBe(false);
  });

  it('refuses a file without a postcode column, and a workbook', async () => {
    const noPostcode = file('lsoas.csv', 'lsoa11cd,lsoa21cd\nE01013600,E01033600\n');
    await expect(importGeography(store, { postcodes: [noPostcode] })).rejects.toThrow(
      /^lsoas\.csv has no postcode column: .* Its columns: lsoa11cd, lsoa21cd$/,
    );
    const workbook = file('NSPL.xlsx', 'not read');
    await expect(importGeography(store, { postcodes: [workbook] })).rejects.toMatchObject({
      role: 'postcodes',
      message:
        'NSPL.xlsx: the postcode directory is read as CSV (.csv or .csv.gz), as ONS publishes it: save it as CSV and import that',
    });
    expect(await summarisePostcodes(store)).toBeNull();
    await expect(importGeography(store, {})).rejects.toThrow(/the postcode directory \(--postcodes\)/);
  });
});

describe('postcodeColumns', () => {
  it('prefers pcds, and reads the 2025 directories’ headings and files of analysts’ own, in any case', () => {
    expect(postcodeColumns(nsplHeadings, 'nspl.csv')).toEqual({
      postcode: 'pcds',
      lsoa2011: 'lsoa11',
      lsoa2021: 'lsoa21',
      terminated: 'doterm',
    });
    expect(postcodeColumns(['pcd7', 'pcd8', 'doterm', 'lsoa21cd', 'lsoa11cd'], 'x')).toEqual({
      postcode: 'pcd7',
      lsoa2011: 'lsoa11cd',
      lsoa2021: 'lsoa21cd',
      terminated: 'doterm',
    });
    expect(postcodeColumns(['Post Code', 'LSOA code (2011)'], 'x')).toMatchObject({
      postcode: 'Post Code',
      lsoa2011: 'LSOA code (2011)',
      lsoa2021: undefined,
    });
    expect(postcodeColumns(['POSTCODE_SPACE', 'LSOA2021'], 'x')).toMatchObject({
      postcode: 'POSTCODE_SPACE',
      lsoa2021: 'LSOA2021',
      terminated: undefined,
    });
    // ONSPD's 2001 LSOAs and the LSOA names are not LSOA 2011 or 2021 codes.
    expect(() => postcodeColumns(['pcds', 'lsoa01', 'lsoa21nm'], 'onspd.csv')).toThrow(
      /^onspd\.csv has no LSOA code column/,
    );
  });
});
