import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { geographyTables } from '../geography/model.ts';
import { literal } from '../sql-text.ts';
import { analyticsStore, closeAnalyticsStore, type AnalyticsStore } from '../store.ts';
import { importDataset } from './import.ts';

// E01000001-2 are the same in both vintages; E01000003-4 were replaced by E01035001-2 in 2021.
const lsoas: [string, string][] = [
  ['E01000001', '2011'],
  ['E01000002', '2011'],
  ['E01000003', '2011'],
  ['E01000004', '2011'],
  ['E01000001', '2021'],
  ['E01000002', '2021'],
  ['E01035001', '2021'],
  ['E01035002', '2021'],
];

describe('LSOA vintage read from the codes', () => {
  let dir: string;
  let store: AnalyticsStore;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'parity-vintage-'));
    store = await analyticsStore(dir);
  });
  afterAll(async () => {
    await closeAnalyticsStore(dir);
    rmSync(dir, { recursive: true, force: true });
  });

  const writeGeography = async (vintages: string[]) => {
    const rows = lsoas
      .filter(([, v]) => vintages.includes(v))
      .map(
        ([code, v]) =>
          `(${literal(code)}, ${literal(v)}, 'Area', 'W1', 'Ward', 'L1', 'Town', 'Town', 'IoD', 1, 1, 1, 1)`,
      );
    await store.run(
      `COPY (SELECT * FROM (VALUES ${rows.join(', ')}) AS t(lsoa_code, vintage, lsoa_name, ward_code, ward_name, la_code, la_name, place, imd_version, imd_rank, imd_decile, imd_quintile, core20)) TO ${literal(store.geographyPath(geographyTables.lsoa))} (FORMAT parquet)`,
    );
  };
  const importCodes = (id: string, codes: string[], mapping?: unknown, heading = 'LSOA code') => {
    const file = path.join(dir, `${id}.csv`);
    writeFileSync(file, `${heading},DNA\n${codes.map((c) => `${c},1`).join('\n')}\n`);
    return importDataset(store, { id, file, outFile: store.datasetPath(`${id}.parquet`), mapping });
  };
  const problems = (r: Awaited<ReturnType<typeof importCodes>>) => r.report.examples.map((e) => e.problem);

  it('takes the vintage whose geography knows more of the codes, and says so', async () => {
    await writeGeography(['2011', '2021']);
    const result = await importCodes('old', ['E01000001', 'E01000003', 'E01000004', 'E01000004']);
    expect(result.mapping.lsoaVintage).toBe('2011');
    expect(problems(result)).toEqual([]);
    expect(result.report.warnings).toContainEqual(
      expect.stringContaining(
        'The LSOA codes were read as 2011 codes: of the 3 different codes in the first rows, the LSOA 2011 geography knows 3 and the 2021 geography 1.',
      ),
    );

    const recent = await importCodes('new', ['E01000002', 'E01035001']);
    expect(recent.mapping.lsoaVintage).toBe('2021');
    expect(problems(recent)).toEqual([]);
  });

  it('keeps 2021, without a note, when every code is the same in both vintages', async () => {
    await writeGeography(['2011', '2021']);
    const result = await importCodes('same', ['E01000001', 'E01000002']);
    expect(result.mapping.lsoaVintage).toBe('2021');
    expect(result.report.warnings.join(' ')).not.toContain('LSOA codes were read as');
  });

  it('reads 2011 codes when only the 2011 geography (IoD2019) has been imported', async () => {
    await writeGeography(['2011']);
    const result = await importCodes('only2011', ['E01000001', 'E01000002']);
    expect(result.mapping.lsoaVintage).toBe('2011');
    expect(problems(result)).toEqual([]);
    // No 2021 geography to choose instead, so no note suggesting it.
    expect(result.report.warnings.join(' ')).not.toContain('LSOA codes were read as');
  });

  it('keeps the vintage the person or the heading names, and says when the codes are the other’s', async () => {
    await writeGeography(['2011', '2021']);
    const given = await importCodes('given', ['E01000003'], { lsoaVintage: '2021' });
    expect(given.mapping.lsoaVintage).toBe('2021');
    expect(problems(given)).toEqual(['unknown LSOA 2021 code']);
    expect(given.report.warnings).toContain(
      'The LSOA codes were read as 2021 codes, as the import was told: of the 1 different codes in the first rows, the LSOA 2021 geography knows none and the 2011 geography 1. If the file uses 2011 codes, choose "2011 LSOA codes" under "Say which columns to use" on the import form (or, on the command line, give "lsoaVintage": "2011" in the mapping).',
    );

    const headed = await importCodes('headed', ['E01000003', 'E01000001'], undefined, 'LSOA21CD');
    expect(headed.mapping.lsoaVintage).toBe('2021');
    expect(problems(headed)).toEqual(['unknown LSOA 2021 code']);
    expect(headed.report.warnings).toContainEqual(
      expect.stringContaining(
        'The LSOA codes were read as 2021 codes, as the heading "LSOA21CD" says: of the 2 different codes in the first rows, the LSOA 2021 geography knows 1 and the 2011 geography 2.',
      ),
    );

    // The other vintage knowing them is the likelier reason, and the only one given.
    expect(given.report.warnings.join(' ')).not.toContain('Most of the LSOA codes');

    // Codes the named vintage knows as well as the other: nothing to say.
    const fine = await importCodes('fine', ['E01000001', 'E01035001'], undefined, 'LSOA21CD');
    expect(problems(fine)).toEqual([]);
    expect(fine.report.warnings.join(' ')).not.toContain('LSOA codes were read as');
  });

  it('says when the codes mix the two vintages, and how to have the older ones read, without the lookup', async () => {
    await writeGeography(['2011', '2021']);
    const mixed = await importCodes('mixed', [
      'E01000001',
      'E01035001',
      'E01035002',
      'E01000003',
      'E01000003',
    ]);
    expect(mixed.mapping.lsoaVintage).toBe('2021');
    expect(problems(mixed)).toEqual(['unknown LSOA 2021 code', 'unknown LSOA 2021 code']);
    const warnings = mixed.report.warnings.join('\n');
    expect(warnings).toContain(
      'The file seems to mix LSOA codes of both vintages: of the 4 different codes in the first rows, 1 is the LSOA 2011 code of an area changed at the 2021 census and 2 are LSOA 2021 codes of areas made at the 2021 census.',
    );
    expect(warnings).toContain('Import the ONS LSOA 2011 → 2021 lookup with the reference geography');
    // It stands for the note on which vintage the codes were read as.
    expect(warnings).not.toContain('The LSOA codes were read as');
  });

  it('says when most codes are of an area whose reference geography has not been imported', async () => {
    await writeGeography(['2011', '2021']);
    const elsewhere = await importCodes('elsewhere', ['E01025720', 'E01025763', 'E01025720', 'E01000001']);
    expect(problems(elsewhere)).toEqual([
      'unknown LSOA 2021 code',
      'unknown LSOA 2021 code',
      'unknown LSOA 2021 code',
    ]);
    expect(elsewhere.report.warnings).toContain(
      'Most of the LSOA codes are not in the reference geography imported: of the 3 different codes in the first rows, it knows only 1 (it holds 4 LSOAs of 2021 and 4 of 2011). Rows whose code it does not hold count as "Not known" by deprivation, place and ward. If the file covers another area, import the reference geography for it (the national deprivation file and lookups cover all of England), then import the file again.',
    );
    await writeGeography(['2011']);
    const none = await importCodes('none-known', ['E01025720'], { lsoaVintage: '2011' });
    expect(none.report.warnings).toContainEqual(
      expect.stringContaining('it knows none (it holds 4 LSOAs of 2011).'),
    );
    await writeGeography(['2011', '2021']);

    // Half of them known: codes from neighbouring areas, which the report names row by row.
    const half = await importCodes('half', ['E01025720', 'E01000001']);
    expect(half.report.warnings.join(' ')).not.toContain('Most of the LSOA codes');
  });
});
