// Excel workbooks are zipped XML that must be opened whole, so a worksheet is written out once as
// CSV for DuckDB to stream. (An XLSX sheet holds at most 1,048,576 rows.)
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import * as XLSX from '@e965/xlsx';
import { SourceFileError } from './source.ts';

XLSX.stream.set_readable(Readable);

export async function xlsxToCsv(file: string, csvFile: string, sheet?: string): Promise<string> {
  const workbook = XLSX.read(await readFile(file), { type: 'buffer', dense: true, cellDates: true });
  const name = sheet ?? workbook.SheetNames[0];
  const worksheet = name === undefined ? undefined : workbook.Sheets[name];
  if (!worksheet) throw new SourceFileError(`The workbook has no worksheet called ${sheet ?? '(first)'}`);
  const out = createWriteStream(csvFile);
  const stream = XLSX.stream.to_csv(worksheet, {
    blankrows: false,
    dateNF: 'yyyy-mm-dd',
  }) as NodeJS.ReadableStream;
  stream.pipe(out);
  await finished(out);
  return csvFile;
}
