import { stringify } from 'csv-stringify/sync';
import {
  insightSourceLabels,
  insightStatusLabels,
  peopleAffectedLabels,
  type InsightItem,
} from './insight.ts';

/** Spreadsheet programs run cells that start with these as formulas; a leading quote makes them text. */
const formulaStart = /^[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

const columns = [
  'Reference',
  'Received',
  'Status',
  'Title',
  'What happens',
  'Service',
  'Place',
  'Communities',
  'Themes',
  'People affected',
  'Evidence',
  'Source',
  'Organisation',
  'No action reason',
  'Public summary',
  'Publishable',
];

/** The staff export: no reply contact details, every cell guarded against formula injection. */
export function insightCsv(items: InsightItem[]): string {
  const rows = items.map((i) => [
    i.reference,
    i.createdAt.slice(0, 10),
    insightStatusLabels[i.status],
    i.title,
    i.description,
    i.service ?? '',
    i.place ?? '',
    i.communities.join('; '),
    i.themes.map((t) => t.name).join('; '),
    peopleAffectedLabels[i.peopleAffected],
    i.evidence ?? '',
    insightSourceLabels[i.source],
    i.organisationName ?? '',
    i.noActionReason ?? '',
    i.publicSummary ?? '',
    i.publishable ? 'Yes' : 'No',
  ]);
  return stringify([columns, ...rows].map((row) => row.map(guardCell)));
}
