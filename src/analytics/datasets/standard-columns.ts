// The SELECT writing Parity's standard columns from a staged file. Each raw column is read once, as
// its own type (inner query); age band, ESP band and financial year are derived from the typed age
// and date (outer query) rather than parsing the raw text again for each.
import { eventDateInRangeSql } from './event-dates.ts';
import { ident, sourceColumn } from '../sql-text.ts';
import { codedMeasureSql } from './coded-measures.ts';
import { diagnosisColumnSql, diagnosisMeasureSql, diagnosisMeasuresOf } from './diagnosis-measures.ts';
import { ageSource, notBelowZero, type ColumnMapping } from './mapping.ts';
import { pseudonymSql } from './pseudonym.ts';
import { inWeeksAndDays, measureValueSql } from './weeks-and-days.ts';
import * as std from './standardise.ts';

export type ColumnKinds = ReadonlyMap<string, std.ColumnKind>;

export interface PersonIdentifiers extends std.PersonValues {
  /** The pseudonym key, when the person identifier holds NHS numbers (pseudonym.ts). */
  key?: string;
}

/** SQL for the first and last financial year of a typed date column (null for text dates). */
export function yearRangeSql(m: ColumnMapping, kinds: ColumnKinds, relation: string): string | null {
  const date = m.columns.event_date;
  if (!date || kinds.get(date) !== 'date') return null;
  return std.financialYearRangeSql(eventDateInRangeSql(std.dateSql(sourceColumn(date), 'date')), relation);
}

function typedColumns(m: ColumnMapping, kinds: ColumnKinds, person: PersonIdentifiers): string[] {
  const c = m.columns;
  const kind = (name: string) => kinds.get(name) ?? 'text';
  const read = (name: string | undefined, build: (c: string, k: std.ColumnKind) => string, type: string) =>
    name ? build(sourceColumn(name), kind(name)) : `CAST(NULL AS ${type})`;
  const order = m.dateOrder ?? 'day-first';
  const eventDate = (col: string, k: std.ColumnKind) => std.dateSql(col, k, 'event', order);
  const birthDate = (col: string, k: std.ColumnKind) => std.birthDateSql(col, k, order);
  return [
    `${read(
      c.person_id,
      (col, k) => {
        const id = std.personIdSql(col, k, person);
        return person.key ? pseudonymSql(id, person.key) : id;
      },
      'VARCHAR',
    )} AS person_id`,
    `${std.lsoaSql(sourceColumn(c.lsoa_code))} AS lsoa_code`,
    `${ageSource(m) === 'date_of_birth' ? std.ageAtSql(read(c.date_of_birth, birthDate, 'DATE'), read(c.event_date, eventDate, 'DATE')) : read(c.age, std.ageSql, 'INTEGER')} AS age`,
    `${c.age_band && !ageSource(m) ? std.givenAgeBandSql(sourceColumn(c.age_band)) : 'CAST(NULL AS VARCHAR)'} AS given_age_band`,
    `${c.age_band && !ageSource(m) ? std.givenEspBandSql(sourceColumn(c.age_band)) : 'CAST(NULL AS INTEGER)'} AS given_esp_band`,
    `COALESCE(${read(c.sex, std.sexSql, 'VARCHAR')}, 'U') AS sex`,
    `COALESCE(${c.ethnicity ? std.ethnicCodeSql(sourceColumn(c.ethnicity), m.ethnicityCoding) : 'NULL'}, '99') AS ethnic_code`,
    `${read(c.event_date, eventDate, 'DATE')} AS event_date`,
    ...Object.entries(m.measures).map(([name, source]) => {
      const coding = m.measureCodings[name];
      const col = sourceColumn(source);
      const givenAs = m.measuresGivenAs[name];
      if (givenAs === 'start-date')
        return `${std.weeksSinceSql(eventDate(col, kind(source)), read(c.event_date, eventDate, 'DATE'))} AS ${ident(name)}`;
      const weeksAndDays = inWeeksAndDays.has(name) && givenAs === undefined;
      const value = coding ? codedMeasureSql(col, coding) : measureValueSql(col, kind(source), weeksAndDays);
      return `${givenAs === 'days' ? `(${value}) / 7` : value} AS ${ident(name)}`;
    }),
    ...m.allRows.map((name) => `CAST(1 AS DOUBLE) AS ${ident(name)}`),
    ...diagnosisMeasuresOf(m).map(
      ([name, source]) =>
        `${diagnosisColumnSql(name, sourceColumn(source), m.mainProcedure && sourceColumn(m.mainProcedure))} AS ${ident(name)}`,
    ),
    ...Object.entries(m.flags).map(
      ([name, source]) => `${std.flagSql(sourceColumn(source), kind(source))} AS ${ident(name)}`,
    ),
    ...Object.entries(m.attributes).map(
      ([name, source]) => `${std.attributeSql(sourceColumn(source))} AS ${ident(name)}`,
    ),
  ];
}

/**
 * SELECT … FROM `relation` giving the standard columns of a dataset, in the stored order. `years`:
 * the first and last financial year of the dates, when known (periods are then looked up).
 */
export function standardSelectSql(
  m: ColumnMapping,
  kinds: ColumnKinds,
  relation: string,
  years: [number, number] | undefined,
  /** Rows not to import (left-out-rows.ts). */
  leftOut: string,
  person: PersonIdentifiers = {},
): string {
  const c = m.columns;
  const derived = [
    'person_id',
    'lsoa_code',
    'age',
    `${c.age_band && !ageSource(m) ? 'given_age_band' : std.ageBandSql('age')} AS age_band`,
    `${ageSource(m) ? std.espBandSql('age') : c.age_band ? 'given_esp_band' : 'CAST(NULL AS INTEGER)'} AS esp_band`,
    'sex',
    'ethnic_code',
    // A date outside the dates a row can have is stored as none, as one that cannot be read is
    // (event-dates.ts; validate.ts reports it); the period, worked out below, follows it.
    `${eventDateInRangeSql('event_date')} AS event_date`,
    `COALESCE(CASE WHEN ${eventDateInRangeSql('event_date')} IS NOT NULL THEN ${std.periodSql('event_date', years)} END, ${c.event_date ? "'Not known'" : "'All'"}) AS period`,
    // A wait below zero is reported (validate.ts) and stored as none.
    ...Object.keys(m.measures).map((name) =>
      notBelowZero.has(name)
        ? `CASE WHEN ${ident(name)} >= 0 THEN ${ident(name)} END AS ${ident(name)}`
        : ident(name),
    ),
    ...m.allRows.map(ident),
    ...diagnosisMeasuresOf(m).map(([name]) => `${diagnosisMeasureSql(name)} AS ${ident(name)}`),
    ...[...Object.keys(m.flags), ...Object.keys(m.attributes)].map(ident),
  ];
  return `SELECT ${derived.join(',\n  ')}\nFROM (SELECT ${typedColumns(m, kinds, person).join(',\n    ')}\n  FROM ${relation} WHERE NOT ${leftOut}) typed`;
}
