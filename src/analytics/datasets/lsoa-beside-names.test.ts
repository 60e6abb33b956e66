import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { syntheticLsoas } from '../synthetic/ics.ts';

// Reporting tools label areas with their code and name together: the code is read from beside the
// name, and the report says how many were; text with no code in it is still reported.
describe('LSOA codes written with the area name beside them', () => {
  const { importAs, stored, write } = importStore('parity-lsoa-beside-');
  const [first, second] = syntheticLsoas();

  it('reads the code, says how many were so written, and reports text that holds no code', async () => {
    const values = [
      `${first!.lsoa_code} - ${first!.lsoa_name}`,
      `${second!.lsoa_name} (${second!.lsoa_code.toLowerCase()})`,
      first!.lsoa_code,
      first!.lsoa_name,
      `${first!.lsoa_code}X`,
    ];
    const file = write('beside.csv', 'Pseudo ID,LSOA\n' + values.map((v, i) => `P${i},"${v}"\n`).join(''));
    const result = await importAs('beside', file);
    expect(result.report.warnings).toContain(
      `2 LSOA codes in "LSOA" are written with the area's name beside them (such as "${values[0]}") and were read as the code.`,
    );
    expect(result.report.examples.map((e) => [e.row, e.value])).toEqual([
      [5, first!.lsoa_name],
      [6, `${first!.lsoa_code}X`],
    ]);
    expect((await stored<{ lsoa_code: string }>('beside', 'lsoa_code')).map((r) => r.lsoa_code)).toEqual([
      first!.lsoa_code,
      second!.lsoa_code,
      first!.lsoa_code,
      first!.lsoa_name.toUpperCase(),
      `${first!.lsoa_code}X`,
    ]);
  });
});
