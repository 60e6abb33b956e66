import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZip } from '../../../test/zip-file.ts';
import { SourceFileError } from '../datasets/source-error.ts';
import { writeSheetCsv } from './sheet-csv.ts';
import { withWorkbook } from './workbook.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-ods-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

/** An OpenDocument spreadsheet laid out by hand, as LibreOffice Calc writes one: `tables` is the body. */
function handMadeSpreadsheet(file: string, tables: string, manifest = ''): string {
  return writeZip(file, [
    ['mimetype', 'application/vnd.oasis.opendocument.spreadsheet'],
    [
      'META-INF/manifest.xml',
      `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">${manifest}</manifest:file-entry></manifest:manifest>`,
    ],
    [
      'content.xml',
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:spreadsheet>${tables}</office:spreadsheet></office:body></office:document-content>`,
    ],
  ]);
}

const text = (value: string, attributes = '') =>
  `<table:table-cell office:value-type="string"${attributes}><text:p>${value}</text:p></table:table-cell>`;
const number = (value: number, attributes = '') =>
  `<table:table-cell office:value-type="float" office:value="${value}"${attributes}><text:p>${value}</text:p></table:table-cell>`;
const row = (cells: string, attributes = '') => `<table:table-row${attributes}>${cells}</table:table-row>`;

async function sheetCsv(file: string, sheet?: string) {
  const csv = `${file}-${sheet ?? 'first'}.csv`;
  await withWorkbook(file, (workbook) =>
    writeSheetCsv(workbook, sheet ?? workbook.sheetNames[0]!, csv, { blankRows: true }),
  );
  return readFileSync(csv, 'utf8');
}

describe('reading OpenDocument spreadsheets a row at a time', () => {
  it('reads what SheetJS writes as .ods: its sheets, text, numbers as stored and dates', async () => {
    const book = XLSX.utils.book_new();
    const rows = [
      ['lsoa_code', 'seen', 'wait_weeks', 'note'],
      ['E01013600', new Date(Date.UTC(2024, 2, 15)), 12.5, 'first, "quoted"'],
      ['E01013601', new Date(Date.UTC(2023, 10, 1)), 1234567890123, ''],
    ];
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([['About this file']]), 'Notes');
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), 'Waits 2024');
    const file = path.join(dir, 'sheetjs.ods');
    writeFileSync(file, XLSX.write(book, { type: 'buffer', bookType: 'ods', cellDates: true }) as Buffer);
    const names = await withWorkbook(file, (workbook) =>
      Promise.resolve([workbook.format, ...workbook.sheetNames]),
    );
    expect(names).toEqual(['ods', 'Notes', 'Waits 2024']);
    expect(await sheetCsv(file, 'Waits 2024')).toBe(
      'lsoa_code,seen,wait_weeks,note\nE01013600,2024-03-15,12.5,"first, ""quoted"""\nE01013601,2023-11-01,1234567890123,\n',
    );
  });

  it('writes rows and cells repeated alike as each of them, skips repeated blanks, and reads text as written', async () => {
    const file = handMadeSpreadsheet(
      path.join(dir, 'repeated.ods'),
      `<table:table table:name="Other"><table:table-row><table:table-cell office:value-type="string"><text:p>not this one</text:p></table:table-cell></table:table-row></table:table>` +
        `<table:table table:name="Rates &amp; dates"><table:table-column table:number-columns-repeated="1024"/>` +
        `<table:table-header-rows>${row(text('lsoa') + text('when') + text('share') + text('flag') + text('note'))}</table:table-header-rows>` +
        row(
          text('E01000001') +
            `<table:table-cell office:value-type="date" office:date-value="2024-01-31T09:30:00"><text:p>31/01/2024</text:p></table:table-cell>` +
            `<table:table-cell office:value-type="percentage" office:value="0.125"><text:p>12.50%</text:p></table:table-cell>` +
            `<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>` +
            `<table:table-cell office:value-type="string"><text:p>two<text:s text:c="3"/>spaces, <text:span>a span</text:span></text:p><text:p>and a second line</text:p><office:annotation><text:p>a comment</text:p></office:annotation></table:table-cell>` +
            `<table:table-cell table:number-columns-repeated="1019"/>`,
          ' table:number-rows-repeated="2"',
        ) +
        row('<table:table-cell table:number-columns-repeated="1024"/>', ' table:number-rows-repeated="3"') +
        row(
          text('E01000002') +
            number(7, ' table:number-columns-repeated="2"') +
            `<table:table-cell office:value-type="time" office:time-value="PT36H05M00S"><text:p>36:05</text:p></table:table-cell>` +
            `<table:covered-table-cell/>` +
            text('&lt;b&gt; &amp; caf&#233;') +
            `<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>`,
        ) +
        row(
          '<table:table-cell table:number-columns-repeated="1024"/>',
          ' table:number-rows-repeated="1048570"',
        ) +
        `</table:table>`,
    );
    const names = await withWorkbook(file, (workbook) => Promise.resolve(workbook.sheetNames));
    expect(names).toEqual(['Other', 'Rates & dates']);
    const first = [
      'E01000001',
      '2024-01-31',
      '0.125',
      'TRUE',
      '"two   spaces, a span\nand a second line"',
    ].join(',');
    expect(await sheetCsv(file, 'Rates & dates')).toBe(
      [
        'lsoa,when,share,flag,note,,',
        `${first},,`,
        `${first},,`,
        ',,,,,,',
        ',,,,,,',
        ',,,,,,',
        'E01000002,7,7,36:05:00,,<b> & café,#DIV/0!',
        '',
      ].join('\n'),
    );
    await withWorkbook(file, async (workbook) => {
      expect(await workbook.firstRows('Rates & dates', 2)).toEqual([
        ['lsoa', 'when', 'share', 'flag', 'note'],
        ['E01000001', '2024-01-31', '0.125', 'TRUE', 'two   spaces, a span\nand a second line'],
      ]);
    });
  });

  it('reads a sheet larger than a batch whole, in order, rows split across the chunks it is inflated in', async () => {
    const count = 30_000;
    const code = (i: number) => `E01${String(i).padStart(6, '0')}`;
    let rows = row(text('lsoa') + text('n'));
    for (let i = 0; i < count; i++) rows += row(text(code(i)) + number(i * 0.5));
    expect(rows.length).toBeGreaterThan(2 * (1 << 20));
    const file = handMadeSpreadsheet(
      path.join(dir, 'large.ods'),
      `<table:table table:name="Data">${rows}</table:table>`,
    );
    const expected = ['lsoa,n', ...Array.from({ length: count }, (_v, i) => `${code(i)},${i * 0.5}`)];
    expect(await sheetCsv(file)).toBe(`${expected.join('\n')}\n`);
    // With no used range to go by, the progress is the share of the sheets' part read.
    const shares: number[] = [];
    await withWorkbook(file, (workbook) =>
      writeSheetCsv(workbook, 'Data', `${file}-progress.csv`, {
        blankRows: true,
        onProgress: (share) => shares.push(share),
      }),
    );
    expect(shares.length).toBeGreaterThan(1);
    expect(shares[0]).toBeLessThan(1);
    expect(shares.every((share, i) => i === 0 || share >= shares[i - 1]!)).toBe(true);
    expect(shares.at(-1)).toBe(1);
  });

  it('refuses a protected spreadsheet, another OpenDocument file and a damaged one, saying what to do', async () => {
    const sheet = `<table:table table:name="Data">${row(text('lsoa'))}</table:table>`;
    const locked = handMadeSpreadsheet(
      path.join(dir, 'locked.ods'),
      sheet,
      '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>',
    );
    await expect(withWorkbook(locked, () => Promise.resolve(null))).rejects.toThrow(
      'The spreadsheet is protected with a password. Save it again without the password (or as CSV) and import that.',
    );
    const letter = writeZip(path.join(dir, 'letter.ods'), [
      ['mimetype', 'application/vnd.oasis.opendocument.text'],
      ['content.xml', `<office:document-content ${NS}/>`],
    ]);
    await expect(withWorkbook(letter, () => Promise.resolve(null))).rejects.toThrow(
      'The file is an OpenDocument file, but not a spreadsheet.',
    );
    const good = readFileSync(
      handMadeSpreadsheet(
        path.join(dir, 'good.ods'),
        `<table:table table:name="Data">${row(number(1)).repeat(20_000)}</table:table>`,
      ),
    );
    const contentAt = good.indexOf('content.xml') + 'content.xml'.length;
    const damaged = Buffer.from(good);
    damaged.fill(0xff, contentAt + 10, contentAt + 40);
    const damagedFile = path.join(dir, 'damaged.ods');
    writeFileSync(damagedFile, damaged);
    const error = await sheetCsv(damagedFile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFileError);
    expect((error as Error).message).toMatch(/could not be read as an OpenDocument spreadsheet/);
  });
});
