import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { NOT_WEEKS } from './validate.ts';

// A gestation as maternity systems write it, in weeks and days, or in days as the Maternity
// Services Data Set gives it: each read as weeks, so that 36+6 is before 37 weeks.
describe('gestation in weeks and days', () => {
  const { write, importAs, stored } = importStore('parity-gestation-');
  const gestations = (id: string) =>
    stored<{ gestation_weeks: number | null }>(id, 'gestation_weeks', 'row_number').then((rows) =>
      rows.map((r) => r.gestation_weeks),
    );
  const file = (name: string, heading: string, values: string[]) =>
    write(
      name,
      `Pseudo ID,LSOA,Row number,${heading}\n` + values.map((v, i) => `P${i},X01000001,${i},${v}\n`).join(''),
    );

  it('reads 39+2, 39w 2d and 39 weeks 2 days as 39 weeks and 2 days, and reports what is neither', async () => {
    const written = ['39+2', '36 + 6', '40', '37w 0d', '35 weeks', '38 weeks 3 days', '41.5', '36W', 'term'];
    // Enough rows for the column to be read as numbers with the one slip among them.
    const values = [...Array.from({ length: 12 }, () => written.slice(0, -1)).flat(), written.at(-1)!];
    const result = await importAs('weeks', file('weeks.csv', 'Gestational age (weeks)', values));
    expect(result.mapping.measures).toMatchObject({ gestation_weeks: 'Gestational age (weeks)' });
    const read = [39 + 2 / 7, 36 + 6 / 7, 40, 37, 35, 38 + 3 / 7, 41.5, 36];
    const stored = await gestations('weeks');
    expect(stored.slice(0, -1).map((v) => Number(v!.toFixed(6)))).toEqual(
      Array.from({ length: 12 }, () => read.map((v) => Number(v.toFixed(6)))).flat(),
    );
    expect(stored.at(-1)).toBeNull();
    // The headings are row 1: the 97th value is row 98.
    expect(result.report.examples.map((e) => [e.row, e.problem, e.value])).toEqual([[98, NOT_WEEKS, 'term']]);
  });

  it('reads weeks and days under a heading a mapping names, and days as days', async () => {
    const mapped = await importAs('mapped', file('mapped.csv', 'Gestation at delivery', ['37+4', '40']), {
      measures: { gestation_weeks: 'Gestation at delivery', row_number: 'Row number' },
    });
    expect(mapped.report.rowsWithProblems).toBe(0);
    expect((await gestations('mapped')).map((v) => Number(v!.toFixed(6)))).toEqual([
      Number((37 + 4 / 7).toFixed(6)),
      40,
    ]);
    // A column of days is days ÷ 7, never weeks and days.
    await importAs('days', file('days.csv', 'GestationLengthBirth', ['273', '258']));
    expect(await gestations('days')).toEqual([39, 258 / 7]);
  });
});
