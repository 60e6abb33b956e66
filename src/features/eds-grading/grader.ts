import type { Role } from '../accounts/account.ts';
import type { Perspective } from './agreed-grade.ts';

/** Who a grader speaks for. Everyone but the organisation's own staff and leads is a local interest. */
export const constituencies = [
  'patient',
  'vcse',
  'healthwatch',
  'staff_network',
  'trade_union',
  'peer_reviewer',
  'internal_lead',
  'staff',
] as const;
export type Constituency = (typeof constituencies)[number];

export const constituencyLabels: Record<Constituency, string> = {
  patient: 'Patient, carer or community member',
  vcse: 'Voluntary, community or social enterprise organisation',
  healthwatch: 'Healthwatch',
  staff_network: 'Staff network',
  trade_union: 'Trade union',
  peer_reviewer: 'Independent evaluator or peer reviewer',
  internal_lead: 'Internal lead',
  staff: 'Trust staff',
};

export function perspectiveOf(constituency: Constituency): Perspective {
  return constituency === 'internal_lead' || constituency === 'staff' ? 'organisation' : 'local_interest';
}

export const perspectiveLabels: Record<Perspective, string> = {
  local_interest: 'Local interests',
  organisation: 'The organisation',
};

/**
 * The role of a new account made for a grader: people from the partnership's constituencies join as
 * partnership members; anyone else (peer reviewers, staff without an account) only as a grader.
 */
export function roleForNewGrader(constituency: Constituency): Role {
  return constituency === 'patient' || constituency === 'vcse' || constituency === 'healthwatch'
    ? 'member'
    : 'grader';
}

export interface Grader {
  id: string;
  reviewId: string;
  userId: string;
  name: string;
  email: string;
  constituency: Constituency;
  outcomeCodes: string[];
}

export interface Grade {
  id: string;
  reviewId: string;
  graderId: string;
  outcomeCode: string;
  score: number;
  rationale: string;
  updatedAt: string;
}

export interface GradeWithGrader extends Grade {
  graderName: string;
  constituency: Constituency;
  perspective: Perspective;
}
