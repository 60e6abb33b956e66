import type { InsightViewer } from '../insights/insight.ts';

export const agreementStatuses = ['draft', 'active', 'completed', 'ended'] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const agreementStatusLabels: Record<AgreementStatus, string> = {
  draft: 'Draft',
  active: 'Active',
  completed: 'Completed',
  ended: 'Ended early',
};

export type AgreementViewer = InsightViewer;

export function seesAllAgreements(viewer: Pick<AgreementViewer, 'role'>): boolean {
  return viewer.role === 'staff' || viewer.role === 'admin';
}

export interface Agreement {
  id: string;
  organisationId: string;
  organisationName: string;
  title: string;
  purpose: string;
  placeId: string | null;
  placeName: string | null;
  startsOn: string;
  endsOn: string;
  amountPence: number;
  status: AgreementStatus;
  communities: string[];
}

export type PaymentState = 'paid' | 'overdue' | 'due' | 'scheduled';

export const paymentStateLabels: Record<PaymentState, string> = {
  paid: 'Paid',
  overdue: 'Overdue',
  due: 'Due within 30 days',
  scheduled: 'Scheduled',
};

export interface Instalment {
  id: string;
  dueOn: string;
  amountPence: number;
  paidOn: string | null;
  state: PaymentState;
}

export interface Deliverable {
  id: string;
  description: string;
  community: string | null;
  target: number;
  dueOn: string;
  delivered: number;
  expected: number;
  behind: boolean;
}

export interface Milestone {
  id: string;
  title: string;
  dueOn: string;
  metOn: string | null;
  overdue: boolean;
}

export interface Delivery {
  id: string;
  deliverableId: string;
  deliverableDescription: string;
  quantity: number;
  deliveredOn: string;
  notes: string;
  activityId: string | null;
  activityTitle: string | null;
  insightId: string | null;
  insightTitle: string | null;
  reportedByLabel: string;
}

export interface AgreementProgress {
  paidPence: number;
  overduePence: number;
  duePence: number;
  unscheduledPence: number;
  behindSchedule: boolean;
}

export interface AgreementDetail extends Agreement {
  instalments: Instalment[];
  deliverables: Deliverable[];
  milestones: Milestone[];
  deliveries: Delivery[];
  progress: AgreementProgress;
}

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function paymentState(
  instalment: { dueOn: string; paidOn: string | null },
  today: string,
): PaymentState {
  if (instalment.paidOn) return 'paid';
  if (instalment.dueOn < today) return 'overdue';
  return dayNumber(instalment.dueOn) - dayNumber(today) <= 30 ? 'due' : 'scheduled';
}

/** What should have been delivered by today if the work is spread evenly from the start to the due date. */
export function expectedByNow(target: number, startsOn: string, dueOn: string, today: string): number {
  if (today >= dueOn) return target;
  if (today <= startsOn) return 0;
  const share = (dayNumber(today) - dayNumber(startsOn)) / (dayNumber(dueOn) - dayNumber(startsOn));
  return Math.floor(target * share);
}

export function progressOf(
  agreement: Pick<Agreement, 'amountPence' | 'status'>,
  instalments: Instalment[],
  deliverables: Deliverable[],
  milestones: Milestone[],
): AgreementProgress {
  const sum = (state: PaymentState) =>
    instalments.filter((i) => i.state === state).reduce((t, i) => t + i.amountPence, 0);
  const scheduled = instalments.reduce((t, i) => t + i.amountPence, 0);
  const open = agreement.status === 'active';
  return {
    paidPence: sum('paid'),
    overduePence: sum('overdue'),
    duePence: sum('due'),
    unscheduledPence: Math.max(0, agreement.amountPence - scheduled),
    behindSchedule: open && (deliverables.some((d) => d.behind) || milestones.some((m) => m.overdue)),
  };
}

export interface YearTotal {
  year: number;
  label: string;
  scheduledPence: number;
  paidPence: number;
}

export interface GroupTotal {
  community: string;
  agreements: number;
  amountPence: number;
}
