import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { writeZip } from '../../../test/zip-file.ts';
import { SourceFileError } from '../datasets/source-error.ts';
import { isDateFormatCode, serialToIsoDate } from './cell-values.ts';
import { writeSheetCsv } from './sheet-csv.ts';
import { withWorkbook } from './workbook.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'parity-workbook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// A workbook saved by Excel, read where it is (never copied into the project).
const excelFile = path.resolve(
  import.meta.dirname,
  '../../../../shared/data/feedback/qdc_framework_v7_20230925.xlsx',
);

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook laid out by hand: one worksheet (prefixed elements, as some writers give them). */
function handMadeWorkbook(
  file: string,
  sheet: string,
  options: { date1904?: boolean; sharedStrings?: string[] } = {},
): string {
  const strings = (options.sharedStrings ?? []).map((s) => `<si>${s}</si>`).join('');
  return writeZip(file, [
    [
      '_rels/.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      'xl/workbook.xml',
      `<x:workbook xmlns:x="${MAIN}" xmlns:r="${REL}"><x:workbookPr${options.date1904 ? ' date1904="1"' : ''}/><x:sheets><x:sheet name="Rates &amp; dates" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ],
    [
      'xl/styles.xml',
      // Cell style 1: built-in short date; 2 and 3: custom dates; 4: accounting; 5: 0.00%; 6: a
      // number with quoted text holding date letters. The cell style formats' date is not a cell's.
      `<styleSheet xmlns="${MAIN}"><numFmts count="4"><numFmt numFmtId="164" formatCode="dd/mm/yyyy;@"/><numFmt numFmtId="165" formatCode="[$-809]dd mmmm yyyy"/><numFmt numFmtId="166" formatCode="_-[$£-809]* #,##0.00_-;\\-[$£-809]* #,##0.00_-;_-[$£-809]* &quot;-&quot;??_-;_-@_-"/><numFmt numFmtId="167" formatCode="&quot;Week &quot;0"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="7"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164"><alignment horizontal="left"/></xf><xf numFmtId="165"/><xf numFmtId="166"/><xf numFmtId="10"/><xf numFmtId="167"/></cellXfs></styleSheet>`,
    ],
    ['xl/sharedStrings.xml', `<sst xmlns="${MAIN}">${strings}</sst>`],
    ['xl/worksheets/data.xml', `<x:worksheet xmlns:x="${MAIN}">${sheet}</x:worksheet>`],
  ]);
}

async function sheetCsv(file: string, options: { headingRow?: number; blankRows?: boolean } = {}) {
  const csv = `${file}.csv`;
  const result = await withWorkbook(file, async (workbook) =>
    writeSheetCsv(workbook, workbook.sheetNames[0]!, csv, {
      blankRows: options.blankRows ?? true,
      ...options,
    }),
  );
  return { text: readFileSync(csv, 'utf8'), ...result };
}

