import type { ActionStatus } from '../actions/action.ts';
import type { InsightStatus } from '../insights/insight.ts';

/** What the public sees of an action: the role responsible, never a person. */
export interface PublicAction {
  id: string;
  title: string;
  summary: string;
  responsible: string;
  directorate: string;
  status: ActionStatus;
  statusReason: string | null;
  dueDate: string;
  completedAt: string | null;
}

/** One "you said, we did" entry: the staff-written anonymised summary, never the submitted text. */
export interface PublicRecord {
  id: string;
  youSaid: string;
  status: InsightStatus;
  noActionReason: string | null;
  service: string | null;
  place: string | null;
  themes: string[];
  communities: string[];
  raisedOn: string;
  actions: PublicAction[];
}

export interface PublicFilter {
  community?: string | undefined;
  themeId?: string | undefined;
  service?: string | undefined;
  place?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface Quarter {
  key: string;
  label: string;
  from: string;
  to: string;
}

/** "2026-Q2" → 1 April to 30 June 2026 (calendar quarters). */
export function parseQuarter(key: string | undefined, today: string): Quarter {
  const match = key?.match(/^(\d{4})-Q([1-4])$/);
  const year = match ? Number(match[1]) : Number(today.slice(0, 4));
  const q = match ? Number(match[2]) : Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const startMonth = (q - 1) * 3;
  const from = new Date(Date.UTC(year, startMonth, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, startMonth + 3, 1)).toISOString().slice(0, 10);
  const months = ['January', 'April', 'July', 'October'];
  const ends = ['March', 'June', 'September', 'December'];
  return { key: `${year}-Q${q}`, label: `${months[q - 1]} to ${ends[q - 1]} ${year}`, from, to };
}

export function previousQuarter(quarter: Quarter): string {
  const [year, q] = [Number(quarter.key.slice(0, 4)), Number(quarter.key.slice(6))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

export function nextQuarter(quarter: Quarter): string {
  const [year, q] = [Number(quarter.key.slice(0, 4)), Number(quarter.key.slice(6))];
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}
