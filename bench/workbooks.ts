// Benchmark of reading Excel workbooks, printed as JSON: a worksheet shaped like ONS's LSOA
// population estimates (35,672 rows × 187 columns below three title rows) and a 300,000-row extract
// (text, dates, numbers, yes/no) are written out as CSV by Parity's reader, which streams the
// worksheet a batch of rows at a time, and, in the same run, by SheetJS reading the workbook whole
// (the baseline). The extract is also saved as an OpenDocument spreadsheet (.ods) and read by Parity's
// reader, against its reading of the same rows as .xlsx in the same run. Each reading runs in a
// process of its own, so that each peak memory is its own.
// Run: npx tsx bench/workbooks.ts [--rows 300000]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as XLSX from '@e965/xlsx';
import { writeSheetCsv } from '../src/analytics/workbooks/sheet-csv.ts';
import { withWorkbook } from '../src/analytics/workbooks/workbook.ts';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '300000' },
    // Internal: read one workbook with one reader and print its figures.
    read: { type: 'string' },
    reader: { type: 'string' },
    sheet: { type: 'string' },
    out: { type: 'string' },
  },
});

function peakMemoryMb(): number {
  const line = readFileSync('/proc/self/status', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
}

/** SheetJS as Parity used it before: the workbook read whole, dates as dates, written with to_csv. */
function sheetJsCsv(file: string, sheet: string, out: string): void {
  const book = XLSX.read(readFileSync(file), { type: 'buffer', dense: true, cellDates: true, sheets: sheet });
  const worksheet = book.Sheets[sheet]!;
  for (const row of worksheet['!data'] ?? [])
    for (const cell of row ?? [])
      if (cell?.t === 'd') {
        cell.z = 'yyyy-mm-dd';
        delete cell.w;
      }
  writeFileSync(out, XLSX.utils.sheet_to_csv(worksheet, { blankrows: true, rawNumbers: true }));
}

if (values.read) {
  const started = process.hrtime.bigint();
  const { read: file, sheet = '', out = '' } = values;
  if (values.reader === 'sheetjs') sheetJsCsv(file, sheet, out);
  else await withWorkbook(file, (workbook) => writeSheetCsv(workbook, sheet, out, { blankRows: true }));
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(JSON.stringify({ ms: Math.round(ms), peakMemoryMb: peakMemoryMb() }));
  process.exit(0);
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-bench-workbooks-'));
const self = fileURLToPath(import.meta.url);

function write(name: string, sheet: string, rows: unknown[][], bookType: 'xlsx' | 'ods' = 'xlsx'): string {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['Contents']]), 'Contents');
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), sheet);
  const file = path.join(dir, name);
  writeFileSync(
    file,
    XLSX.write(book, { type: 'buffer', bookType, compression: true, bookSST: true }) as Buffer,
  );
  return file;
}

function onsWorkbook(): [string, string] {
  const ages = Array.from({ length: 91 }, (_v, age) => age);
  const headings = ['LAD 2021 Code', 'LAD 2021 Name', 'LSOA 2021 Code', 'LSOA 2021 Name', 'Total'];
  headings.push(...['F', 'M'].flatMap((sex) => ages.map((age) => `${sex}${age}`)));
  const rows: unknown[][] = [['Mid-2023 population estimates'], ['Source: synthetic'], [], headings];
  for (let i = 0; i < 35_672; i++) {
    const counts = ages.concat(ages).map((age, j) => ((age * 7 + i + j) % 23) + 1);
    const code = `E01${String(i).padStart(6, '0')}`;
    rows.push([
      'E06000016',
      'Leicester',
      code,
      `Leicester ${i}`,
      counts.reduce((a, b) => a + b, 0),
      ...counts,
    ]);
  }
  return [write('ons.xlsx', 'Mid-2023 LSOA 2021', rows), 'Mid-2023 LSOA 2021'];
}

function extractRows(count: number): unknown[][] {
  const rows: unknown[][] = [
    ['person_id', 'lsoa_code', 'age', 'sex', 'ethnic_code', 'event_date', 'dna', 'wait_days'],
  ];
  for (let i = 0; i < count; i++)
    rows.push([
      `P${(i * 7919) % 100_000}`,
      `E01${String(i % 5000).padStart(6, '0')}`,
      i % 97,
      i % 2 ? 'F' : 'M',
      'ABCDEFGHJKLMNPRSZ'[i % 17],
      new Date(Date.UTC(2023, i % 12, 1 + (i % 28))),
      i % 5 === 0 ? 'Y' : 'N',
      i % 3 ? (i % 400) * 1.5 : null,
    ]);
  return rows;
}

function run(
  file: string,
  sheet: string,
  reader: string,
  out = path.join(dir, `${reader}.csv`),
): { ms: number; peakMemoryMb: number } {
  const args = ['--import', 'tsx', self, '--read', file, '--reader', reader, '--sheet', sheet, '--out', out];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as {
    ms: number;
    peakMemoryMb: number;
  };
}

const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

try {
  const results = [];
  const extract = extractRows(Number(values.rows));
  for (const [name, [file, sheet]] of [
    ['ONS population worksheet', onsWorkbook()],
    [`extract of ${values.rows} rows`, [write('extract.xlsx', 'Extract', extract), 'Extract']],
  ] as const) {
    const streamed = run(file, sheet, 'stream');
    const sheetjs = run(file, sheet, 'sheetjs');
    const same =
      readFileSync(path.join(dir, 'stream.csv'), 'utf8') ===
      `${readFileSync(path.join(dir, 'sheetjs.csv'), 'utf8')}\n`;
    results.push({
      workbook: name,
      fileMb: Math.round(statSync(file).size / 1e5) / 10,
      streamed,
      sheetjs,
      timeRatioToSheetJs: ratio(streamed.ms, sheetjs.ms),
      memoryRatioToSheetJs: ratio(streamed.peakMemoryMb, sheetjs.peakMemoryMb),
      sameCsv: same,
    });
  }
  // The same rows as .ods and as .xlsx, each read by Parity's reader (the .xlsx reading is the baseline).
  const ods = write('extract.ods', 'Extract', extract, 'ods');
  const odsRead = run(ods, 'Extract', 'stream', path.join(dir, 'ods.csv'));
  const xlsxRead = run(path.join(dir, 'extract.xlsx'), 'Extract', 'stream');
  const openDocument = {
    workbook: `extract of ${values.rows} rows as .ods`,
    fileMb: Math.round(statSync(ods).size / 1e5) / 10,
    streamed: odsRead,
    xlsxStreamed: xlsxRead,
    timeRatioToXlsx: ratio(odsRead.ms, xlsxRead.ms),
    memoryRatioToXlsx: ratio(odsRead.peakMemoryMb, xlsxRead.peakMemoryMb),
    sameCsvAsXlsx:
      readFileSync(path.join(dir, 'ods.csv'), 'utf8') === readFileSync(path.join(dir, 'stream.csv'), 'utf8'),
  };
  console.log(JSON.stringify({ workbooks: results, openDocument }, null, 2));
} finally {
  rmSync(dir, { recursive: true, force: true });
}
