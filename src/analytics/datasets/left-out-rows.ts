// Rows of a file that are not imported: a spreadsheet's blank rows, a report's total lines, the
// headings repeated where files were joined one after another, the lines a query tool writes around
// its results, and, when the mapping asks, HES's later episodes of a stay. They are left out of the
// checks and the dataset, still count in the row numbers of the report, and the import says how
// many there were and where.
import type { AnalyticsStore } from '../store.ts';
import { literal, sourceColumn } from '../sql-text.ts';
import { episodeOrderColumn, laterEpisodeSql, laterEpisodesLeftOutNote } from './hes-episodes.ts';
import { LSOA_FROM_NAME } from './lsoa-from-name.ts';
import { LSOA_FROM_POSTCODE } from './lsoa-from-postcode.ts';
import { sourceColumnsOf, type ColumnMapping } from './mapping.ts';
import { queryToolLineTests, queryToolLinesNote, type LineTest } from './query-tool-lines.ts';
import type { ColumnKind } from './standardise.ts';

type ColumnKinds = ReadonlyMap<string, ColumnKind>;

/** True for a row whose every mapped column is empty: a spreadsheet's blank row. */
export function blankRowSql(m: ColumnMapping): string {
  const sources = sourceColumnsOf(m);
  return sources.length ? sources.map((c) => `${sourceColumn(c)} IS NULL`).join(' AND ') : 'false';
}

/**
 * A text cell that looks empty: nothing, or nothing but spaces and tabs, as a spreadsheet cell
 * cleared with the space bar (or a Parquet file's empty strings). Tested first by its first
 * character, which DuckDB does cheaply, so that most cells are never trimmed.
 */
const looksEmpty = (column: string): string => {
  const cell = sourceColumn(column);
  return `(${cell} IS NULL OR ${cell} = '' OR ((${cell} LIKE ' %' OR ${cell} LIKE '\t%') AND trim(${cell}, ' \t') = ''))`;
};

/**
 * True for a row with something in a mapped cell but nothing other than spaces in any: blank too,
 * though its cells are not empty. Found apart from the empty rows (which the Parquet statistics
 * answer), so that a file without such rows keeps the cheaper test.
 */
function spacedRowSql(m: ColumnMapping, kinds: ColumnKinds): string {
  const sources = sourceColumnsOf(m);
  const text = sources.filter((c) => (kinds.get(c) ?? 'text') === 'text');
  if (text.length === 0) return 'false';
  // Typed columns first: an empty cell of a number or a date is NULL, which the statistics answer.
  const tests = [
    ...sources.filter((c) => !text.includes(c)).map((c) => `${sourceColumn(c)} IS NULL`),
    ...text.map(looksEmpty),
  ];
  return `(${tests.join(' AND ')} AND NOT (${blankRowSql(m)}))`;
}

/** A cell reading Total, Totals, Grand total or Sub-total (any case, a colon after it allowed). */
const TOTAL_CELL = "'^\\s*(grand\\s+|sub-?\\s*)?totals?\\s*:?\\s*$'";

const readsTotal = (column: string): string =>
  `COALESCE(regexp_matches(CAST(${sourceColumn(column)} AS VARCHAR), ${TOTAL_CELL}, 'i'), false)`;

/**
 * The two kinds of a report's total line, each a test no row passes twice: Total (or Grand total,
 * Sub-total) in place of the LSOA code; no LSOA code and Total in another text column. Added up from
 * the rows above it, a total line is not a row of its own, so it is left out like a blank row (and
 * reported). Neither test is ever NULL: the rows kept are those for which NOT their OR is true.
 */
function totalRowTests(m: ColumnMapping, kinds: ColumnKinds): string[] {
  const lsoa = sourceColumn(m.columns.lsoa_code);
  const text = sourceColumnsOf(m).filter(
    (c) => c !== m.columns.lsoa_code && (kinds.get(c) ?? 'text') === 'text',
  );
  // An LSOA code starts with a letter and a 0 (E01…, W01…), so most values are passed over unread.
  const inLsoa = `(COALESCE(${lsoa} NOT LIKE '_0%', false) AND ${readsTotal(m.columns.lsoa_code)})`;
  if (text.length === 0) return [inLsoa];
  return [inLsoa, `(${lsoa} IS NULL AND (${text.map(readsTotal).join(' OR ')}))`];
}

const totalRowSql = (m: ColumnMapping, kinds: ColumnKinds): string =>
  `(${totalRowTests(m, kinds).join(' OR ')})`;

