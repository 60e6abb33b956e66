import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { geographyTables } from '../geography/model.ts';
import { sourceColumnsProblem } from './file-checks.ts';
import { literal } from '../sql-text.ts';

const { store, write, importAs, stored } = importStore('parity-postcodes-');

/** Writes the postcode directory as `parity geo import --postcodes` stores it. */
async function writeDirectory(rows: [string, string | null, string | null][]) {
  const values = rows.map(
    ([p, l11, l21]) => `(${literal(p)}, ${l11 ? literal(l11) : 'NULL'}, ${l21 ? literal(l21) : 'NULL'})`,
  );
  await store().run(
    `COPY (SELECT * FROM (VALUES ${values.join(', ')}) AS t(postcode, lsoa_2011, lsoa_2021)) TO ${literal(store().geographyPath(geographyTables.postcodes))} (FORMAT parquet)`,
  );
}

async function geographyCodes(): Promise<string[]> {
  const rows = await store().query<{ lsoa_code: string }>(
    `SELECT lsoa_code FROM read_parquet(${literal(store().geographyPath(geographyTables.lsoa))}) ORDER BY lsoa_code LIMIT 3`,
  );
  return rows.map((r) => r.lsoa_code);
}

const csv = (lines: string[][]) => lines.map((l) => l.join(',')).join('\n') + '\n';

