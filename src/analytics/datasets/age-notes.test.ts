import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';

// An age written as not known is what a blank says: no age, counted as not known, and not a problem
// to put right; the report says how many there were.
describe('ages written as not known', () => {
  const { importAs, stored, write } = importStore('parity-age-notes-');

  it('reads "Unknown" and "N/K" as no age, says how many, and still reports a word it cannot read', async () => {
    const ages = ['40', 'Unknown', 'n/k', ' NOT KNOWN ', 'newborn', ''];
    const file = write(
      'ages.csv',
      'Pseudo ID,LSOA,Age\n' + ages.map((a, i) => `P${i},X01000001,${a}\n`).join(''),
    );
    const result = await importAs('ages', file);
    expect(result.report.examples.map((e) => [e.row, e.value, e.problem])).toEqual([
      [6, 'newborn', 'not a number'],
    ]);
    expect(result.report.warnings).toContain(
      '3 ages in "Age" are written as not known (such as "Unknown") and were counted as not known by age.',
    );
    expect((await stored<{ age: number | null }>('ages', 'age')).map((r) => r.age)).toEqual([
      40,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});
