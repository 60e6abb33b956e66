// Reads an OpenDocument spreadsheet (.ods: LibreOffice Calc's own format, and the one the UK
// government's open standards set for sharing editable documents) a row at a time, as workbook.ts reads
// .xlsx. Every sheet is in one part, content.xml, inflated and parsed as it streams: a sheet's rows
// are those between its <table:table> and </table:table>. Rows and cells repeated alike are written
// once with a count (LibreOffice writes identical rows so); a repeated row with values is each of
// its rows, and repeated blanks (a sheet's last million empty rows, say) are skipped over.
import { StringDecoder } from 'node:string_decoder';
import { SourceFileError } from '../datasets/source-error.ts';
import { firstRowsOf } from './first-rows.ts';
import type { SheetReading, Workbook, WorkbookRow } from './workbook.ts';
import { attribute, decodeXml, tokenAttribute } from './xml-scan.ts';
import type { ZipArchive } from './zip-archive.ts';

const CONTENT = 'content.xml';
const SPREADSHEET = 'application/vnd.oasis.opendocument.spreadsheet';

/** Any namespace prefix (`table:`, as every writer seen gives it). */
const P = '(?:[A-Za-z_][\\w.-]*:)?';
/** A table's start (group 1: attributes, group 2: "/" when it is empty), its end, or a whole row. */
const TOKEN = `<${P}table(?=[\\s/>])([^>]*?)(/?)>|</${P}table>|<${P}table-row(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${P}table-row>)`;
const TABLE_START = `<${P}table(?=[\\s/>])([^>]*?)>`;
const CELL = new RegExp(
  `<${P}(?:covered-)?table-cell(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${P}(?:covered-)?table-cell>)`,
  'g',
);
const ANNOTATION = new RegExp(`<${P}annotation(?=[\\s/>])[\\s\\S]*?</${P}annotation>`, 'g');
const PARAGRAPH = new RegExp(`<${P}[ph](?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${P}[ph]>)`, 'g');
const SPACES = new RegExp(`<${P}s(?=[\\s/>])([^>]*?)/>`, 'g');
const TAB = new RegExp(`<${P}tab(?=[\\s/>])[^>]*/>`, 'g');
const LINE_BREAK = new RegExp(`<${P}line-break(?=[\\s/>])[^>]*/>`, 'g');
const ANY_TAG = /<[^>]*>/g;

/** No spreadsheet has more columns (Excel's limit; LibreOffice's is the same). */
const MAX_COLUMNS = 16_384;
/** Text is handed on in pieces of at least this many characters, as in xml-scan.ts. */
const BATCH_CHARS = 1 << 20;

type Token =
  { kind: 'table'; name: string } | { kind: 'end' } | { kind: 'row'; attributes: string; inner: string };

/** The tokens of content.xml in order, in batches; the text after the last whole one waits. */
async function* tokenBatches(chunks: AsyncIterable<Buffer>): AsyncGenerator<Token[]> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  const take = (): Token[] => {
    const pattern = new RegExp(TOKEN, 'g');
    const tokens: Token[] = [];
    let end = 0;
    for (let m = pattern.exec(pending); m !== null; m = pattern.exec(pending)) {
      if (m[3] !== undefined) tokens.push({ kind: 'row', attributes: m[3], inner: m[4] ?? '' });
      else if (m[1] !== undefined) {
        tokens.push({ kind: 'table', name: attribute(m[1], 'table:name') ?? '' });
        if (m[2] === '/') tokens.push({ kind: 'end' });
      } else tokens.push({ kind: 'end' });
      end = pattern.lastIndex;
    }
    pending = pending.slice(end);
    return tokens;
  };
  for await (const chunk of chunks) {
    pending += decoder.write(chunk);
    if (pending.length >= BATCH_CHARS) yield take();
  }
  pending += decoder.end();
  yield take();
}

