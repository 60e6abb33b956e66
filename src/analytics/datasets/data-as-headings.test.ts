import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { dataAsHeadings } from './data-as-headings.ts';
import { sourceColumnsProblem } from './file-checks.ts';
import { formatOf } from './source.ts';

describe('a file whose first line is a row of data', () => {
  const { importAs, store, write } = importStore('parity-data-as-headings-');

  it('is told by an LSOA code, a date or numbers among its headings', () => {
    expect(dataAsHeadings(['P1543', 'E01025740', '104', 'F', '2020-12-03', '0'])).toBe(
      '"E01025740" is an LSOA code, "2020-12-03" a date',
    );
    expect(dataAsHeadings(['P1', '12/05/2024 09:30', '34', '1'])).toBe('"12/05/2024 09:30" a date');
    expect(dataAsHeadings(['P1', '34', '1.5'])).toBe('2 of them are numbers');
    expect(dataAsHeadings(['Pseudo ID', 'LSOA', 'Age', 'DNA'])).toBeNull();
    // Years as headings, as a wide table has them, are not more than half.
    expect(dataAsHeadings(['Pseudo ID', 'Postcode district', '2023', '2024'])).toBeNull();
  });

  it('is refused with the reason and how to save it with headings, as a problem of the file', async () => {
    const file = write('no-headings.csv', 'P1,E01025740,34,1\nP2,E01025741,50,0\n');
    // As the import form checks a file before importing it: the error is shown at the file.
    expect((await sourceColumnsProblem(store(), file))?.field).toBe('file');
    const withHeadings = write('headings.csv', 'Pseudo ID,Postcode district\nP1,LE1\n');
    expect((await sourceColumnsProblem(store(), withHeadings))?.field).toBe('mapping');
    await expect(importAs('no-headings', file)).rejects.toThrow(
      /^No column was recognised: the file's first line, which Parity reads as its headings, looks like a row of data \("E01025740" is an LSOA code\)\. .*"Include column headers when copying or saving the results".* The file's first line: P1, E01025740, 34, 1$/,
    );
  });

  it('whose columns are lined up with spaces, without dashes under the headings, is refused, saying to save it as CSV', async () => {
    const file = write('lined-up.txt', 'Pseudo ID LSOA       Age DNA\nP1        E01025740  34  1\n');
    expect((await sourceColumnsProblem(store(), file))?.field).toBe('file');
    await expect(importAs('lined-up', file)).rejects.toThrow(
      /^No column was recognised: the file was read as one column, headed "Pseudo ID LSOA Age DNA", as its columns are not separated by commas, tabs, semicolons or "\|"\. Columns lined up with spaces, .*without the line of dashes .* or as CSV instead/,
    );
    // A file of another kind is refused by its name, with the kinds Parity reads.
    expect(() => formatOf('results.numbers')).toThrow(/SQL Server Management Studio results \(\.rpt\)/);
  });
});
