// A workbook cell as text for CSV: numbers as stored (not as displayed: a General cell shows
// 1234567890123 as 1.23457E+12), dates as YYYY-MM-DD whatever their display format (Excel's default
// date format shows them in the reader's locale), TRUE/FALSE, shared and inline strings.
import { decodeXml, stringItemText } from './xml-scan.ts';

/**
 * Built-in number formats that show a date or time (ECMA-376 §18.8.30: 14–22 and 45–47; 27–36 and
 * 50–58 are the East Asian date formats, which Excel also writes for dates).
 */
const BUILT_IN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/**
 * Whether a custom number format code shows a date or time: a y, m, d, h or s outside quoted text,
 * escaped characters, padding and fill characters and brackets ([Red], [$-809]) other than elapsed
 * time ([h], [mm], [ss]).
 */
export function isDateFormatCode(code: string): boolean {
  const section = code.split(';')[0] ?? '';
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare.trim());
}

export const isDateFormatId = (id: number): boolean => BUILT_IN_DATES.has(id);

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

/**
 * An Excel date serial as YYYY-MM-DD. In the 1900 date system serial 60 is 29 February 1900, a day
 * that never was (kept from Lotus 1-2-3), so serials below it count from one day later.
 */
export function serialToIsoDate(serial: number, date1904: boolean): string {
  const day = Math.floor(serial + 1e-9);
  const ms = date1904 ? EPOCH_1904 + day * DAY_MS : EPOCH_1900 + (day < 61 ? day + 1 : day) * DAY_MS;
  if (!date1904 && day === 60) return '1900-02-29';
  return new Date(ms).toISOString().slice(0, 10);
}

export interface CellContext {
  sharedStrings: string[];
  /** Per cell style index (the `s` attribute), whether its number format is a date's. */
  dateStyles: boolean[];
  date1904: boolean;
}

const VALUE = /<(?:[A-Za-z_][\w.-]*:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?v>/;
const INLINE = /<(?:[A-Za-z_][\w.-]*:)?is\b[^>]*>([\s\S]*?)<\/(?:[A-Za-z_][\w.-]*:)?is>/;

/** The text of a cell from its type (`t`), style index (`s`) and inner XML. */
export function cellText(
  type: string | undefined,
  style: number,
  inner: string,
  context: CellContext,
): string {
  if (type === 'inlineStr') return stringItemText(INLINE.exec(inner)?.[1] ?? '');
  const raw = VALUE.exec(inner)?.[1];
  if (raw === undefined) return '';
  switch (type) {
    case 's':
      return context.sharedStrings[Number(raw)] ?? '';
    case 'str':
    case 'e':
      return decodeXml(raw);
    case 'b':
      return raw.trim() === '1' || raw.trim().toLowerCase() === 'true' ? 'TRUE' : 'FALSE';
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : decodeXml(raw);
    default: {
      const value = raw.trim();
      const number = Number(value);
      if (value === '' || !Number.isFinite(number)) return decodeXml(raw);
      return context.dateStyles[style] ? serialToIsoDate(number, context.date1904) : String(number);
    }
  }
}
