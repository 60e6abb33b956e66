import { expect, it } from 'vitest';
import { fileFormatInWords } from './file-format-text.ts';

it('names a dataset’s format, or each of its files’ formats, in words', () => {
  expect(fileFormatInWords('csv')).toBe('CSV');
  expect(fileFormatInWords('rpt')).toBe('Query results lined up with spaces (.rpt)');
  expect(fileFormatInWords('csv and parquet and ods')).toBe(
    'CSV, Parquet and OpenDocument spreadsheet (.ods)',
  );
  expect(fileFormatInWords('postgres')).toBe('PostgreSQL table (indicators are computed there)');
});
