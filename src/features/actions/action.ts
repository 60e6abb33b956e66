export const actionStatuses = ['agreed', 'in_progress', 'done', 'not_possible'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const actionStatusLabels: Record<ActionStatus, string> = {
  agreed: 'Agreed',
  in_progress: 'In progress',
  done: 'Done',
  not_possible: 'Not possible',
};

/** What an action answers. 'insight' is the partnership's; the others belong to later features. */
export const actionTargetTypes = ['insight', 'eds_outcome', 'advice', 'place_plan'] as const;
export type ActionTargetType = (typeof actionTargetTypes)[number];

export interface ActionLink {
  targetType: ActionTargetType;
  targetId: string;
}

export interface Action {
  id: string;
  title: string;
  description: string;
  ownerUserId: string | null;
  ownerName: string | null;
  ownerEmail: string | null;
  /** The public "who is responsible": a role, never a person's name unless they agreed. */
  ownerRoleLabel: string;
  directorate: string;
  dueDate: string;
  status: ActionStatus;
  statusReason: string | null;
  publishable: boolean;
  publicSummary: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  overdue: boolean;
}

export interface ActionUpdate {
  id: string;
  body: string;
  authorLabel: string;
  createdAt: string;
}

export interface ActionDetail extends Action {
  links: ActionLink[];
  updates: ActionUpdate[];
}

export interface ActionFilter {
  linkedTo?: ActionLink | undefined;
  ownerId?: string | undefined;
  overdue?: boolean | undefined;
  status?: ActionStatus | undefined;
  directorate?: string | undefined;
}

export function isOpen(status: ActionStatus): boolean {
  return status === 'agreed' || status === 'in_progress';
}

/** Overdue: still open after its due date (dates compared as YYYY-MM-DD). */
export function isOverdue(action: { status: ActionStatus; dueDate: string }, today: string): boolean {
  return isOpen(action.status) && action.dueDate < today;
}

/** Whole days from `today` to `dueDate` (negative once past). */
export function daysUntil(dueDate: string, today: string): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/**
 * Which reminder, if any, an owner gets today: a week before, the day before, on the day,
 * the day after, then weekly while it stays overdue.
 */
export function reminderKind(dueDate: string, today: string): 'before' | 'due' | 'after' | null {
  const days = daysUntil(dueDate, today);
  if (days === 7 || days === 1) return 'before';
  if (days === 0) return 'due';
  if (days < 0 && (days === -1 || -days % 7 === 1)) return 'after';
  return null;
}
