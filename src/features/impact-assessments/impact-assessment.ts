import type { Community } from '../memberships/communities.ts';

export const impacts = ['positive', 'neutral', 'negative', 'unknown', 'not_relevant'] as const;
export type Impact = (typeof impacts)[number];

export const impactLabels: Record<Impact, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
  unknown: 'Not known yet',
  not_relevant: 'Not relevant to this initiative',
};

export interface EhiaGroup {
  key: string;
  label: string;
  hint?: string;
  /** Only the clinical areas may be marked "not relevant": every other group must be considered. */
  clinical?: boolean;
  /** The partnership's community labels that mean the same people, to suggest insight as evidence. */
  communities: Community[];
}

export interface EhiaSection {
  key: string;
  title: string;
  groups: EhiaGroup[];
}

const g = (key: string, label: string, communities: Community[], hint?: string): EhiaGroup => ({
  key,
  label,
  communities,
  ...(hint ? { hint } : {}),
});
const clinical = (key: string, label: string, communities: Community[] = []): EhiaGroup => ({
  key,
  label,
  communities,
  clinical: true,
});

/**
 * Every group an EHIA considers: the nine protected characteristics (Equality Act 2010 s.4), the
 * inclusion health groups named by NHS England with carers and veterans often added locally, and
 * Core20PLUS5 — the most deprived 20%, PLUS groups and the clinical areas for adults and children.
 */
export const ehiaSections: EhiaSection[] = [
  {
    key: 'protected',
    title: 'Protected characteristics',
    groups: [
      g('age', 'Age', ['Older people', 'Children and young people']),
      g('disability', 'Disability', [
        'Disabled people',
        'Deaf and hard of hearing people',
        'People with a learning disability or autistic people',
        'People with mental health conditions',
      ]),
      g('gender_reassignment', 'Gender reassignment', ['Trans and non-binary people']),
      g('marriage', 'Marriage and civil partnership', []),
      g('pregnancy', 'Pregnancy and maternity', ['Women, including pregnancy and maternity']),
      g(
        'race',
        'Race',
        ['Ethnic minority communities', 'People who speak little or no English'],
        'Including colour, nationality and ethnic or national origins.',
      ),
      g('religion', 'Religion or belief', ['Faith communities']),
      g('sex', 'Sex', ['Women, including pregnancy and maternity', 'Men']),
      g('sexual_orientation', 'Sexual orientation', ['Lesbian, gay and bisexual people']),
    ],
  },
  {
    key: 'inclusion',
    title: 'Inclusion health groups',
    groups: [
      g('homelessness', 'People experiencing homelessness', ['People experiencing homelessness']),
      g('drugs_alcohol', 'People who use drugs or alcohol', ['People who use drugs or alcohol']),
      g('migrants', 'Vulnerable migrants, refugees and people seeking asylum', [
        'Refugees and people seeking asylum',
      ]),
      g('grt', 'Gypsy, Roma and Traveller communities', ['Gypsy, Roma and Traveller communities']),
      g('sex_workers', 'Sex workers', []),
      g('justice', 'People in contact with the justice system', []),
      g('modern_slavery', 'Victims of modern slavery', []),
      g('carers', 'Unpaid carers', ['Unpaid carers']),
      g('veterans', 'Armed forces veterans', ['Armed forces veterans']),
    ],
  },
  {
    key: 'core20plus',
    title: 'Core20 and PLUS groups',
    groups: [
      g(
        'core20',
        'People living in the most deprived 20% of areas (Core20)',
        ['People living in the most deprived areas (Core20)'],
        'National deprivation deciles 1 and 2.',
      ),
      g('plus_ethnic_minority', 'PLUS: ethnic minority communities', ['Ethnic minority communities']),
      g('plus_learning_disability', 'PLUS: people with a learning disability or autistic people', [
        'People with a learning disability or autistic people',
      ]),
      g('plus_language', 'PLUS: people who speak little or no English', [
        'People who speak little or no English',
      ]),
    ],
  },
  {
    key: 'clinical',
    title: 'Core20PLUS5 clinical areas',
    groups: [
      clinical('maternity', 'Adults: maternity', ['Women, including pregnancy and maternity']),
      clinical('smi', 'Adults: severe mental illness', ['People with mental health conditions']),
      clinical('respiratory', 'Adults: chronic respiratory disease'),
      clinical('cancer', 'Adults: early cancer diagnosis'),
      clinical('hypertension', 'Adults: hypertension case-finding'),
      clinical('cyp_asthma', 'Children and young people: asthma', ['Children and young people']),
      clinical('cyp_diabetes', 'Children and young people: diabetes', ['Children and young people']),
      clinical('cyp_epilepsy', 'Children and young people: epilepsy', ['Children and young people']),
      clinical('cyp_oral_health', 'Children and young people: oral health', ['Children and young people']),
      clinical('cyp_mental_health', 'Children and young people: mental health', [
        'Children and young people',
      ]),
    ],
  },
];

export const ehiaGroups: EhiaGroup[] = ehiaSections.flatMap((s) => s.groups);

export function findGroup(key: string): EhiaGroup | undefined {
  return ehiaGroups.find((group) => group.key === key);
}

export interface GroupAssessment {
  groupKey: string;
  impact: Impact;
  evidence: string | null;
  mitigation: string | null;
}

export type EvidenceType = 'insight' | 'analytics_result' | 'action';

export interface GroupLink {
  groupKey: string;
  targetType: EvidenceType;
  targetId: string;
  title: string;
}

/** A negative impact is mitigated by a written mitigation or an agreed action; otherwise it is flagged. */
export function isUnmitigated(assessment: GroupAssessment, links: GroupLink[]): boolean {
  if (assessment.impact !== 'negative') return false;
  if (assessment.mitigation) return false;
  return !links.some((l) => l.groupKey === assessment.groupKey && l.targetType === 'action');
}

export interface AssessmentRecord {
  engagement: string | null;
  signedOffBy: string | null;
  signedOffRole: string | null;
  signedOffOn: string | null;
  reviewDate: string | null;
}

export type TaskStatus = 'not_started' | 'in_progress' | 'completed';

/** A section is complete when every group in it has an impact recorded. */
export function sectionStatus(section: EhiaSection, assessed: Set<string>): TaskStatus {
  const done = section.groups.filter((group) => assessed.has(group.key)).length;
  if (done === 0) return 'not_started';
  return done === section.groups.length ? 'completed' : 'in_progress';
}
