// Linking a dataset that lives in a PostgreSQL table or view (instead of importing a file): the
// table must have Parity's standard columns, as an imported dataset does; its other numeric columns
// are measures, `flag_…` columns flags and text columns attributes. A few counts check it against
// the reference geography; rows of a table have no numbers, so the report gives counts and examples.
// A table whose LSOA codes mix the 2011 and 2021 vintages (years of records) is read through the
// ONS lookup copied beside the geography, as an imported file is (lsoa-other-vintage.ts): the link
// counts the rows so read, and the indicators join the table to a geography that reads those codes
// (postgres-source.ts).
import { eventDateInRangeSql, eventDateRange, eventYearsEnd } from './event-dates.ts';
import type { LsoaVintage } from '../geography/model.ts';
import { standardFields } from '../indicators/compute.ts';
import { countInWords, listInWords } from '../in-words.ts';
import type { PostgresSource, TableColumn } from '../postgres-source.ts';
import { PostgresSourceError, relationSql } from '../postgres-source.ts';
import { isSafeIdentifier, literal } from '../sql-text.ts';
import type { DatasetFields } from './import.ts';
import type { AnalyticsStore } from '../store.ts';
import {
  hasAgeInYears,
  hasTextAge,
  hasTextDate,
  hasTypedDate,
  sexCountsSql,
  textTypes,
  workedOutColumns,
} from './linked-columns.ts';
import { linkedAgeBandsNotes, readLinkedAgeBands } from './linked-age-bands.ts';
import { linkedAgesNotes, readLinkedAges } from './linked-ages.ts';
import { linkedDatesNotes, readLinkedDates } from './linked-dates.ts';
import { measureCodings } from './coded-measures.ts';
import { numericTypes, readLinkedCodes, readLinkedText } from './linked-codes.ts';
import { catalogueNumberFields } from './number-columns.ts';
import { ethnicValuesNotes, otherEthnicValueSql, readOtherEthnicValues } from './linked-ethnicity.ts';
import { notPlacedNote, readNote } from './lsoa-other-vintage.ts';
import type { ValidationReport } from './validate.ts';

/** Parity's standard columns: all but lsoa_code may be left out (linked-columns.ts). */
const standardColumns = [...standardFields, 'esp_band'];

export interface LinkedTable {
  rows: number;
  fields: DatasetFields;
  report: ValidationReport;
}

export function fieldsOfTable(columns: TableColumn[]): DatasetFields {
  const names = new Set(columns.map((c) => c.name));
  if (!names.has('lsoa_code'))
    throw new PostgresSourceError(
      `The table has no lsoa_code column. A linked table needs its rows' LSOA codes in a column of that name, beside Parity's other standard columns (${standardColumns.filter((c) => c !== 'lsoa_code').join(', ')}) where it has them; create a view that names them (see docs/analytics.md).`,
    );
  const lsoa = columns.find((c) => c.name === 'lsoa_code')!;
  if (!textTypes.test(lsoa.type))
    throw new PostgresSourceError(
      `The table's lsoa_code column is of type ${lsoa.type}: LSOA codes are text, such as E01013600. Give them as text (in a view, say).`,
    );
  const others = columns.filter((c) => !standardColumns.includes(c.name) && isSafeIdentifier(c.name));
  const flags = others.filter((c) => c.name.startsWith('flag_')).map((c) => c.name);
  const measures = others
    .filter((c) => !c.name.startsWith('flag_') && numericTypes.test(c.type))
    .map((c) => c.name);
  const attributes = others
    .filter((c) => !c.name.startsWith('flag_') && !numericTypes.test(c.type))
    .map((c) => c.name);
  return {
    measures,
    flags,
    attributes,
    hasAge: hasAgeInYears(columns) || names.has('age_band'),
    hasAgeInYears: hasAgeInYears(columns),
    hasEspBand: names.has('esp_band') || hasAgeInYears(columns),
    hasSex: names.has('sex'),
    hasEthnicity: names.has('ethnic_code'),
    hasDate: names.has('event_date'),
  };
}

/** The LSOA 2011 → 2021 lookup copied to PostgreSQL, as copyReference gives it. */
export interface LinkedLookup {
  /** The codes of the other vintage to read as the dataset's (code, area, areas). */
  readAs: string;
  /** The geography with those of them that became one area read as it. */
  geography: string;
  /** The name of the lookup's file, for the report. */
  file: string | null;
}

const noReadAs = '(SELECT CAST(NULL AS text) AS code, 0 AS areas WHERE false)';