/**
 * The file's column of where each row is: the LSOA code, or the postcode or name it is looked up
 * from (LSOAs looked up are not in the file).
 */
const keyColumnOf = (m: ColumnMapping): string | undefined =>
  m.columns.lsoa_code === LSOA_FROM_POSTCODE
    ? m.columns.postcode
    : m.columns.lsoa_code === LSOA_FROM_NAME
      ? m.columns.lsoa_name
      : m.columns.lsoa_code;

/**
 * A row repeating the headings, as where files were joined one after another: its LSOA cell reads
 * the LSOA column's heading and, when another text column is mapped, that one's cell its heading.
 * Compared as they are, so that DuckDB tests the LSOA column's statistics and dictionary.
 */
function repeatedHeadingSql(m: ColumnMapping, kinds: ColumnKinds): string {
  const reads = (column: string) => `COALESCE(${sourceColumn(column)} = ${literal(column)}, false)`;
  const key = keyColumnOf(m);
  if (!key) return 'false';
  const other = sourceColumnsOf(m).find(
    (c) => c !== key && c !== m.columns.lsoa_code && (kinds.get(c) ?? 'text') === 'text',
  );
  return `(${reads(key)}${other ? ` AND ${reads(other)}` : ''})`;
}

export interface TotalRows {
  count: number;
  /** The first few, numbered as the report numbers rows: as in the file (validate.ts). */
  firstRows: number[];
  /** The first few as named when several worksheets or files were read ('row 5 of "2024-25"'). */
  firstRowNames?: string[];
}

/**
 * The rows left out besides blank ones: a report's total lines, headings repeated, a query tool's
 * lines, later episodes.
 */
export interface LeftOutLines {
  /** Rows with only spaces in their cells, counted with the blank rows. */
  spaced: TotalRows;
  totals: TotalRows;
  headings: TotalRows;
  toolLines: TotalRows;
  /** With the mapping's firstEpisodesOnly: the column of the episode order and its later episodes. */
  laterEpisodes?: TotalRows & { column: string };
}

/** The test for later episodes, when the mapping asks to leave them out and the file has EPIORDER. */
function laterEpisodeTest(m: ColumnMapping, kinds: ColumnKinds): { column: string; sql: string } | null {
  const column = m.firstEpisodesOnly ? episodeOrderColumn(kinds.keys()) : undefined;
  // Not a blank row as well, which is counted as blank.
  return column === undefined
    ? null
    : { column, sql: `(${laterEpisodeSql(column)} AND NOT (${blankRowSql(m)}))` };
}

/** The left-out lines whose first rows are named, to be numbered as in the file with the report. */
export const namedLines = (lines: LeftOutLines): TotalRows[] => [
  lines.totals,
  lines.headings,
  lines.toolLines,
];

const toolLineTests = (m: ColumnMapping, kinds: ColumnKinds): LineTest[] => {
  const key = keyColumnOf(m);
  return key ? queryToolLineTests(m, kinds, key) : [];
};

const SHOWN = 5;

async function rowsPassing(
  store: AnalyticsStore,
  parquet: string,
  tests: string[],
  headingRow: number,
): Promise<TotalRows> {
  if (tests.length === 0) return { count: 0, firstRows: [] };
  const relation = `read_parquet(${literal(parquet)}, file_row_number = true)`;
  const lines = tests
    .map((test) => `SELECT file_row_number FROM ${relation} WHERE ${test}`)
    .join(' UNION ALL ');
  const [found] = await store.query<{ n: string; first_rows: number[] | null }>(
    `SELECT count(*) AS n, list(file_row_number + ${headingRow + 1} ORDER BY file_row_number)[1:${SHOWN}] AS first_rows FROM (${lines}) found`,
  );
  return { count: Number(found?.n ?? 0), firstRows: (found?.first_rows ?? []).map(Number) };
}

/** The tests of rows for which some row's key cell is as theirs must be, asked all at once. */
async function testsWithKeyCells(
  store: AnalyticsStore,
  parquet: string,
  tests: LineTest[],
): Promise<string[]> {
  if (tests.length === 0) return [];
  const relation = `read_parquet(${literal(parquet)})`;
  const [found] = await store.query<Record<string, boolean>>(
    `SELECT ${tests.map((t, i) => `EXISTS (SELECT 1 FROM ${relation} WHERE ${t.keyCell}) AS t${i}`).join(', ')}`,
  );
  return tests.filter((_, i) => found?.[`t${i}`] === true).map((t) => t.row);
}

