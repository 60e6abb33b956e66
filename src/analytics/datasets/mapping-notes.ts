// What an import tells the person about the columns it chose for them: which date gives the
// periods when the file has several, and what follows when it has none.
import { listInWords } from '../in-words.ts';
import { identifyingColumn, normaliseHeading, recogniseColumns } from './headings.ts';
import { defaultFieldName, measureHeadings, sourceColumnsOf, type ColumnMapping } from './mapping.ts';
import { yesNoMeasureHeadings } from './yes-no-measures.ts';
import { isSafeIdentifier } from '../sql-text.ts';
import type { MappingInput } from './mapping-input.ts';
import { headingsProblem } from './data-as-headings.ts';

const quoted = (names: string[]): string => names.map((n) => `"${n}"`).join(', ');

/** How to name a column, on the import form and on the command line. */
const nameIt = (what: string, field: string): string =>
  `type the heading of ${what} column under "Say which columns to use" on the import form (or, on the command line, give it in the mapping as columns.${field})`;

/**
 * Notes for the validation report about the date column, given what the person mapped themselves
 * and, when no column was read as the date, the columns whose values are dates (dated-columns.ts).
 */
export function mappingNotes(
  mapping: ColumnMapping,
  given: MappingInput | undefined,
  columns: string[],
  datedByValue: string[] = [],
): string[] {
  const date = mapping.columns.event_date;
  const dates = recogniseColumns(columns).otherDates.filter((c) => c !== date);
  if (!date) {
    const named = [...new Set([...dates, ...datedByValue])];
    return [
      `No column was read as the date of each row, so every row is in one period ("All") and no trend can be shown. To split the rows by financial year, ${nameIt('the date', 'event_date')}${named.length ? `: the file has dates in ${quoted(named)}` : ''}.`,
    ];
  }
  if (given?.columns?.event_date || dates.length === 0) return [];
  return [
    `"${date}" was read as the date of each row, which gives its financial year. The file also has ${quoted(dates)}: to use ${dates.length === 1 ? 'it' : 'one of them'} instead, ${nameIt('the date', 'event_date')}.`,
  ];
}

/** Which columns were read as a catalogue measure from the way extracts head it ("Weeks waited"). */
export function measureHeadingNotes(mapping: ColumnMapping, given: MappingInput | undefined): string[] {
  if (given?.measures) return [];
  return Object.entries({ ...measureHeadings, ...yesNoMeasureHeadings }).flatMap(([field, { what }]) => {
    const column = mapping.measures[field];
    const givenAs = column === undefined ? undefined : mapping.measuresGivenAs[field];
    if (givenAs === 'days')
      return [`The column "${column}" gives days, read as ${field} (days ÷ 7), ${what}.`];
    if (givenAs === 'start-date')
      return [
        `${field}, ${what}, was worked out from "${column}" to "${mapping.columns.event_date}", the date of each row (the days between ÷ 7).`,
      ];
    // A column of codes has its own note (coded-measures.ts).
    return column === undefined || defaultFieldName(column) === field || mapping.measureCodings[field]
      ? []
      : [`The column "${column}" was read as ${field}, ${what}.`];
  });
}

/**
 * The columns that might hold the date of each row when none was read as it: not those read as
 * another standard field, a measure or a flag, nor those that identify people (a date of birth).
 */
export function undatedCandidates(
  mapping: ColumnMapping,
  columns: string[],
  identifying: ReadonlyMap<string, string>,
): string[] {
  // Attributes are kept columns with no other role: a date among them is still a candidate.
  const taken = new Set(sourceColumnsOf({ ...mapping, attributes: {} }));
  return columns.filter((c) => !taken.has(c) && identifyingColumn(c) === undefined && !identifying.has(c));
}

/**
 * The note for columns left out because they identify people (headings.ts): Parity needs only a
 * pseudonymised identifier and the LSOA code. None when the mapping reads every such column.
 */
export function identifyingColumnsNote(
  mapping: ColumnMapping,
  columns: string[],
  /** Columns found to identify people by their values (identifying-values.ts), with what they hold. */
  identifying: ReadonlyMap<string, string> = new Map(),
): string[] {
  const read = new Set(sourceColumnsOf(mapping));
  const holds = (c: string) => identifyingColumn(c) ?? identifying.get(c);
  const left = columns.filter((c) => !read.has(c) && holds(c) !== undefined);
  if (left.length === 0) return [];
  const what = [...new Set(left.map((c) => holds(c)!))];
  const byValue = left.filter((c) => identifyingColumn(c) === undefined);
  return [
    `${left.length === 1 ? 'The column' : 'The columns'} ${quoted(left)} ${left.length === 1 ? 'was' : 'were'} not imported: ${left.length === 1 ? 'it holds' : 'they hold'} ${listInWords(what)}, which identify people, and Parity needs only a pseudonymised identifier and the LSOA code. Leave such columns out of extracts for Parity where you can.${byValue.length ? keepAnywayNote(byValue, mapping.attributes) : ''}`,
  ];
}