/**
 * The first and last typed event date of the rows that can have theirs, as an import keeps them, and
 * how many rows have a date outside those (event-dates.ts).
 */
function typedDatesSql(date: string): string {
  const { from, before } = eventDateRange();
  const inRange = eventDateInRangeSql(date);
  return `to_char(MIN(${inRange}), 'YYYY-MM-DD') AS first_date, to_char(MAX(${inRange}), 'YYYY-MM-DD') AS last_date,
       SUM(CASE WHEN ${date} < DATE '${from}' OR ${date} >= DATE '${before}' THEN 1 ELSE 0 END) AS dates_outside`;
}

/** Checks the table against the reference geography copied to PostgreSQL, and counts its rows. */
export async function linkTable(
  source: PostgresSource,
  store: AnalyticsStore,
  relation: string,
  geography: string,
  vintage: LsoaVintage,
  lookup: LinkedLookup | null,
  /** The measures the indicators read as numbers: such a column held as text is read at the link. */
  numberFields: ReadonlySet<string> = catalogueNumberFields(),
): Promise<LinkedTable> {
  const columns = await source.columns(relation);
  const fields = fieldsOfTable(columns);
  const table = relationSql(relation);
  const codesIn = (relation: string) =>
    `(SELECT lsoa_code FROM ${relation} WHERE vintage = ${literal(vintage)})`;
  // Known (x): in the geography read through the lookup, so a code read as an area that is not
  // in the geography is unknown, as the indicators count it. Not placed: a split area's code.
  const notPlaced = `(SELECT code FROM ${lookup?.readAs ?? noReadAs} r WHERE areas > 1)`;
  const [counts] = await source.run(
    `SELECT COUNT(*) AS n, SUM(CASE WHEN a.lsoa_code IS NULL THEN 1 ELSE 0 END) AS missing,
       SUM(CASE WHEN a.lsoa_code IS NOT NULL AND x.lsoa_code IS NULL AND s.code IS NULL THEN 1 ELSE 0 END) AS unknown,
       SUM(CASE WHEN g.lsoa_code IS NULL AND x.lsoa_code IS NOT NULL THEN 1 ELSE 0 END) AS read_rows,
       COUNT(DISTINCT CASE WHEN g.lsoa_code IS NULL THEN x.lsoa_code END) AS read_codes,
       SUM(CASE WHEN s.code IS NOT NULL THEN 1 ELSE 0 END) AS not_placed_rows,
       COUNT(DISTINCT s.code) AS not_placed_codes${hasTypedDate(columns) ? `, ${typedDatesSql('a.event_date')}` : ''}${fields.hasSex ? `, ${sexCountsSql('a.sex')}` : ''}${fields.hasEthnicity ? `, SUM(CASE WHEN ${otherEthnicValueSql('a.ethnic_code')} THEN 1 ELSE 0 END) AS ethnic_other` : ''}
     FROM ${table} a LEFT JOIN ${codesIn(geography)} g ON g.lsoa_code = a.lsoa_code
       LEFT JOIN ${codesIn(lookup?.geography ?? geography)} x ON x.lsoa_code = a.lsoa_code
       LEFT JOIN ${notPlaced} s ON s.code = a.lsoa_code`,
  );
  const examples = await source.run(
    `SELECT DISTINCT a.lsoa_code FROM ${table} a WHERE a.lsoa_code IS NOT NULL AND a.lsoa_code NOT IN ${codesIn(lookup?.geography ?? geography)} AND a.lsoa_code NOT IN ${notPlaced} ORDER BY a.lsoa_code LIMIT 5`,
  );
  const count = (name: string) => Number(counts?.[name] ?? 0);
  // The first and last event dates when the table was linked, as an import keeps them.
  const [firstDate, lastDate] = [counts?.first_date, counts?.last_date];
  const typedDates =
    typeof firstDate === 'string' && typeof lastDate === 'string'
      ? { first: firstDate, last: lastDate }
      : null;
  const [missing, unknown, unplaced] = [count('missing'), count('unknown'), count('not_placed_rows')];
  const rowsHave = (n: number) => (n === 1 ? '1 row has' : `${countInWords(n)} rows have`);
  const warnings: string[] = [];
  const dates = hasTextDate(columns) ? await readLinkedDates(source, table) : null;
  const bands = columns.some((c) => c.name === 'age_band')
    ? await readLinkedAgeBands(source, store, table)
    : null;
  const worked = workedOutColumns(columns, {
    eventDates: dates?.read ?? undefined,
    ageBandValues: bands?.read,
  });
  if (worked.length)
    warnings.push(
      `The table has no ${listInWords(worked.map((w) => w.column))} ${worked.length === 1 ? 'column' : 'columns'}, so Parity reads ${listInWords(worked.map((w) => w.from))}, in each query where the data is. A large table is computed faster with those columns in it (a materialised view, say).`,
    );
  if (count('dates_outside') && worked.some((w) => w.column === 'period'))
    warnings.push(
      `${rowsHave(count('dates_outside'))} a date before April 1948 or after 31 March ${eventYearsEnd()} (a date such as 01/01/1900 or 31/12/9999 often stands for one not known): they are in no financial year, so in the period "Not known".`,
    );
  if (!columns.some((c) => c.name === 'person_id'))
    warnings.push(
      'The table has no person_id column, so who it reaches is counted in rows, each taken as a person.',
    );
  const age = columns.find((c) => c.name === 'age');
  if (age && !hasAgeInYears(columns))
    warnings.push(
      `The table's age column is of type ${age.type}, neither numbers nor text, so its ages are not read: give them as numbers (in a view, say).`,
    );
  const ages = hasTextAge(columns) ? await readLinkedAges(source, store, table) : null;
  if (ages) warnings.push(...linkedAgesNotes(ages));
  if (dates) warnings.push(...linkedDatesNotes(dates));
  if (bands) warnings.push(...linkedAgeBandsNotes(bands));
  if (count('sex_read'))
    warnings.push(
      `${rowsHave(count('sex_read'))} a sex written otherwise than F, M or U: read as an import reads it (1 or Male as male, 2 or Female as female, 0, 9 or Not known as not known).`,
    );
  if (count('sex_unread'))
    warnings.push(
      `${rowsHave(count('sex_unread'))} a sex Parity cannot read (for example "${String(counts?.sex_example)}"): counted as not known.`,
    );
  const ethnic = count('ethnic_other') ? await readOtherEthnicValues(source, store, table) : null;
  if (ethnic) warnings.push(...ethnicValuesNotes(ethnic, count('ethnic_other')));
  const coded = await readLinkedCodes(source, store, table, columns);
  for (const { column, coding } of Object.values(coded))
    warnings.push(
      `${measureCodings[coding].note(column)} Its values were read when the table was linked; link it again to read values added since.`,
    );
  const others = columns.filter((c) => !standardColumns.includes(c.name) && !(c.name in coded));
  const text = await readLinkedText(source, store, table, others, numberFields);
  warnings.push(...text.notes);
  // Measures now read, some from columns of text, which are attributes no longer.
  const readMeasures = [
    ...Object.keys(coded),
    ...Object.values(text.read)
      .filter((r) => r.coding === 'text-number')
      .map((r) => r.column),
  ];
  if (missing) warnings.push(`${rowsHave(missing)} no LSOA code: counted as "Not known" deprivation.`);
  if (unknown)
    warnings.push(
      `${rowsHave(unknown)} an LSOA code that is not in the LSOA ${vintage} reference geography (for example ${examples.map((r) => String(r.lsoa_code)).join(', ')}): counted as "Not known" deprivation.`,
    );
  if (count('read_rows'))
    warnings.push(
      readNote(
        vintage,
        { rows: count('read_rows'), codes: count('read_codes') },
        lookup?.file ?? null,
        'table',
      ),
    );
  if (unplaced)
    warnings.push(notPlacedNote(vintage, { rows: unplaced, codes: count('not_placed_codes') }, 'table'));
  return {
    rows: count('n'),
    fields: {
      ...fields,
      measures: [...new Set([...fields.measures, ...readMeasures])],
      attributes: fields.attributes.filter((a) => !readMeasures.includes(a)),
      ...(ethnic && Object.keys(ethnic.read).length ? { ethnicValues: ethnic.read } : {}),
      ...(ages && Object.keys(ages.read).length ? { ageValues: ages.read } : {}),
      ...(bands && Object.keys(bands.read).length ? { ageBandValues: bands.read } : {}),
      ...(bands?.fiveYear ? { hasEspBand: true } : {}),
      ...(dates?.read ? { eventDates: dates.read } : {}),
      ...(typedDates ? { dates: typedDates } : dates?.dates ? { dates: dates.dates } : {}),
      ...(Object.keys({ ...coded, ...text.read }).length
        ? { codedMeasures: { ...coded, ...text.read } }
        : {}),
    },
    report: { problems: [], examples: [], rowsWithProblems: missing + unknown + unplaced, warnings },
  };
}
