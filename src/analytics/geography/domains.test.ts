import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { domainColumns, recogniseDomainColumns } from './domains.ts';

const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
/** The headings of a gzipped CSV file, a quoted heading holding its commas. */
function headingsOf(file: string): string[] {
  const line = gunzipSync(readFileSync(path.join(shared, file)))
    .toString('utf8')
    .split('\n')[0]!;
  return [...line.matchAll(/"([^"]*)"|([^,]+)/g)].map((m) => m[1] ?? m[2]!);
}

it('finds the ranks and deciles of the seven domains in IoD2019 File 2, and nothing else', () => {
  const found = recogniseDomainColumns(headingsOf('iod2019_file2_domains_lsoa11_england.csv.gz'));
  const expected = domainColumns.map(([c]) => c).filter((c) => !c.endsWith('_score'));
  expect([...found.keys()].sort()).toEqual(expected.sort());
  expect(found.get('education_decile')).toBe(
    'Education, Skills and Training Decile (where 1 is most deprived 10% of LSOAs)',
  );
});

it('finds ranks, deciles and scores in IoD2025 and in the File 7 wording, never the IDACI', () => {
  const iod2025 = recogniseDomainColumns(headingsOf('iod2025_imd_domains_lsoa21_england.csv.gz'));
  expect(iod2025.size).toBe(domainColumns.length);
  const file7 = recogniseDomainColumns([
    'Index of Multiple Deprivation (IMD) Score',
    'Income Score (rate)',
    'Income Deprivation Affecting Children Index (IDACI) Score (rate)',
    'Barriers to Housing and Services Score',
    'Living Environment Decile (where 1 is most deprived 10% of LSOAs)',
  ]);
  expect(Object.fromEntries(file7)).toEqual({
    imd_score: 'Index of Multiple Deprivation (IMD) Score',
    income_score: 'Income Score (rate)',
    housing_score: 'Barriers to Housing and Services Score',
    environment_decile: 'Living Environment Decile (where 1 is most deprived 10% of LSOAs)',
  });
});
