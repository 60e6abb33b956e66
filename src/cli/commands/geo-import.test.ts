import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../main.ts';
import { captureIO } from '../../../test/cli-io.ts';

it('asks for the deprivation file when only a ward lookup is given, and says why', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-geo-cli-'));
  const err: string[] = [];
  const io = { out: () => undefined, err: (l: string) => err.push(l), env: { DATA_DIR: dir } };
  try {
    expect(await runCli(['geo', 'import'], io)).toBe(1);
    expect(err.join('\n')).toContain('Give the deprivation file with --imd');
    expect(err.join('\n')).toContain('imported with the deprivation file of their vintage');
    err.length = 0;
    const wards = path.resolve(
      import.meta.dirname,
      '../../../../shared/data/lookup_lsoa21_ward24_lad24_llr.csv',
    );
    expect(await runCli(['geo', 'import', '--lookup', wards], io)).toBe(1);
    expect(err.join('\n')).toContain(
      'lookup_lsoa21_ward24_lad24_llr.csv is a ward lookup, which is imported with the deprivation file of its LSOA vintage: give that file too',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('gives rates for a dataset on LSOA 2021 codes from 2011-based population estimates, saying so', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-geo-cli-'));
  const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
  const { io, out, err } = captureIO({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  try {
    const geo = [
      ...['--imd', path.join(shared, 'iod2025_imd_lsoa21_llr.csv')],
      ...['--lookup', path.join(shared, 'lookup_lsoa21_ward24_lad24_llr.csv')],
      ...['--lookup', path.join(shared, 'lookup_lsoa11_lsoa21_lad22_ew.csv.gz')],
      ...['--population', path.join(shared, 'population_mid2020_lsoa11_single_year_age_llr.csv')],
    ];
    expect(await runCli(['geo', 'import', ...geo], io), err.join('\n')).toBe(0);
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      vintage: '2021',
      populationDerived2021From2011: 634 * 91,
    });
    // Emergency admissions of people living in LSOAs that exist only since 2021 (such as E01034008).
    const rows = Array.from(
      { length: 400 },
      (_v, i) => `P${i},${['E01034008', 'E01035102', 'E01013696'][i % 3]},${20 + (i % 60)},F,A,2024-06-01,1`,
    );
    const extract = path.join(dir, 'admissions.csv');
    writeFileSync(
      extract,
      ['person_id,lsoa_code,age,sex,ethnic_code,event_date,emergency_admission', ...rows].join('\n'),
    );
    expect(await runCli(['dataset', 'import', extract, '--name', 'Admissions'], io), err.join('\n')).toBe(0);
    out.length = 0;
    const compute = [
      'indicators',
      'compute',
      '--dataset',
      'Admissions',
      '--indicator',
      'emergency-admissions',
    ];
    expect(await runCli(compute, io), err.join('\n')).toBe(0);
    const [result] = JSON.parse(out.join('\n')) as {
      caveats: string[];
      rows: { dimension: string; value: number | null }[];
    }[];
    expect(result!.rows.find((r) => r.dimension === 'overall')?.value).toBeGreaterThan(0);
    expect(result!.caveats.join(' ')).toContain(
      'The populations of LSOA 2021 areas were worked out from ONS estimates for LSOA 2011 areas, through the ONS lookup between the two (lookup_lsoa11_lsoa21_lad22_ew.csv.gz)',
    );
    // The breakdowns a rate cannot have are named, rather than left out without a word.
    expect(result!.caveats).toContain(
      'Rates are not given by ethnic group (broad), ethnic group (detailed) or sex: the population estimates they are worked out from are not broken down that way.',
    );

    // A CSV file has no place for the caveats: they are said beside it, each once.
    err.length = 0;
    expect(await runCli([...compute, '--by', 'imd_decile,ethnic_broad', '--format', 'csv'], io)).toBe(0);
    expect(err).toContain(
      'Caveat (emergency-admissions): Rates are not given by ethnic group (broad): the population estimates they are worked out from are not broken down that way.',
    );
    expect(new Set(err).size).toBe(err.length);

    // By income deprivation: refused while the deprivation file had no domains, given once it has.
    const byIncome = [...compute, '--by', 'income_decile', '--format', 'csv'];
    err.length = 0;
    expect(await runCli(byIncome, io)).toBe(1);
    expect(err.join('\n')).toContain('The deprivation imported for LSOA 2021 areas has no income_decile');
    const withDomains = ['--imd', path.join(shared, 'iod2025_imd_domains_lsoa21_england.csv.gz')];
    expect(await runCli(['geo', 'import', ...withDomains, ...geo.slice(2)], io), err.join('\n')).toBe(0);
    out.length = 0;
    expect(await runCli(byIncome, io), err.join('\n')).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines.some((l) => /^emergency-admissions,.*,income_decile,\d+,/.test(l))).toBe(true);
    // Three LSOAs give three income deciles: too few for the slope index, which says so.
    expect(lines.some((l) => l.includes(',income_decile,Slope and relative index of inequality,'))).toBe(
      true,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('imports both Census 2021 ethnic group tables given with --ethnicity twice, and refuses a third', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-geo-cli-'));
  const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
  const { io, out, err } = captureIO({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  try {
    const byLsoa = path.join(dir, 'ts021.csv');
    writeFileSync(
      byLsoa,
      'lsoa21_code,ethnic_group,n\nE01013600,White,1200\nE01013600,"Asian, Asian British or Asian Welsh",800\n',
    );
    const byLocalAuthority = path.join(shared, 'census2021_ethnic_group_detailed_ltla21_ew.csv.gz');
    const both = ['geo', 'import', '--ethnicity', byLsoa, '--ethnicity', byLocalAuthority];
    expect(await runCli(both, io), err.join('\n')).toBe(0);
    const summary = JSON.parse(out.join('\n')) as Record<string, { residents: number } | null>;
    expect(summary.censusEthnicity).toEqual({ lsoas: 1, residents: 2000 });
    expect(summary.censusEthnicityDetailed?.residents).toBeGreaterThan(59_000_000);
    err.length = 0;
    expect(await runCli([...both, '--ethnicity', byLsoa], io)).toBe(1);
    expect(err.join('\n')).toContain('--ethnicity takes two files at most');
    // A second table that cannot be read: what was imported is said, then why the second was not.
    const unreadable = path.join(dir, 'not-a-census.csv');
    writeFileSync(unreadable, 'a,b\n1,2\n');
    out.length = 0;
    err.length = 0;
    expect(await runCli(['geo', 'import', '--ethnicity', byLsoa, '--ethnicity', unreadable], io)).toBe(1);
    expect(JSON.parse(out.join('\n'))).toMatchObject({ censusEthnicity: { lsoas: 1, residents: 2000 } });
    expect(err[0]).toBe(
      `The files above were imported; the second --ethnicity file, ${unreadable}, was not:`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('refuses an option given twice that takes one file, rather than import only the last', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-geo-cli-'));
  const { io, err } = captureIO({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
  try {
    const twice = ['geo', 'import', '--population', 'mid2022.csv', '--population', 'mid2023.csv'];
    expect(await runCli(twice, io)).toBe(1);
    expect(err.join('\n')).toContain(
      '--population was given 2 times, but takes one value: give it once, or run the command once for each.',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
