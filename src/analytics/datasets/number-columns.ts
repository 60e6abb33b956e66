// Text columns that hold numbers. A CSV file or workbook is staged as text, so a column of DNA
// codes with a stray "n/a" is text to DuckDB; the first rows decide whether it is read as a measure
// (every value then checked, and those that are not numbers reported) or kept as text.
import { builtInIndicators } from '../indicators/catalogue.ts';
import { numericFieldsUsed } from '../indicators/schema.ts';
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { recogniseColumns } from './headings.ts';
import { defaultFieldName, measureHeadedAs, measureInDaysHeadedAs, type ColumnMapping } from './mapping.ts';
import type { MappingInput } from './mapping-input.ts';
import { attributeSql, kindOf, notKnownSql } from './standardise.ts';
import { inWeeksAndDays, measureValueSql } from './weeks-and-days.ts';
import { countInWords } from '../in-words.ts';

/** Rows sampled (DuckDB's own CSV sniffing samples too); every value is checked later. */
const SAMPLE_ROWS = 100_000;

export interface NumberShare {
  /** Values that are not blank. */
  values: number;
  /** Those that read as numbers (or yes/no). */
  numbers: number;
}

/** The fields the built-in indicators read as numbers (compared with a number, or averaged). */
export function catalogueNumberFields(): Set<string> {
  return new Set(builtInIndicators().flatMap(numericFieldsUsed));
}

/**
 * For each text column not recognised as a standard field, how many of its values in the first
 * 100,000 rows are not blank, and how many of those read as numbers.
 */
export async function numberShares(
  store: AnalyticsStore,
  parquet: string,
  columns: { name: string; type: string }[],
): Promise<Map<string, NumberShare>> {
  const standard = new Set(Object.values(recogniseColumns(columns.map((c) => c.name)).columns));
  const text = columns.filter((c) => kindOf(c.type) === 'text' && !standard.has(c.name)).map((c) => c.name);
  if (text.length === 0) return new Map();
  // Nor does a cell of dashes only say whether a column holds numbers: a query tool's line under the
  // headings (query-tool-lines.ts), or a report's "-" for none.
  const counted = (c: string) =>
    `NOT ${notKnownSql(c)} AND NOT COALESCE(regexp_full_match(${attributeSql(c)}, '-+'), false)`;
  const counts = text.flatMap((c, i) => [
    `count(CASE WHEN ${counted(sourceColumn(c))} THEN ${attributeSql(sourceColumn(c))} END) AS v${i}`,
    `count(${measureValueSql(sourceColumn(c), 'text', inWeeksAndDays.has(measureHeadedAs(c) ?? defaultFieldName(c)))}) AS n${i}`,
  ]);
  const sample = `(SELECT ${text.map(sourceColumn).join(', ')} FROM read_parquet(${literal(parquet)}) LIMIT ${SAMPLE_ROWS})`;
  const [row] = await store.query(`SELECT ${counts.join(', ')} FROM ${sample}`);
  return new Map(
    text.map((c, i) => [c, { values: Number(row?.[`v${i}`] ?? 0), numbers: Number(row?.[`n${i}`] ?? 0) }]),
  );
}

/**
 * The columns read as measures: those at least 90% of whose values are numbers, so that a few
 * unreadable values are reported rather than turning the column into text; and, under the name
 * of a field the indicators read as a number (`numberFields`: "DNA" for dna), more than half.
 */
export function mostlyNumbers(
  shares: ReadonlyMap<string, NumberShare>,
  numberFields: ReadonlySet<string>,
): Set<string> {
  const measure = (column: string, { values, numbers }: NumberShare) =>
    values > 0 &&
    (numberFields.has(measureHeadedAs(column) ?? measureInDaysHeadedAs(column) ?? defaultFieldName(column))
      ? numbers * 2 > values
      : numbers >= 0.9 * values);
  return new Set([...shares].filter(([column, share]) => measure(column, share)).map(([column]) => column));
}

/**
 * What the import says of each column kept as text under the name of a field the indicators read
 * as a number (unless the person listed it as an attribute): the indicators cannot use it.
 */
export function textNumberFieldNotes(
  mapping: ColumnMapping,
  given: MappingInput | undefined,
  shares: ReadonlyMap<string, NumberShare>,
  numberFields: ReadonlySet<string>,
): string[] {
  const listed = new Set(Object.values(given?.attributes ?? {}));
  return Object.entries(mapping.attributes).flatMap(([field, column]) => {
    const share = shares.get(column);
    if (!numberFields.has(field) || listed.has(column) || !share?.values) return [];
    const some = share.numbers === 0 ? 'none' : `only ${countInWords(share.numbers)}`;
    return [
      `"${column}" was kept as text: ${some} of its ${countInWords(share.values)} values checked ${share.numbers === 1 ? 'is a number' : 'are numbers'}, and the indicators read ${field} as a number, so they cannot use it. If it holds numbers, correct the values that are not, or name the column under "measures" in the mapping, and each value that is not a number will be reported with its row.`,
    ];
  });
}
