/**
 * Workforce equality figures as imported: one row per year, measure, group and (for pay bands and
 * clusters) cluster. Columns and codes are documented in docs/methods/wres-wdes.md.
 */
export const ethnicityGroups = ['white', 'bme', 'ethnicity_unknown'] as const;
export const disabilityGroups = ['disabled', 'non_disabled', 'disability_unknown'] as const;
export const cohorts = [...ethnicityGroups, ...disabilityGroups, 'all'] as const;
export type Cohort = (typeof cohorts)[number];

type Kind = 'count' | 'survey' | 'score' | 'yesno';
type Groups = 'both' | 'ethnicity' | 'disability' | 'disabled' | 'engagement' | 'all';

export interface MeasureSpec {
  kind: Kind;
  groups: Groups;
  cluster?: boolean;
}

export const measures = {
  workforce: { kind: 'count', groups: 'both', cluster: true },
  board_voting: { kind: 'count', groups: 'both' },
  board_executive: { kind: 'count', groups: 'both' },
  shortlisted: { kind: 'count', groups: 'both' },
  appointed: { kind: 'count', groups: 'both' },
  disciplinary: { kind: 'count', groups: 'ethnicity' },
  training: { kind: 'count', groups: 'ethnicity' },
  capability: { kind: 'count', groups: 'disability' },
  harassment_public: { kind: 'survey', groups: 'both' },
  harassment_staff: { kind: 'survey', groups: 'ethnicity' },
  harassment_managers: { kind: 'survey', groups: 'disability' },
  harassment_colleagues: { kind: 'survey', groups: 'disability' },
  harassment_reported: { kind: 'survey', groups: 'disability' },
  equal_opportunities: { kind: 'survey', groups: 'both' },
  discrimination: { kind: 'survey', groups: 'ethnicity' },
  presenteeism: { kind: 'survey', groups: 'disability' },
  valued: { kind: 'survey', groups: 'disability' },
  adjustments: { kind: 'survey', groups: 'disabled' },
  engagement: { kind: 'score', groups: 'engagement' },
  voices_heard: { kind: 'yesno', groups: 'all' },
} satisfies Record<string, MeasureSpec>;

export type Measure = keyof typeof measures;

export function groupsAllowed(groups: Groups): readonly Cohort[] {
  switch (groups) {
    case 'both':
      return [...ethnicityGroups, ...disabilityGroups];
    case 'ethnicity':
      return ethnicityGroups;
    case 'disability':
      return disabilityGroups;
    case 'disabled':
      return ['disabled'];
    case 'engagement':
      return ['disabled', 'non_disabled', 'all'];
    case 'all':
      return ['all'];
  }
}

export interface Figure {
  year: number;
  measure: Measure;
  cohort: Cohort;
  cluster: string;
  value: number;
  base: number | null;
}

/** Survey percentages from fewer responses than this are not shown (NHS Staff Survey convention). */
export const minimumSurveyBase = 11;
