// A breakdown's groups in every period, for the indicator page: is the gap for one ethnic group,
// place or age band closing? Each period's value with its 95% interval, as the period's own table
// gives them; the page's period control still shows one period in full.
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import { groupLabel } from '../../features/analytics/group-label.ts';
import { displayRow } from './analytics-breakdown.ts';

/** Breakdowns with more groups than this (wards, detailed ethnic groups) are left to the downloads. */
const MOST_GROUPS = 12;

/** A group's value and interval as the period's own table shows them. */
const cellOf = (row: PublishedRow | undefined) => {
  if (!row) return { value: '–', interval: '' };
  const { value, interval } = displayRow(row);
  return { value, interval };
};

/** Null with fewer than two periods (a date not known is no period here) or too many groups. */
export function groupsOverTime(result: IndicatorResult, dimension: string) {
  const periods = result.periods.filter((p) => p !== 'Not known');
  if (periods.length < 2) return null;
  const rows = result.rows.filter((r) => r.dimension === dimension && periods.includes(r.period));
  const groups = [...new Map(rows.map((r) => [r.group, r.order])).entries()]
    .sort(([, a], [, b]) => a.localeCompare(b))
    .map(([group]) => group);
  if (groups.length === 0 || groups.length > MOST_GROUPS) return null;
  return {
    periods,
    rows: groups.map((group) => ({
      label: groupLabel(dimension, group),
      cells: periods.map((period) => cellOf(rows.find((r) => r.group === group && r.period === period))),
    })),
  };
}
