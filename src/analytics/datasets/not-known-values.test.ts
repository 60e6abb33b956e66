import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { PERSON_NOT_KNOWN } from './validate.ts';

// A value written as not known ("Unknown", "N/K") says what a blank says: no value, and not a problem
// to put right.
describe('values written as not known', () => {
  const { importAs, stored, write } = importStore('parity-not-known-');

  it('reads "Unknown" and "N/K" as no age, says how many, and still reports a word it cannot read', async () => {
    const ages = ['40', 'Unknown', 'n/k', ' NOT KNOWN ', 'newborn', ''];
    // A sex written so is not known by sex, as every list of sexes the NHS uses has it.
    const sexes = ['F', 'N/K', 'NK', 'M', 'F', 'Not recorded'];
    const file = write(
      'ages.csv',
      'Pseudo ID,LSOA,Age,Sex\n' + ages.map((a, i) => `P${i},X01000001,${a},${sexes[i]}\n`).join(''),
    );
    const result = await importAs('ages', file);
    expect(result.report.examples.map((e) => [e.row, e.value, e.problem])).toEqual([
      [6, 'newborn', 'not a number'],
    ]);
    expect(result.report.warnings).toContain(
      '3 ages in "Age" are written as not known (such as "Unknown") and were counted as not known by age.',
    );
    expect((await stored<{ sex: string }>('ages', 'sex')).map((r) => r.sex)).toEqual([
      'F',
      'U',
      'U',
      'M',
      'F',
      'U',
    ]);
    expect((await stored<{ age: number | null }>('ages', 'age')).map((r) => r.age)).toEqual([
      40,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('keeps a measure or a yes/no flag with values written as not known, which count as blanks', async () => {
    const rows = [
      ['1', 'Y', '2'],
      ['0', 'N', '1'],
      ['Unknown', 'Not known', 'Unknown'],
      ['N/K', 'Y', 'N/K'],
      ['0', 'Unknown', '4'],
    ];
    const file = write(
      'flags.csv',
      'Pseudo ID,LSOA,DNA,Learning disability,Contacts\n' +
        rows.map(([dna, ld, contacts], i) => `P${i},X01000001,${dna},${ld},${contacts}\n`).join(''),
    );
    const result = await importAs('flags', file);
    // Two of the five values of each are not numbers, yet both columns are measures.
    expect(result.mapping.measures).toEqual({ dna: 'DNA', contacts: 'Contacts' });
    expect(result.mapping.flags).toEqual({ flag_learning_disability: 'Learning disability' });
    expect(result.report.problems).toEqual([]);
    expect(await stored('flags', 'dna, flag_learning_disability')).toEqual([
      { dna: 1, flag_learning_disability: 1 },
      { dna: 0, flag_learning_disability: 0 },
      { dna: null, flag_learning_disability: null },
      { dna: null, flag_learning_disability: 1 },
      { dna: 0, flag_learning_disability: null },
    ]);
  });

  it('stores no person for an identifier written as not known, so such rows are not one person', async () => {
    const ids = ['P1', 'Unknown', 'UNKNOWN', ' n/k ', 'Nk', 'NKX1', 'U2', 'P1', '\u00a0Not known'];
    const file = write('people.csv', 'Pseudo ID,LSOA\n' + ids.map((id) => `"${id}",X01000001\n`).join(''));
    const result = await importAs('people', file);
    expect(result.report.problems).toEqual([
      { column: 'Pseudo ID', problem: PERSON_NOT_KNOWN, rows: 5, firstRow: 3 },
    ]);
    // Never shown: a person identifier is not written into the report.
    expect(result.report.examples.map((e) => [e.row, e.value])).toEqual([
      [3, ''],
      [4, ''],
      [5, ''],
      [6, ''],
      [10, ''],
    ]);
    const people = await stored<{ person_id: string | null }>('people', 'person_id', 'person_id NULLS LAST');
    expect(people.map((r) => r.person_id)).toEqual(['NKX1', 'P1', 'P1', 'U2', null, null, null, null, null]);
  });

  it('leaves a date written as not known undated, as a blank is, without reporting it', async () => {
    const file = write(
      'dates.csv',
      'Pseudo ID,LSOA,Appointment date\nP1,X01000001,01/05/2024\nP2,X01000001,Unknown\nP3,X01000001,32/05/2024\n',
    );
    const result = await importAs('dates', file);
    expect(result.report.examples.map((e) => [e.row, e.value])).toEqual([[4, '32/05/2024']]);
    expect((await stored<{ period: string }>('dates', 'period')).map((r) => r.period)).toEqual([
      '2024/25',
      'Not known',
      'Not known',
    ]);
  });
});
