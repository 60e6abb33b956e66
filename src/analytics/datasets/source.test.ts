import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { importStore } from '../../../test/import-store.ts';
import { sourceColumnsProblem } from './file-checks.ts';
import { damagedParquetError } from './source-error.ts';

// Files as people's systems write them: Excel's own CSV and "Unicode Text", rows cut short, and
// workbooks that cannot be opened. Each is read, or refused with a plain reason before anything is stored.
describe('reading files as they come', () => {
  const { store, write, writeWorkbook, importAs, pathOf, stored } = importStore('parity-source-');
  const storedValues = (id: string, column: string) =>
    stored<Record<string, string | null>>(id, column, column);
  const header = 'person_id,lsoa_code,age,sex,ethnic_code,event_date,clinic';

  it('reads a CSV saved by Excel in Windows Latin-1, and says so', async () => {
    // "Café" has é as the single byte 0xE9, which is not UTF-8; here it is past DuckDB's sample.
    const rows = Array.from({ length: 25_000 }, (_, i) => `P${i},X01000001,40,F,A,2024-05-01,Main`);
    const text = [header, ...rows, 'Q1,X01000002,50,M,H,2024-06-01,Café'].join('\r\n');
    const result = await importAs('latin', write('latin.csv', Buffer.from(`${text}\r\n`, 'latin1')), {
      attributes: { clinic: 'clinic' },
    });
    expect(result.rowsStored).toBe(25_001);
    expect(result.report.warnings.join(' ')).toContain('read as Windows Latin-1 text');
    const clinics = new Set((await storedValues('latin', 'clinic')).map((r) => r.clinic));
    expect([...clinics].sort()).toEqual(['Café', 'Main']);
    // Within the sample read before an import, the headings are checked the same way.
    const early = write(
      'early.csv',
      Buffer.from(`${header}\r\nQ1,X01000002,50,M,H,2024-06-01,Café\r\n`, 'latin1'),
    );
    expect(await sourceColumnsProblem(store(), early)).toBeNull();
  });

  it("reads Windows Latin-1's dashes and quotation marks, which plain Latin-1 lacks", async () => {
    // Excel on Windows writes "–" as 0x96 and "’" as 0x92: bytes that ISO-8859-1 leaves to controls.
    const lines = [
      'Pseudo ID,LSOA,Ethnic category,Clinic',
      'W1,X01000001,Asian or Asian British – Indian,Diabetes – West',
      'W2,X01000001,White — British,St Mary’s “main” clinic €',
    ];
    const high: Record<string, number> = { '–': 0x96, '—': 0x97, '’': 0x92, '“': 0x93, '”': 0x94, '€': 0x80 };
    const text = `${lines.join('\r\n')}\r\n`;
    // Every other character here is ASCII, one byte as it is.
    const bytes = Buffer.from([...text].map((ch) => high[ch] ?? ch.charCodeAt(0)));
    const result = await importAs('windows', write('windows.csv', bytes));
    expect(result.rowsStored).toBe(2);
    expect(result.report.problems).toEqual([]);
    expect(result.report.warnings.join(' ')).toContain('read as Windows Latin-1 text');
    expect(await stored('windows', 'ethnic_code, clinic', 'person_id')).toEqual([
      { ethnic_code: 'H', clinic: 'Diabetes – West' },
      { ethnic_code: 'A', clinic: 'St Mary’s “main” clinic €' },
    ]);
    const gzipped = await importAs('windows-gz', write('windows.csv.gz', gzipSync(bytes)));
    expect(gzipped.report.problems).toEqual([]);
    expect(await stored('windows-gz', 'clinic', 'person_id')).toEqual([
      { clinic: 'Diabetes – West' },
      { clinic: 'St Mary’s “main” clinic €' },
    ]);
    // The UTF-8 copy read in its place is removed.
    expect(readdirSync(path.join(store().root, 'tmp')).filter((f) => f.startsWith('utf8-'))).toEqual([]);
  });

  it('reads Excel\'s "Unicode Text" (UTF-16 with tabs), without a warning', async () => {
    const text = `${header.replaceAll(',', '\t')}\r\nP1\tX01000001\t40\tF\tA\t2024-05-01\tCafé\r\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const result = await importAs('utf16', write('unicode.txt', bytes), { attributes: { clinic: 'clinic' } });
    expect(result.rowsStored).toBe(1);
    expect(result.report.warnings.join(' ')).not.toContain('Latin-1');
    expect(await storedValues('utf16', 'clinic')).toEqual([{ clinic: 'Café' }]);
  });

  it('reads a row cut short as blanks in its last columns, and keeps the row', async () => {
    const file = write('short.csv', `${header}\nP1,X01000001,40,F,A,2024-05-01,Main\nP2,X01000002,50\n`);
    const result = await importAs('short', file);
    expect(result.rowsStored).toBe(2);
    // Sex not given is stored as not known (U), as for any blank.
    expect(await storedValues('short', 'sex')).toEqual([{ sex: 'F' }, { sex: 'U' }]);
  });

  it('reads values with line breaks inside their quotation marks, in CSV and Excel, numbering rows as the file does', async () => {
    // A short row too: padding short rows is what stops DuckDB's parallel reader at such a value.
    const notes = 'Referred by GP.\nInterpreter needed (Gujarati)';
    const csv = write(
      'notes.csv',
      `${header},notes\nP1,X01000001,40,F,A,2024-05-01,Main,"${notes}"\nP2,X01000002,50\nP3,X0100QQQQ,60,M,H,2024-06-01,Main,plain\n`,
    );
    const fromCsv = await importAs('notes-csv', csv, { attributes: { notes: 'notes' } });
    expect(fromCsv.rowsStored).toBe(3);
    expect(await storedValues('notes-csv', 'notes')).toEqual([
      { notes },
      { notes: 'plain' },
      { notes: null },
    ]);
    // P3 is row 4 of the file, as a spreadsheet shows it: the value with a line break is one row.
    expect(fromCsv.report.examples.map((e) => [e.row, e.column])).toEqual([[4, 'lsoa_code']]);

    const book = XLSX.utils.book_new();
    const sheet = XLSX.utils.aoa_to_sheet([
      [...header.split(','), 'notes'],
      ['P1', 'X01000001', 40, 'F', 'A', '2024-05-01', 'Main', notes],
      ['P2', 'X0100QQQQ', 50, 'M', 'H', '2024-06-01', 'Main', 'plain'],
    ]);
    XLSX.utils.book_append_sheet(book, sheet, 'Extract');
    const xlsx = writeWorkbook('notes.xlsx', book);
    const fromXlsx = await importAs('notes-xlsx', xlsx, { attributes: { notes: 'notes' } });
    expect(fromXlsx.rowsStored).toBe(2);
    expect(await storedValues('notes-xlsx', 'notes')).toEqual([{ notes }, { notes: 'plain' }]);
    expect(fromXlsx.report.examples.map((e) => [e.row, e.column])).toEqual([[3, 'lsoa_code']]);
  });

  it('reads headings wrapped onto two lines, as Excel saves a report whose heading cells wrap', async () => {
    const file = write(
      'wrapped.csv',
      'Clinic report,,,\r\n"Pseudo\r\nID","LSOA\r\ncode","Age at\r\nappointment","Appointment\r\ndate"\r\nP1,X01000001,40,01/05/2024\r\nP2,X0100QQQQ,50,01/06/2024\r\n',
    );
    const result = await importAs('wrapped', file);
    expect(result.mapping.columns).toMatchObject({
      person_id: 'Pseudo\r\nID',
      lsoa_code: 'LSOA\r\ncode',
      age: 'Age at\r\nappointment',
      event_date: 'Appointment\r\ndate',
    });
    expect(result.rowsStored).toBe(2);
    expect(result.report.warnings).toContain(
      'The headings are in row 2 of the file: the row above them was left out.',
    );
    expect(result.report.examples.map((e) => e.row)).toEqual([4]);
  });

  it('takes the headings a mapping names as typed, whatever their case, spacing or line breaks in the file', async () => {
    const file = write(
      'typed-headings.csv',
      'Waiting list,,,\r\n"Pseudo\r\nID","LSOA\r\ncode",Age ,Weeks  waited,WEEKS WAITED (NEW)\r\nP1,X01000001,40,3,4\r\n',
    );
    const result = await importAs('typed-headings', file, {
      columns: { person_id: 'Pseudo ID', lsoa_code: 'LSOA code', age: 'age' },
      measures: { wait_weeks: 'weeks waited' },
    });
    expect(result.mapping.columns).toMatchObject({
      person_id: 'Pseudo\r\nID',
      lsoa_code: 'LSOA\r\ncode',
      age: 'Age',
    });
    expect(result.mapping.measures).toEqual({ wait_weeks: 'Weeks  waited' });
    expect(await storedValues('typed-headings', 'wait_weeks')).toEqual([{ wait_weeks: 3 }]);
    // A name that matches no heading is refused, naming the file's headings.
    await expect(importAs('typed-wrong', file, { measures: { wait_weeks: 'Weeks' } })).rejects.toThrow(
      'The mapping names columns the file does not have: Weeks.',
    );
  });

  it('numbers rows as the file does when empty lines come between them, in plain, gzipped and UTF-16 text', async () => {
    // DuckDB passes over empty lines, which a spreadsheet shows as rows; an empty line inside a quoted
    // value is part of the value, and the value one row (P3 is row 9 as Excel opens the file).
    const lines = [
      'Outpatients report',
      '',
      `${header},notes`,
      'P1,X01000001,40,F,A,2024-05-01,Main,',
      '',
      'P2,X01000002,50,M,H,2024-06-01,Main,"first',
      '',
      'last"',
      '',
      '',
      'P3,X0100QQQQ,60,F,A,2024-06-02,Main,',
      ',Total,,,,,,',
      'P4,X01000001,70,F,A,2024-06-03,Main,',
    ];
    const text = `${lines.join('\r\n')}\r\n`;
    const files = [
      ['empty-lines', write('empty-lines.csv', text)],
      ['empty-lines-gz', write('empty-lines.csv.gz', gzipSync(text))],
      [
        'empty-lines-utf16',
        write(
          'empty-lines.txt',
          Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replaceAll(',', '\t'), 'utf16le')]),
        ),
      ],
    ] as const;
    for (const [id, file] of files) {
      const result = await importAs(id, file, { attributes: { notes: 'notes' } });
      expect(result.rowsStored, id).toBe(4);
      expect(
        result.report.examples.map((e) => [e.row, e.value]),
        id,
      ).toEqual([[9, 'X0100QQQQ']]);
      expect(
        result.report.problems.map((p) => p.firstRow),
        id,
      ).toEqual([9]);
      expect(result.report.warnings, id).toContain(
        '1 row reads "Total" and has no LSOA code (row 10): a total of the rows above, not a row of its own, so it was left out.',
      );
    }
    expect(await storedValues('empty-lines', 'notes')).toContainEqual({ notes: 'first\r\n\r\nlast' });
  });

  it('refuses a row with more cells than headings near the top as it does further down', async () => {
    // DuckDB would otherwise read the row into an extra column, its values moved one along.
    const lines = [
      'Extract run 2024-07-01',
      header,
      'P1,X01000001,40,F,A,2024-05-01,Main',
      'P2,X01000002,50,M,H,2024-06-01,Trauma, Orthopaedics',
      'P3,X01000001,60,F,A,2024-06-02,Main',
    ];
    const message =
      'Row 4 of the file has more cells than there are headings (7), so its values cannot be matched to columns.';
    const file = write('wide-early.csv', `${lines.join('\n')}\n`);
    expect(await sourceColumnsProblem(store(), file)).toEqual({
      field: 'file',
      message: expect.stringContaining(message) as string,
    });
    const failed = await importAs('wide-early', file).catch((error: unknown) => error);
    expect((failed as Error).message).toContain(message);
    // With more rows to sample, DuckDB widens the file by a column instead; refused just the same.
    const rows = Array.from({ length: 30 }, (_, i) => `P${i},X01000001,40,F,A,2024-05-01,Main`);
    rows[9] = 'P9,X01000002,50,M,H,2024-06-01,Trauma, Orthopaedics';
    const widened = write('wide-column.csv', `${[header, ...rows].join('\n')}\n`);
    const widenedFailure = await importAs('wide-column', widened).catch((error: unknown) => error);
    expect((widenedFailure as Error).message).toContain(
      'Row 11 of the file has more cells than there are headings (7)',
    );
    // Tab-separated, with a heading left blank at the end of the line: every row fits its headings.
    const tabbed = [
      `${header.replaceAll(',', '\t')}\t`,
      'P1\tX01000001\t40\tF\tA\t2024-05-01\tMain, north\t',
    ];
    const fits = write('blank-heading.txt', `${tabbed.join('\n')}\n`);
    expect(await sourceColumnsProblem(store(), fits)).toBeNull();
    expect((await importAs('blank-heading', fits)).rowsStored).toBe(1);
    // As a database exports it: .tsv, plain or gzipped.
    const tsv = `${header.replaceAll(',', '\t')}\nP1\tX01000001\t40\tF\tA\t2024-05-01\tMain, north\n`;
    expect((await importAs('exported', write('exported.tsv', tsv))).rowsStored).toBe(1);
    expect((await importAs('exported-gz', write('exported.tsv.gz', gzipSync(tsv)))).rowsStored).toBe(1);
  });

  it('stops at a quotation mark never closed, naming its row and line in plain words', async () => {
    // Quoted values in the sample make DuckDB read quotes; the one left open is past the sample.
    const rows = Array.from({ length: 25_000 }, (_, i) => `"P${i}",X01000001,40,F,A,2024-05-01,Main`);
    const text = [
      header,
      ...rows,
      'Q1,X01000002,50,M,H,2024-06-01,"Main',
      'Q2,X01000002,50,M,H,2024-06-01,Main',
    ];
    const failed = await importAs('open-quote', write('open-quote.csv', `${text.join('\n')}\n`)).catch(
      (error: unknown) => error,
    );
    expect((failed as Error).message).toBe(
      'Row 25,002 of the file could not be read: a value opens a quotation mark (") that is never closed. Correct that line and import the file again. Nothing was stored.',
    );
  });

  it('says a Parquet file whose rows cannot be read is damaged, when its headings could be', async () => {
    const whole = pathOf('whole.parquet');
    await store().run(
      `COPY (SELECT 'X0100000' || (i % 2 + 1) AS lsoa_code, i % 90 AS age, (i * 7919) % 1000003 AS wait FROM range(200000) t(i)) TO '${whole}' (FORMAT parquet, COMPRESSION uncompressed)`,
    );
    // Bytes flipped through its rows, leaving the footer (the headings) as it was.
    const bytes = readFileSync(whole);
    for (let i = 1_000; i < bytes.length - 5_000; i += 997) bytes[i] = bytes[i]! ^ 0xff;
    const damaged = write('damaged.parquet', bytes);
    expect(await sourceColumnsProblem(store(), damaged)).toBeNull();
    const failed = await importAs('damaged', damaged).catch((error: unknown) => error);
    expect((failed as Error).message).toMatch(
      /^The Parquet file could not be read past its headings: it may be damaged or only partly copied\./,
    );
  });

  it('tells every message DuckDB gives for a damaged Parquet file from other failures', () => {
    // Which damage DuckDB meets first depends on the thread that reads it: a corrupt page, a page
    // header the Thrift decoder cannot read, or a value out of range.
    for (const said of [
      'Invalid Error: invalid TType',
      'IO Error: Corrupt Parquet file: the footer is damaged',
      'Invalid Input Error: Parquet file is truncated',
    ])
      expect(damagedParquetError(new Error(said))?.message, said).toMatch(
        /^The Parquet file could not be read past its headings/,
      );
    expect(damagedParquetError(new Error('Conversion Error: value out of range for INT8'))).toBeNull();
  });

  it('refuses, with the reason, a workbook that cannot be opened or has no such sheet', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['lsoa_code'], ['X01000001']]), 'Waits');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['lsoa_code'], ['X01000002']]), 'Notes');
    const workbook = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    // Excel saves a workbook with a password as a compound file, as it did .xls files.
    const compoundFile = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      workbook,
    ]);
    const cases: [string, Buffer | string, unknown, string][] = [
      ['protected.xlsx', compoundFile, undefined, 'The workbook is protected with a password'],
      ['cut.xlsx', workbook.subarray(0, 200), undefined, 'could not be read as an Excel workbook'],
      ['renamed.xlsx', 'lsoa_code\nX01000001\n', undefined, 'could not be read as an Excel workbook'],
      [
        'sheets.xlsx',
        workbook,
        { sheet: 'Wait list' },
        'no worksheet called "Wait list". Its worksheets are: Waits, Notes',
      ],
    ];
    for (const [name, bytes, mapping, reason] of cases) {
      const problem = await sourceColumnsProblem(store(), write(name, bytes), mapping);
      expect(problem, name).toEqual({ field: 'file', message: expect.stringContaining(reason) as string });
    }
    expect(await sourceColumnsProblem(store(), write('fine.xlsx', workbook), { sheet: 'Notes' })).toBeNull();
  });
});