/**
 * The note for columns not imported because the mapping lists measures, flags or attributes (which
 * take the place of those found) without them: a partial mapping must not lose a column unsaid, nor
 * a file added to a dataset a column the dataset does not have.
 */
export function unlistedColumnsNote(
  mapping: ColumnMapping,
  given: MappingInput | undefined,
  columns: string[],
  identifying: ReadonlyMap<string, string> = new Map(),
  /** The dataset's name, for files added to it (read with its mapping, which they cannot change). */
  addedTo?: string,
): string[] {
  const lists = (['measures', 'flags', 'attributes'] as const).filter((list) => given?.[list] !== undefined);
  if (lists.length === 0) return [];
  const read = new Set(sourceColumnsOf(mapping));
  const left = columns.filter(
    (c) => !read.has(c) && identifyingColumn(c) === undefined && !identifying.has(c),
  );
  if (left.length === 0) return [];
  const one = left.length === 1;
  if (addedTo)
    return [
      `${one ? 'The column' : 'The columns'} ${quoted(left)} ${one ? 'was' : 'were'} not imported: files added to ${addedTo} are read with its columns, and it has no such ${one ? 'column' : 'columns'}. To read ${one ? 'it' : 'them'}, import the dataset's files again, all together, under its name: files read as one may add columns to the others'.`,
    ];
  return [
    `${one ? 'The column' : 'The columns'} ${quoted(left)} ${one ? 'was' : 'were'} not imported: the mapping lists ${listInWords([...lists])}, which take the place of those Parity finds, and does not name ${one ? 'it' : 'them'}. To import ${one ? 'it' : 'them'}, add ${one ? 'it' : 'them'} to the mapping's measures, flags or attributes.`,
  ];
}

/** The error for a file in which no column could be read as the LSOA code. */
export function noLsoaColumnMessage(
  columns: string[],
  postcodeColumn?: string,
  namesColumn?: string,
): string {
  const unreadable = headingsProblem(columns);
  if (unreadable) return unreadable;
  const postcodes = postcodeColumn
    ? ` The file has postcodes ("${postcodeColumn}"): to look each row's LSOA up from its postcode instead, import the ONS postcode directory (NSPL or ONSPD) first, on the page Import reference geography or with "parity geo import --postcodes", then import this file again.`
    : '';
  const names = namesColumn
    ? ` The file has LSOA names ("${namesColumn}"): to look each row's LSOA code up from its name instead, import the reference geography (the deprivation file and the ONS lookups, which name the LSOAs) first, then import this file again.`
    : '';
  const deprivation = columns.find((c) => givesDeprivation(normaliseHeading(c)));
  const onlyDeprivation =
    deprivation && !postcodeColumn
      ? ` The file gives deprivation ("${deprivation}") but no LSOA: Parity works out each row's deprivation, place and ward from its LSOA, with the deprivation file imported, so that every dataset is set against the same index and the same residents; ask for the extract with the LSOA of residence (in SUS, Der_Postcode_LSOA_2021_Code) or the postcode.`
      : '';
  return `No column was recognised as the LSOA code (headings such as LSOA, LSOA code, LSOA11CD or LSOA21CD are). To import the file, ${nameIt('the LSOA', 'lsoa_code')}.${postcodes}${names}${onlyDeprivation} The file has: ${columns.join(', ')}`;
}

/** A heading naming an IMD decile, quintile, rank or score ("IMD decile", "Der_IMD_Decile"). */
const givesDeprivation = (normalised: string): boolean =>
  /(^|_)(imd|index_of_multiple_deprivation|deprivation)(_\w+)?_(decile|quintile|rank|score)($|_)/.test(
    normalised,
  );

/**
 * For columns judged by their values: how to import one if it identifies no one after all. A mapping
 * that lists attributes takes the place of those found, so the example keeps them too.
 */
function keepAnywayNote(columns: string[], attributes: Record<string, string>): string {
  const one = columns.length === 1;
  const name = defaultFieldName(columns[0]!);
  const example = JSON.stringify({
    attributes: { ...attributes, [isSafeIdentifier(name) ? name : `column_${name}`]: columns[0] },
  });
  return ` ${quoted(columns)} ${one ? 'was' : 'were'} judged by ${one ? 'its' : 'their'} values: if ${one ? 'it identifies' : 'one identifies'} no one, name it in the mapping ("Measures, flags and other settings" on the import form, or a mapping file) to import it, with the other columns to keep as they are, for example ${example}.`;
}
