import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { syntheticLsoas } from '../synthetic/ics.ts';
import { temporaryDir } from '../../../test/temporary-dirs.ts';
import { analyticsStore, closeAnalyticsStore } from '../store.ts';
import { sourceColumnsProblem } from './file-checks.ts';

// A file naming each row's LSOA ("Northby 001A") instead of giving its code: the codes are looked up
// among the names of the reference geography imported.
describe('LSOA names in place of codes', () => {
  const { importAs, store, stored, write } = importStore('parity-lsoa-names-');
  const [first, second] = syntheticLsoas();

  it("reads each row's LSOA code from its name, and reports the names it does not know by row", async () => {
    const file = write(
      'names.csv',
      [
        'Pseudonym,LSOA name,Age',
        `N1,${first!.lsoa_name},40`,
        // Case and spacing aside.
        `N2,  ${second!.lsoa_name.toUpperCase().replace(' ', '   ')} ,41`,
        'N3,Nowhere 999Z,42',
        'N4,,43',
      ].join('\n') + '\n',
    );
    const result = await importAs('names', file);
    expect(result.mapping.columns).toMatchObject({ lsoa_code: 'LSOA from name', lsoa_name: 'LSOA name' });
    expect(result.mapping.lsoaVintage).toBe('2021');
    // The names are read as the codes, not kept as an attribute too.
    expect(result.mapping.attributes).toEqual({});
    expect(result.report.warnings).toContain(
      'The file has LSOA names but no LSOA codes, so each row\'s LSOA 2021 code was looked up from its name in "LSOA name", among the names of the reference geography imported. The geography knows 2 of the 3 different names in the first 100,000 rows; the rows of the others are reported.',
    );
    expect(result.report.examples.map((e) => [e.row, e.column, e.value, e.problem])).toEqual([
      [4, 'LSOA name', 'Nowhere 999Z', 'not the name of an LSOA 2021 in the reference geography imported'],
      [5, 'LSOA name', '', 'missing LSOA name'],
    ]);
    const codes = (await stored<{ lsoa_code: string | null }>('names', 'lsoa_code')).map((r) => r.lsoa_code);
    expect(codes).toEqual([first!.lsoa_code, second!.lsoa_code, null, null]);

    // The mapping the import printed reads the next month's file the same way.
    const again = await importAs('names-again', file, result.mapping);
    expect(again.report.problems.map((p) => p.rows)).toEqual([1, 1]);
    expect(
      (await stored<{ lsoa_code: string | null }>('names-again', 'lsoa_code')).map((r) => r.lsoa_code),
    ).toEqual(codes);
  });

  it('takes a file of names before it is imported only where a reference geography can give the codes', async () => {
    const file = write('names-only.csv', `Pseudonym,LSOA21NM\nN1,${first!.lsoa_name}\n`);
    expect(await sourceColumnsProblem(store(), file)).toBeNull();
    const bare = temporaryDir('parity-no-geography-');
    try {
      const problem = await sourceColumnsProblem(await analyticsStore(bare), file);
      expect(problem?.field).toBe('mapping');
      expect(problem?.message).toContain(
        'The file has LSOA names ("LSOA21NM"): to look each row\'s LSOA code up from its name instead, import the reference geography',
      );
    } finally {
      await closeAnalyticsStore(bare);
    }
  });
});