/**
 * The total lines and repeated headings of the staged Parquet file `parquet`, each kind found by a
 * query of its own: so filtered, DuckDB tests the LSOA column's dictionary rather than every row,
 * and skips the row groups whose LSOA column has no empty value, so a file without such lines costs
 * almost nothing.
 */
export async function findLeftOutLines(
  store: AnalyticsStore,
  parquet: string,
  m: ColumnMapping,
  kinds: ColumnKinds,
  headingRow: number,
): Promise<LeftOutLines> {
  const episodes = laterEpisodeTest(m, kinds);
  return {
    spaced: await rowsPassing(store, parquet, [spacedRowSql(m, kinds)], headingRow),
    totals: await rowsPassing(store, parquet, totalRowTests(m, kinds), headingRow),
    headings: await rowsPassing(store, parquet, [repeatedHeadingSql(m, kinds)], headingRow),
    toolLines: await rowsPassing(
      store,
      parquet,
      await testsWithKeyCells(store, parquet, toolLineTests(m, kinds)),
      headingRow,
    ),
    ...(episodes
      ? {
          laterEpisodes: {
            column: episodes.column,
            ...(await rowsPassing(store, parquet, [episodes.sql], headingRow)),
          },
        }
      : {}),
  };
}

/**
 * True for a row not imported: blank in every mapped column, or (when the file has any) spaces
 * alone in its cells, a total line or the headings repeated. Without those the test is the blank
 * one alone, which the Parquet statistics answer.
 */
export function leftOutRowSql(m: ColumnMapping, kinds: ColumnKinds, lines: LeftOutLines): string {
  const tests = [`(${blankRowSql(m)})`];
  if (lines.spaced.count > 0) tests.push(spacedRowSql(m, kinds));
  if (lines.totals.count > 0) tests.push(totalRowSql(m, kinds));
  if (lines.headings.count > 0) tests.push(repeatedHeadingSql(m, kinds));
  if (lines.toolLines.count > 0) tests.push(...toolLineTests(m, kinds).map((t) => t.row));
  const episodes = laterEpisodeTest(m, kinds);
  if (episodes && lines.laterEpisodes?.count) tests.push(episodes.sql);
  return `(${tests.join(' OR ')})`;
}

const rowList = (found: TotalRows): string =>
  `${found.firstRowNames?.join(', ') ?? `${found.count === 1 ? 'row' : 'rows'} ${found.firstRows.join(', ')}`}${found.count > found.firstRows.length ? ' and more' : ''}`;

const spacedNote = (spaced: number, blank: number): string =>
  spaced === 0
    ? ''
    : spaced < blank
      ? ` (${spaced} of them held only spaces)`
      : ` (${blank === 1 ? 'it' : 'they'} held only spaces)`;

/**
 * What the import says of the rows it left out: which were total lines or repeated headings, and how
 * many were blank.
 */
export function leftOutWarnings(lines: LeftOutLines, leftOut: number): string[] {
  const { totals, headings, toolLines } = lines;
  const warnings: string[] = [];
  if (headings.count > 0)
    warnings.push(
      headings.count === 1
        ? `1 row repeats the headings (${rowList(headings)}), as where files are joined one after another, so it was left out.`
        : `${headings.count} rows repeat the headings (${rowList(headings)}), as where files are joined one after another, so they were left out.`,
    );
  if (totals.count > 0) {
    const rows = rowList(totals);
    warnings.push(
      totals.count === 1
        ? `1 row reads "Total" and has no LSOA code (${rows}): a total of the rows above, not a row of its own, so it was left out.`
        : `${totals.count} rows read "Total" and have no LSOA code (${rows}): totals of the rows above, not rows of their own, so they were left out.`,
    );
  }
  if (toolLines.count > 0) warnings.push(queryToolLinesNote(toolLines.count, rowList(toolLines)));
  const episodes = lines.laterEpisodes;
  if (episodes?.count) warnings.push(laterEpisodesLeftOutNote(episodes.column, episodes.count));
  const blank = leftOut - totals.count - headings.count - toolLines.count - (episodes?.count ?? 0);
  if (blank > 0)
    warnings.push(
      `${blank === 1 ? '1 row was' : `${blank} rows were`} blank in every mapped column${spacedNote(lines.spaced.count, blank)} and left out (they still count when rows are numbered).`,
    );
  return warnings;
}
