// What the two-phase queries (indicator-strata.sql, median-strata.sql) share: the fine strata the
// chosen breakdowns need, the labels joined to them, and the breakdown columns of the second phase.
import { ethnicLabelSql } from '../datasets/ethnicity.ts';
import { domainColumnsSql, type Dimension, type Stratum } from '../indicators/dimensions.ts';
import { ident, literal } from '../sql-text.ts';
import { fillTemplate } from './template.ts';

export const stratumCode: Record<Stratum, number> = { geo: 1, age: 2, person: 3, geo_person: 4 };

/** The key columns of each fine stratum the chosen breakdowns need (the LSOA one always: overall). */
export function strataKeys(dimensions: Dimension[]): Map<Stratum, string[]> {
  const keys = new Map<Stratum, string[]>([['geo', ['lsoa_code']]]);
  for (const d of dimensions) {
    const list = keys.get(d.stratum) ?? [];
    for (const key of d.keys) if (!list.includes(key)) list.push(key);
    keys.set(d.stratum, list);
  }
  return keys;
}

/**
 * Which stratum a first-phase row belongs to, from the GROUPING() of its first key. The LSOA and
 * person stratum shares its keys with the other two, so it is tested first, on both its keys.
 */
export function stratumSql(keys: Map<Stratum, string[]>): string {
  if (keys.size === 1) return String(stratumCode.geo);
  const grouped = (columns: string[]) => columns.map((c) => `GROUPING(${ident(c)}) = 0`).join(' AND ');
  const whens = [...keys.entries()]
    .sort(([a], [b]) => Number(b === 'geo_person') - Number(a === 'geo_person'))
    .map(
      ([stratum, columns]) =>
        `WHEN ${grouped(stratum === 'geo_person' ? columns : columns.slice(0, 1))} THEN ${stratumCode[stratum]}`,
    );
  return `CASE ${whens.join(' ')} END`;
}

const groupValue = (d: Dimension): string =>
  d.column === null ? "'All'" : `COALESCE(CAST(${d.column} AS VARCHAR(200)), 'Not known')`;

export interface Breakdown {
  id: string;
  column: string;
  banded: boolean;
}

/**
 * One column per breakdown, holding a stratum row's group in that breakdown (NULL for strata of
 * another kind); with `banded`, one more per population breakdown for the ESP-band rows of DSRs.
 */
export function breakdowns(
  dimensions: Dimension[],
  banded: boolean,
): { masked: string[]; list: Breakdown[] } {
  const masked: string[] = [];
  const list: Breakdown[] = [];
  for (const d of dimensions) {
    masked.push(`CASE WHEN stratum = ${stratumCode[d.stratum]} THEN ${groupValue(d)} END AS d_${d.id}`);
    list.push({ id: d.id, column: `d_${d.id}`, banded: false });
  }
  if (banded) {
    for (const d of dimensions.filter((x) => x.population)) {
      masked.push(
        `CASE WHEN stratum = ${stratumCode[d.stratum]} AND esp_band IS NOT NULL THEN ${groupValue(d)} END AS b_${d.id}`,
      );
      list.push({ id: d.id, column: `b_${d.id}`, banded: true });
    }
  }
  return { masked, list };
}

/** The second phase's GROUPING SETS and the dimension and group of each of its rows. */
export function breakdownColumns(
  list: Breakdown[],
  extra: string,
): {
  label: string;
  value: string;
  sets: string;
} {
  return {
    label: `CASE ${list.map((b) => `WHEN GROUPING(${b.column}) = 0 THEN '${b.id}'`).join(' ')} END`,
    value: `CASE ${list.map((b) => `WHEN GROUPING(${b.column}) = 0 THEN ${b.column}`).join(' ')} END`,
    sets: list
      .map((b) => `(period, ${b.column}${b.banded ? ', esp_band' : ''}${extra ? `, ${extra}` : ''})`)
      .join(', '),
  };
}

const ethnicLabel = (keys: string[], level: 'broad' | 'detailed'): string =>
  keys.includes('ethnic_code') ? ethnicLabelSql('f.ethnic_code', level) : 'CAST(NULL AS VARCHAR(200))';

/** The group of people living outside the configured places, in the place and ward breakdowns. */
const ELSEWHERE = 'Elsewhere';

/**
 * The place and ward label of an LSOA of the geography `g`: with `residentsOnly` (some LSOAs are
 * outside the configured places), one group for everyone living outside them rather than a group
 * per local authority and ward of England.
 */
export function placeLabelsSql(residentsOnly: boolean): { place: string; ward_label: string } {
  const ward = "g.ward_name || ', ' || g.la_name";
  if (!residentsOnly) return { place: 'g.place', ward_label: ward };
  const outside = (label: string) => `CASE WHEN g.in_area = 0 THEN '${ELSEWHERE}' ELSE ${label} END`;
  return { place: outside('g.place'), ward_label: outside(ward) };
}

/** The SELECT joining deprivation, place, ward and ethnic group labels to the strata in `fine`. */
export function labelsSql(
  keys: Map<Stratum, string[]>,
  geography: string,
  vintage: string,
  dimensions: Dimension[],
  residentsOnly = false,
): string {
  const allKeys = [...new Set([...keys.values()].flat())];
  return fillTemplate('strata-labels', {
    ...placeLabelsSql(residentsOnly),
    geography,
    domain_columns: domainColumnsSql(dimensions, 'g'),
    vintage: literal(vintage),
    ethnic_broad: ethnicLabel(allKeys, 'broad'),
    ethnic_detailed: ethnicLabel(allKeys, 'detailed'),
  }).replace(/^--.*\n/gm, '');
}
