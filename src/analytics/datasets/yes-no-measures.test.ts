import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';

const csv = (heading: string, values: string[]): string =>
  `Pseudo ID,LSOA,${heading}\n` + values.map((v, i) => `P${i},X01000001,${v}\n`).join('');

// A yes/no column under a heading extracts give the DNA or emergency flag is read as the measure
// the indicators read, and the report says so; a count under such a heading is not.
describe('yes/no measures under the headings extracts give them', () => {
  const { importAs, stored, write } = importStore('parity-yes-no-measures-');

  it('reads a DNA flag of 1s and 0s as dna, and says so', async () => {
    const result = await importAs('dna-flag', write('dna-flag.csv', csv('DNA Flag', ['1', '0', '0', ''])));
    expect(result.mapping.measures).toEqual({ dna: 'DNA Flag' });
    expect(result.report.warnings).toContain(
      'The column "DNA Flag" was read as dna, whether the appointment was missed without notice, which the DNA rate reads.',
    );
    expect((await stored<{ dna: number | null }>('dna-flag', 'dna')).map((r) => r.dna)).toEqual([
      1,
      0,
      0,
      null,
    ]);
  });

  it('reads "Did not attend" written Y and N, and an emergency admission (Y/N), as their measures', async () => {
    const dna = await importAs('did-not-attend', write('dna-yn.csv', csv('Did Not Attend', ['Y', 'N', 'N'])));
    expect(dna.mapping.measures).toEqual({ dna: 'Did Not Attend' });
    expect((await stored<{ dna: number }>('did-not-attend', 'dna')).map((r) => r.dna)).toEqual([1, 0, 0]);
    const admissions = await importAs(
      'emergency',
      write('emergency.csv', csv('Emergency Admission (Y/N)', ['Yes', 'No', 'Yes'])),
    );
    expect(admissions.mapping.measures).toEqual({ emergency_admission: 'Emergency Admission (Y/N)' });
  });

  it('leaves a count under such a heading, or a second column beside one named dna, under its own name', async () => {
    const counted = await importAs('dna-count', write('dna-count.csv', csv('DNA Flag', ['1', '0', '3'])));
    expect(counted.mapping.measures).toEqual({ dna_flag: 'DNA Flag' });
    const both = write('both.csv', 'Pseudo ID,LSOA,DNA Flag,DNA\nP1,X01000001,1,0\nP2,X01000001,0,1\n');
    expect((await importAs('both', both)).mapping.measures).toEqual({ dna_flag: 'DNA Flag', dna: 'DNA' });
  });
});