describe('reading workbooks a row at a time', () => {
  it('writes every worksheet of a workbook saved by Excel as SheetJS, which reads it whole, does', async () => {
    expect(existsSync(excelFile)).toBe(true);
    const book = XLSX.read(readFileSync(excelFile), { type: 'buffer', dense: true, cellDates: true });
    await withWorkbook(excelFile, async (workbook) => {
      expect(workbook.sheetNames).toEqual(book.SheetNames);
      for (const name of workbook.sheetNames) {
        const csv = path.join(dir, `${name}.csv`);
        await writeSheetCsv(workbook, name, csv, { blankRows: true });
        const theirs = XLSX.utils.sheet_to_csv(book.Sheets[name]!, { blankrows: true, rawNumbers: true });
        expect(readFileSync(csv, 'utf8')).toBe(`${theirs}\n`);
      }
    });
  });

  it('reads shared, rich, inline and escaped strings, dates by their format, numbers as stored, and widens past a wrong range', async () => {
    const file = handMadeWorkbook(
      path.join(dir, 'cells.xlsx'),
      `<x:dimension ref="A1:D5"/><x:sheetData>` +
        `<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>when</x:t></x:is></x:c><x:c r='C1' t='str'><x:v>amount</x:v></x:c><x:c r="D1" t="s"><x:v>1</x:v></x:c></x:row>` +
        `<x:row><x:c t="s"><x:v>5</x:v></x:c><x:c s="1"><x:v>45292</x:v></x:c><x:c s="4"><x:v>1234567890123</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c></x:row>` +
        `<x:row r="4"><x:c r="A4" t="s"><x:v>2</x:v></x:c><x:c r="B4" s="2"><x:v>45366.75</x:v></x:c><x:c r="C4" s="5"><x:v>0.125</x:v></x:c><x:c r="D4" t="e"><x:v>#N/A</x:v></x:c></x:row>` +
        `<x:row r="5"><x:c r="A5" t="s"><x:v>3</x:v></x:c><x:c r="B5" s="3"><x:v>1</x:v></x:c><x:c r="C5" s="6"><x:v>7</x:v></x:c><x:c r="E5" t="str"><x:v>beyond</x:v></x:c></x:row>` +
        `<x:row r="6"><x:c r="A6" t="s"><x:v>6</x:v></x:c></x:row>` +
        `</x:sheetData>`,
      {
        sharedStrings: [
          '<t>lsoa_code</t>',
          '<r><t>Rich </t></r><r><rPr><b/></rPr><t xml:space="preserve">text</t></r><rPh sb="0" eb="1"><t>hint</t></rPh>',
          '<t>line_x000D_break</t>',
          '<t>_x005F_x0041_ kept</t>',
          '<t/>',
          '<t>caf&#233; &amp; bar</t>',
          '<t><![CDATA[a<b & c]]> &amp; d</t>',
        ],
      },
    );
    const names = await withWorkbook(file, (workbook) => Promise.resolve(workbook.sheetNames));
    expect(names).toEqual(['Rates & dates']);
    const { text } = await sheetCsv(file);
    expect(text.split('\n')).toEqual([
      'lsoa_code,when,amount,Rich text,',
      'café & bar,2024-01-01,1234567890123,TRUE,',
      ',,,,',
      '"line\rbreak",2024-03-15,0.125,#N/A,',
      '_x0041_ kept,1900-01-01,7,,beyond',
      'a<b & c & d,,,,',
      '',
    ]);
  });

  it('starts at the heading row, leaves blank rows out when asked, and takes the columns from the cells when the range is not given', async () => {
    const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
    const file = handMadeWorkbook(
      path.join(dir, 'heading.xlsx'),
      `<sheetData xmlns="${MAIN}">` +
        row(1, `<c r="B1" t="inlineStr"><is><t>Report, run 2024</t></is></c>`) +
        row(
          3,
          `<c r="B3" t="inlineStr"><is><t>lsoa</t></is></c><c r="C3" t="inlineStr"><is><t>said "yes"</t></is></c>`,
        ) +
        row(4, `<c r="B4" t="inlineStr"><is><t>E01000001</t></is></c><c r="C4"><v>1</v></c>`) +
        row(5, '') +
        row(6, `<c r="B6" t="inlineStr"><is><t>E01000002</t></is></c>`) +
        `</sheetData>`.replace('<sheetData', '<sheetData'),
    );
    const kept = await sheetCsv(file, { headingRow: 2 });
    expect(kept.text).toBe('lsoa,"said ""yes"""\nE01000001,1\n,\nE01000002,\n');
    expect(kept.rowsAboveHeadings).toBe(2);
    // The sheet's own number of the heading row, which the import's report counts rows from.
    expect(kept.headingRow).toBe(3);
    const left = await sheetCsv(file, { headingRow: 2, blankRows: false });
    expect(left.text).toBe('lsoa,"said ""yes"""\nE01000001,1\nE01000002,\n');
  });

  it('reads a worksheet larger than a batch whole, in order, rows split across the chunks it is inflated in', async () => {
    const count = 40_000;
    const code = (i: number) => `E01${String(i).padStart(6, '0')}`;
    let rows = '';
    for (let i = 0; i < count; i++)
      rows += `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>${code(i)}</t></is></c><c r="B${i + 2}"><v>${i * 0.5}</v></c></row>`;
    const header = `<row r="1"><c r="A1" t="inlineStr"><is><t>lsoa</t></is></c><c r="B1" t="inlineStr"><is><t>n</t></is></c></row>`;
    const file = handMadeWorkbook(path.join(dir, 'large.xlsx'), `<sheetData>${header}${rows}</sheetData>`);
    expect(rows.length).toBeGreaterThan(2 * (1 << 20));
    const { text } = await sheetCsv(file);
    const expected = ['lsoa,n', ...Array.from({ length: count }, (_v, i) => `${code(i)},${i * 0.5}`)];
    expect(text).toBe(`${expected.join('\n')}\n`);
    await withWorkbook(file, async (workbook) => {
      const first = await workbook.firstRows(workbook.sheetNames[0]!, 3);
      expect(first).toEqual([
        ['lsoa', 'n'],
        [code(0), '0'],
        [code(1), '0.5'],
      ]);
    });
  });

  it('counts dates from 1904 in a workbook that says so', async () => {
    const file = handMadeWorkbook(
      path.join(dir, '1904.xlsx'),
      `<sheetData><row r="1"><c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43830</v></c></row></sheetData>`,
      { date1904: true },
    );
    expect((await sheetCsv(file)).text).toBe('1904-01-01,2024-01-01\n');
  });

  it('tells date formats from number formats, and dates from serials as Excel counts them', () => {
    expect(
      ['dd/mm/yyyy', 'd-mmm-yy', '[$-809]dd mmmm yyyy;@', 'h:mm', '[h]:mm:ss', 'yyyy-mm-dd hh:mm'].map(
        isDateFormatCode,
      ),
    ).toEqual([true, true, true, true, true, true]);
    expect(
      ['General', '0.00', '#,##0', '0%', '"Week "0', '[Red]0.00', '_-* #,##0_-', '0.00E+00'].map(
        isDateFormatCode,
      ),
    ).toEqual([false, false, false, false, false, false, false, false]);
    expect([1, 59, 60, 61, 45292].map((s) => serialToIsoDate(s, false))).toEqual([
      '1900-01-01',
      '1900-02-28',
      '1900-02-29',
      '1900-03-01',
      '2024-01-01',
    ]);
  });

  it('refuses a file that is not a workbook, is cut short or damaged inside, or is an old or protected one', async () => {
    const message = /could not be read as an Excel workbook/;
    const text = path.join(dir, 'text.xlsx');
    writeFileSync(text, 'lsoa,n\nE01000001,1\n');
    await expect(withWorkbook(text, () => Promise.resolve(null))).rejects.toThrow(message);

    const whole = readFileSync(excelFile);
    const cut = path.join(dir, 'cut.xlsx');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(withWorkbook(cut, () => Promise.resolve(null))).rejects.toThrow(message);

    const good = readFileSync(
      handMadeWorkbook(
        path.join(dir, 'good.xlsx'),
        `<sheetData>${'<row><c><v>1</v></c></row>'.repeat(5000)}</sheetData>`,
      ),
    );
    const sheetAt = good.indexOf('xl/worksheets/data.xml') + 'xl/worksheets/data.xml'.length;
    const damaged = Buffer.from(good);
    damaged.fill(0xff, sheetAt + 10, sheetAt + 40);
    const damagedFile = path.join(dir, 'damaged.xlsx');
    writeFileSync(damagedFile, damaged);
    const error = await sheetCsv(damagedFile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SourceFileError);
    expect((error as Error).message).toMatch(message);

    const old = path.join(dir, 'old.xlsx');
    writeFileSync(
      old,
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
    );
    await expect(withWorkbook(old, () => Promise.resolve(null))).rejects.toThrow(
      /protected with a password, or saved in the old Excel 97–2003 format/,
    );

    const noWorkbook = writeZip(path.join(dir, 'plain.xlsx'), [['readme.txt', 'not a workbook']]);
    await expect(withWorkbook(noWorkbook, () => Promise.resolve(null))).rejects.toThrow(message);
  });
});