describe('LSOA codes looked up from postcodes', () => {
  it('refuses a file with postcodes but no LSOA column until the postcode directory is imported, saying so', async () => {
    const file = write(
      'early.csv',
      csv([
        ['id', 'Patient postcode', 'DNA'],
        ['a', 'LE1 5WW', '1'],
      ]),
    );
    await expect(importAs('early', file)).rejects.toThrow(
      /No column was recognised as the LSOA code.*The file has postcodes \("Patient postcode"\): to look each row's LSOA up from its postcode instead, import the ONS postcode directory/,
    );
  });

  it('lets the upload check pass a file without an LSOA column once there is a postcode directory', async () => {
    const file = write(
      'check.csv',
      csv([
        ['id', 'Postcode', 'DNA'],
        ['a', 'LE1 5WW', '1'],
      ]),
    );
    expect(await sourceColumnsProblem(store(), file)).toMatchObject({
      field: 'mapping',
      message: expect.stringContaining('No column was recognised as the LSOA code') as unknown,
    });
    await writeDirectory([['LE15WW', null, 'X01000001']]);
    expect(await sourceColumnsProblem(store(), file)).toBeNull();
  });

  it("finds each row's LSOA from its postcode, in the file's row order, and never stores the postcodes", async () => {
    const [a, b] = await geographyCodes();
    await writeDirectory([
      ['LE15WW', 'E01000001', a!],
      ['LE27AB', 'E01000002', b!],
    ]);
    // Enough rows for DuckDB to join them on several threads: the row numbers must still be the file's.
    const lines = [['person_id', 'Patient postcode', 'Age', 'DNA']];
    const oddOnes = new Map([
      [2501, ''],
      [2502, 'LE1'],
      [2503, 'ZZ99 3VZ'],
      [4999, 'ZZ9 9ZZ'],
    ]);
    for (let i = 1; i <= 5000; i++) {
      const postcode = oddOnes.get(i) ?? (i % 2 ? 'le1 5ww' : 'LE2 7AB');
      lines.push([`p${String(i).padStart(5, '0')}`, postcode, '40', String(i % 3 === 0 ? 1 : 0)]);
    }
    const result = await importAs('postcodes', write('postcodes.csv', csv(lines)));
    expect(result.mapping.columns.lsoa_code).toBe('LSOA from postcode');
    expect(result.mapping.columns.postcode).toBe('Patient postcode');
    expect(result.mapping.lsoaVintage).toBe('2021');
    expect(result.report.examples).toEqual([
      // Rows are numbered as in the file, whose headings are row 1.
      { row: 2502, column: 'Patient postcode', value: '', problem: 'missing postcode' },
      {
        row: 2503,
        column: 'Patient postcode',
        value: '',
        problem: 'not a full postcode (a postcode district or sector cannot give the LSOA)',
      },
      {
        row: 2504,
        column: 'Patient postcode',
        value: '',
        problem: 'pseudo-postcode ZZ99 (no fixed abode, or the address is not known), which has no LSOA',
      },
      { row: 5000, column: 'Patient postcode', value: '', problem: 'postcode not in the postcode directory' },
    ]);
    expect(result.report.warnings).toContainEqual(
      expect.stringContaining(
        `each row's LSOA 2021 code was looked up from its postcode in "Patient postcode"`,
      ),
    );
    expect(result.report.warnings.join(' ')).not.toContain('was not imported');
    expect(result.report.warnings.join(' ')).not.toContain('may not cover');
    // The directory's vintage stands: the codes are not looked at again.
    expect(result.report.warnings.join(' ')).not.toContain('LSOA codes were read as');

    const rows = await stored<{ person_id: string; lsoa_code: string | null; dna: number }>(
      'postcodes',
      'person_id, lsoa_code, dna',
    );
    expect(rows).toHaveLength(5000);
    expect(rows.slice(0, 2)).toEqual([
      { person_id: 'p00001', lsoa_code: a, dna: 0 },
      { person_id: 'p00002', lsoa_code: b, dna: 0 },
    ]);
    expect(rows[2500]?.lsoa_code).toBeNull();
    expect(rows[4998]?.lsoa_code).toBeNull();
    const columns = await store().query<{ column_name: string }>(
      `DESCRIBE SELECT * FROM read_parquet(${literal(store().datasetPath('postcodes.parquet'))})`,
    );
    expect(columns.map((c) => c.column_name).join(' ')).not.toMatch(/postcode/i);
    const [text] = await store().query<{ n: number }>(
      `SELECT count(*) AS n FROM read_parquet(${literal(store().datasetPath('postcodes.parquet'))}) t WHERE contains(CAST(t AS VARCHAR), 'LE1')`,
    );
    expect(Number(text?.n)).toBe(0);
  });

  it('says when most postcodes are not in the directory, which may not cover the areas of the file', async () => {
    const [a] = await geographyCodes();
    await writeDirectory([
      ['LE15WW', null, a!],
      ['LE27AB', null, a!],
    ]);
    const lines = [
      ['id', 'Postcode', 'DNA'],
      ['a', 'LE1 5WW', '1'],
    ];
    for (const p of ['NG1 1AA', 'NG2 2BB', 'NG3 3DD', 'LE1']) lines.push(['b', p, '0']);
    const most = await importAs('elsewhere', write('elsewhere.csv', csv(lines)));
    // The district LE1 is not a full postcode, so it is not counted among those not found.
    expect(most.report.warnings).toContainEqual(
      "3 of the file's 4 full postcodes are not in the postcode directory (2 postcodes): the directory may not cover the areas where the file's people live. Import the ONS postcode directory (NSPL) files of those areas with the reference geography, then import this file again.",
    );
    const none = await importAs(
      'nowhere',
      write(
        'nowhere.csv',
        csv([
          ['id', 'Postcode'],
          ['a', 'NG1 1AA'],
        ]),
      ),
    );
    expect(none.report.warnings).toContainEqual(
      expect.stringMatching(
        /^None of the file's full postcodes is in the postcode directory \(2 postcodes\), so no row has an LSOA: /,
      ),
    );
  });

  it('finds postcodes by their values under any heading, and takes 2011 codes when asked', async () => {
    const [a] = await geographyCodes();
    await writeDirectory([['LE15WW', 'E01000001', a!]]);
    const file = write(
      'pc.csv',
      csv([
        ['id', 'PC', 'DNA'],
        ['a', 'LE1 5WW', '1'],
        ['b', 'LE15WW', '0'],
      ]),
    );
    const found = await importAs('pc', file);
    expect(found.mapping.columns.postcode).toBe('PC');
    expect((await stored<{ lsoa_code: string }>('pc', 'lsoa_code')).map((r) => r.lsoa_code)).toEqual([a, a]);

    // The mapping an import prints can be given for next month's file.
    const again = await importAs('pc-again', file, found.mapping);
    expect(again.mapping.columns).toMatchObject({ lsoa_code: 'LSOA from postcode', postcode: 'PC' });
    expect(again.report.problems).toEqual([]);

    const old = await importAs('pc2011', file, { lsoaVintage: '2011' });
    expect(old.mapping.lsoaVintage).toBe('2011');
    expect((await stored<{ lsoa_code: string }>('pc2011', 'lsoa_code')).map((r) => r.lsoa_code)).toEqual([
      'E01000001',
      'E01000001',
    ]);
    // The synthetic geography is on 2021 areas only, so the 2011 codes are unknown to it.
    expect(old.report.problems.map((p) => p.problem)).toEqual(['unknown LSOA 2011 code']);
  });

  it("finds the headings of a clinical system's report below its title by the postcode heading", async () => {
    const [a] = await geographyCodes();
    await writeDirectory([['LE15WW', null, a!]]);
    const report = write(
      'report.csv',
      'Patient postcodes: outpatients,,\nRun on 05/12/2026,,\nPatient ID,Postcode,DNA\nR1,LE1 5WW,1\nR2,LE1,0\n',
    );
    const result = await importAs('report', report);
    expect(result.report.warnings).toContain(
      'The headings are in row 3 of the file: the 2 rows above them were left out.',
    );
    expect(result.mapping.columns).toMatchObject({ person_id: 'Patient ID', postcode: 'Postcode' });
    expect(result.report.examples.map((e) => [e.row, e.problem])).toEqual([
      [5, 'not a full postcode (a postcode district or sector cannot give the LSOA)'],
    ]);
    expect(
      (await stored<{ lsoa_code: string | null }>('report', 'lsoa_code')).map((r) => r.lsoa_code),
    ).toEqual([a, null]);
    // Named in a mapping, the postcode heading marks the heading row too.
    const named = await importAs('report-named', report, { columns: { postcode: 'Postcode' } });
    expect(named.mapping.columns.postcode).toBe('Postcode');
    expect(named.report.examples.map((e) => e.row)).toEqual([5]);
  });

  it('leaves out the headings repeated where files of postcodes were joined', async () => {
    const [a] = await geographyCodes();
    await writeDirectory([['LE15WW', null, a!]]);
    const heading = 'Patient ID,Postcode,DNA\n';
    const result = await importAs(
      'joined-postcodes',
      write('joined.csv', `${heading}R1,LE1 5WW,1\n${heading}R2,LE1 5WW,0\n`),
    );
    expect(result.rowsStored).toBe(2);
    expect(result.report.examples).toEqual([]);
    expect(result.report.warnings).toContain(
      '1 row repeats the headings (row 3), as where files are joined one after another, so it was left out.',
    );
  });

  it('uses the LSOA column when the file has one, and refuses LSOA codes the directory does not hold', async () => {
    const [a, b] = await geographyCodes();
    await writeDirectory([['LE15WW', null, b!]]);
    const file = write(
      'both.csv',
      csv([
        ['id', 'LSOA code', 'Postcode', 'DNA'],
        ['a', a!, 'LE1 5WW', '1'],
      ]),
    );
    const both = await importAs('both', file);
    expect(both.mapping.columns.lsoa_code).toBe('LSOA code');
    expect(both.mapping.columns.postcode).toBeUndefined();
    expect((await stored<{ lsoa_code: string }>('both', 'lsoa_code')).map((r) => r.lsoa_code)).toEqual([a]);
    expect(both.report.warnings.join(' ')).toContain('"Postcode" was not imported');

    const only = write(
      'only.csv',
      csv([
        ['id', 'Postcode', 'DNA'],
        ['a', 'LE1 5WW', '1'],
      ]),
    );
    await expect(importAs('only', only, { lsoaVintage: '2011' })).rejects.toThrow(
      'The postcode directory imported has no LSOA 2011 codes',
    );

    // A directory of 2011 codes only gives 2011 codes, whatever the codes would suggest (the
    // geography here knows neither kind of the code, which would leave 2021 on a tie).
    await writeDirectory([['LE15WW', 'E01000001', null]]);
    const old = await importAs('only2011', only);
    expect(old.mapping.lsoaVintage).toBe('2011');
    expect(old.report.problems.map((p) => p.problem)).toEqual(['unknown LSOA 2011 code']);
  });
});