/** "PT36H30M00S" as 36:30:00. */
function durationText(value: string): string {
  const found = /^-?P(?:(\d+)D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(value);
  if (!found) return value;
  const [, days = '0', hours = '0', minutes = '0', seconds = '0'] = found;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Number(days) * 24 + Number(hours))}:${two(Number(minutes))}:${two(Math.floor(Number(seconds)))}`;
}

/** A cell of one paragraph of plain text, as nearly every cell is: its text. */
const PLAIN = new RegExp(`^\\s*<${P}p>([^<]*)</${P}p>\\s*$`);

/** A cell's text as written: its paragraphs on lines of their own, notes left out. */
function paragraphsText(inner: string): string {
  if (!inner) return '';
  const plain = PLAIN.exec(inner);
  if (plain) return decodeXml(plain[1]!);
  const body = inner.includes('annotation') ? inner.replace(ANNOTATION, '') : inner;
  const lines: string[] = [];
  PARAGRAPH.lastIndex = 0;
  for (let m = PARAGRAPH.exec(body); m !== null; m = PARAGRAPH.exec(body)) {
    const text = (m[2] ?? '')
      .replace(SPACES, (_s, attributes: string) =>
        ' '.repeat(Number(tokenAttribute(attributes, 'text:c') ?? 1)),
      )
      .replace(TAB, '\t')
      .replace(LINE_BREAK, '\n')
      .replace(ANY_TAG, '');
    lines.push(decodeXml(text));
  }
  return lines.join('\n');
}

/**
 * A cell's value as text for CSV, as the .xlsx reader gives it: numbers as stored (not as shown),
 * dates as YYYY-MM-DD, TRUE/FALSE, text as written, and a formula's error as shown ("#DIV/0!"),
 * which LibreOffice stores beside a value of 0 (calcext:value-type="error").
 */
function cellValue(attributes: string, inner: string): string {
  if (attributes.includes('"error"') && tokenAttribute(attributes, 'calcext:value-type') === 'error')
    return paragraphsText(inner);
  const type = tokenAttribute(attributes, 'office:value-type');
  switch (type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const value = tokenAttribute(attributes, 'office:value');
      const number = Number(value);
      return value !== undefined && value.trim() !== '' && Number.isFinite(number)
        ? String(number)
        : paragraphsText(inner);
    }
    case 'date': {
      const value = tokenAttribute(attributes, 'office:date-value');
      return value ? (/^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : value) : paragraphsText(inner);
    }
    case 'time': {
      const value = tokenAttribute(attributes, 'office:time-value');
      return value ? durationText(value) : paragraphsText(inner);
    }
    case 'boolean': {
      const value = tokenAttribute(attributes, 'office:boolean-value');
      return value === 'true' ? 'TRUE' : value === 'false' ? 'FALSE' : paragraphsText(inner);
    }
    default:
      return attribute(attributes, 'office:string-value') ?? paragraphsText(inner);
  }
}

/** A row's cells by column ('' for a blank one); empty when the row has no value. */
function rowCells(inner: string): string[] {
  const cells: string[] = [];
  let column = 0;
  CELL.lastIndex = 0;
  for (let m = CELL.exec(inner); m !== null && column < MAX_COLUMNS; m = CELL.exec(inner)) {
    const attributes = m[1] ?? '';
    const repeated = Number(tokenAttribute(attributes, 'table:number-columns-repeated') ?? 1) || 1;
    const text = cellValue(attributes, m[2] ?? '');
    if (text !== '') for (let i = 0; i < repeated && column + i < MAX_COLUMNS; i++) cells[column + i] = text;
    column += repeated;
  }
  for (let i = 0; i < cells.length; i++) cells[i] ??= '';
  return cells;
}

function readSheet(zip: ZipArchive, sheet: string, limit: number): SheetReading {
  const size = zip.size(CONTENT);
  let inflated = 0;
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const chunk of zip.stream(CONTENT)) {
      inflated += chunk.length;
      yield chunk;
    }
  }
  async function* batches(): AsyncGenerator<WorkbookRow[]> {
    let inSheet = false;
    let index = -1;
    for await (const tokens of tokenBatches(counted())) {
      const rows: WorkbookRow[] = [];
      for (const token of tokens) {
        if (token.kind === 'table') {
          inSheet = token.name === sheet;
          continue;
        }
        if (!inSheet) continue;
        if (token.kind === 'end') {
          if (rows.length > 0) yield rows;
          return;
        }
        const repeated = Number(tokenAttribute(token.attributes, 'table:number-rows-repeated') ?? 1) || 1;
        const cells = rowCells(token.inner);
        if (cells.length === 0) index += repeated;
        else for (let i = 0; i < repeated && index + 1 < limit; i++) rows.push({ index: ++index, cells });
        if (index + 1 >= limit) {
          if (rows.length > 0) yield rows;
          return;
        }
      }
      if (rows.length > 0) yield rows;
    }
  }
  // An OpenDocument sheet gives no used range: its columns are found from its rows (sheet-csv.ts),
  // and the progress from the share of content.xml read.
  return {
    batches: batches(),
    range: () => null,
    progress: () => (size > 0 ? Math.min(1, inflated / size) : 0),
  };
}

/** The names of the sheets, in order, from their <table:table> starts. */
async function sheetNamesOf(zip: ZipArchive): Promise<string[]> {
  const decoder = new StringDecoder('utf8');
  const names: string[] = [];
  let pending = '';
  const take = () => {
    const pattern = new RegExp(TABLE_START, 'g');
    let end = 0;
    for (let m = pattern.exec(pending); m !== null; m = pattern.exec(pending)) {
      names.push(attribute(m[1] ?? '', 'table:name') ?? '');
      end = pattern.lastIndex;
    }
    // A start cut in two by the chunk's end is kept for the next.
    const cut = pending.lastIndexOf('<');
    pending = pending.slice(Math.max(end, cut));
  };
  for await (const chunk of zip.stream(CONTENT)) {
    pending += decoder.write(chunk);
    take();
  }
  pending += decoder.end();
  take();
  return names;
}

/** Whether the archive is an OpenDocument file (its content in content.xml) rather than .xlsx. */
export const isOpenDocument = (zip: ZipArchive): boolean =>
  zip.find(CONTENT) !== undefined && zip.find('xl/workbook.xml') === undefined;

/** Opens an OpenDocument spreadsheet; a protected one, or another kind of document, is refused. */
export async function openOdsWorkbook(zip: ZipArchive): Promise<Workbook> {
  const mimetype = zip.find('mimetype') ? (await zip.text('mimetype')).trim() : SPREADSHEET;
  if (mimetype !== SPREADSHEET)
    throw new SourceFileError(
      'The file is an OpenDocument file, but not a spreadsheet. Choose the spreadsheet (.ods), or save the data as CSV and import that.',
    );
  const manifest = zip.find('META-INF/manifest.xml');
  if (manifest && (await zip.text(manifest)).includes('encryption-data'))
    throw new SourceFileError(
      'The spreadsheet is protected with a password. Save it again without the password (or as CSV) and import that.',
    );
  const sheetNames = await sheetNamesOf(zip);
  const workbook: Workbook = {
    format: 'ods',
    sheetNames,
    read: (sheet, options = {}) => readSheet(zip, sheet, options.limit ?? Infinity),
    firstRows: (sheet, count) => firstRowsOf(workbook.read(sheet, { limit: count })),
    close: () => zip.close(),
  };
  return workbook;
}
