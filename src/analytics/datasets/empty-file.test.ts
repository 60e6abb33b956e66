import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { importDataset } from './import.ts';

const EMPTY = /^The file is empty: it has no headings and no rows\. Export it again/;

describe('an import of a file with nothing to import', () => {
  const { store, write, importAs } = importStore('parity-empty-file-');

  it('refuses an empty file in words, whatever its kind, rather than reading a column of nothing', async () => {
    const files = {
      'none.csv': '',
      'spaces.csv': ' \r\n\r\n\t\n',
      'bom.csv': Buffer.from([0xef, 0xbb, 0xbf, 0x0d, 0x0a]),
      'utf16.csv': Buffer.from([0xff, 0xfe, 0x0d, 0x00, 0x0a, 0x00]),
      'none.csv.gz': gzipSync(''),
      'none.xlsx': '',
    };
    for (const [name, bytes] of Object.entries(files))
      await expect(importAs(name.replace(/\W/g, '-'), write(name, bytes)), name).rejects.toThrow(EMPTY);
    // A file of one short row is not empty.
    const one = await importAs('one', write('one.csv', 'lsoa_code\nE01000001\n'));
    expect(one.rowsStored).toBe(1);
  });

  it('refuses headings with no rows below them, and rows that are all blank, saying so', async () => {
    await expect(importAs('headings', write('headings.csv', 'person_id,lsoa_code,age\n'))).rejects.toThrow(
      'There are headings but no rows below them, so there is nothing to import. Export it again with its rows; if the query behind it found none, there is nothing to import yet.',
    );
    await expect(importAs('blank', write('blank.csv', 'person_id,lsoa_code,age\n,,\n,,\n'))).rejects.toThrow(
      'None of the 2 rows holds data, so there is nothing to import: 2 rows were blank in every mapped column and left out',
    );
  });

  it('says there is nothing to add when the file is added to a dataset', async () => {
    const file = write('next-month.csv', 'person_id,lsoa_code,age\n');
    const adding = importDataset(store(), {
      id: 'added',
      file,
      outFile: store().datasetPath('added.parquet'),
      addedTo: 'Outpatients',
    });
    await expect(adding).rejects.toThrow('so there is nothing to add to Outpatients.');
  });
});
