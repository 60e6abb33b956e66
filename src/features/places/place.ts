import type { StoredResult } from '../analytics/analytics.ts';
import type { PlaceWard } from '../analytics/place-geography.ts';

export interface Place {
  id: string;
  name: string;
  summary: string;
  priorities: string[];
  planSummary: string | null;
  partners: string[];
  published: boolean;
}

export interface PlaceInsight {
  id: string;
  title: string;
  publicSummary: string | null;
  status: string;
  createdAt: string;
}

export interface PlaceAuthority {
  laName: string;
  wards: number;
  core20Wards: number;
}

export interface PlaceIndicator {
  resultId: string;
  title: string;
  period: string;
  unit: string;
  placeValue: string;
  overallValue: string;
  comparison: string;
}

/** Lines of a text box as a list, without blanks or bullets typed by hand. */
export function linesOf(text: string | null): string[] {
  return (text ?? '')
    .split('\n')
    .map((l) => l.trim().replace(/^[-*•]\s*/, ''))
    .filter(Boolean);
}

/** A place's local authorities with their number of wards and of wards holding Core20 LSOAs. */
export function authoritiesOf(wards: PlaceWard[], place: string): PlaceAuthority[] {
  const byName = new Map<string, PlaceAuthority>();
  for (const ward of wards.filter((w) => w.place === place)) {
    const authority = byName.get(ward.laName) ?? { laName: ward.laName, wards: 0, core20Wards: 0 };
    authority.wards += 1;
    if (ward.core20Lsoas > 0) authority.core20Wards += 1;
    byName.set(ward.laName, authority);
  }
  return [...byName.values()];
}

const comparisonLabels: Record<string, string> = {
  better: 'Better than the whole area',
  worse: 'Worse than the whole area',
  similar: 'Similar to the whole area',
  higher: 'Higher than the whole area',
  lower: 'Lower than the whole area',
};

/** The place's row of each published indicator (latest period) beside the whole area's value. */
export function placeIndicators(results: StoredResult[], place: string): PlaceIndicator[] {
  return results.flatMap((stored) => {
    const r = stored.result;
    const rows = r.rows.filter((row) => row.period === r.latestPeriod);
    const ours = rows.find((row) => row.dimension === 'place' && row.group === place);
    const overall = rows.find((row) => row.dimension === 'overall');
    if (!ours) return [];
    return [
      {
        resultId: stored.id,
        title: r.title,
        period: r.latestPeriod,
        unit: r.unit,
        placeValue: ours.valueText,
        overallValue: overall?.valueText ?? '–',
        comparison: comparisonLabels[ours.comparison] ?? 'Not compared',
      },
    ];
  });
}
