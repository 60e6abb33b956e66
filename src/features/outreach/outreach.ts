import type { InsightViewer } from '../insights/insight.ts';
import { communities } from '../memberships/communities.ts';

export const outreachKinds = ['event', 'visit', 'drop_in', 'online'] as const;
export type OutreachKind = (typeof outreachKinds)[number];

export const outreachKindLabels: Record<OutreachKind, string> = {
  event: 'Event',
  visit: 'Visit',
  drop_in: 'Drop-in',
  online: 'Online session',
};

/** Who is looking: members are scoped to their own organisation, as with insight. */
export type OutreachViewer = InsightViewer;

export function seesAllOutreach(viewer: Pick<OutreachViewer, 'role'>): boolean {
  return viewer.role === 'staff' || viewer.role === 'admin';
}

export interface OutreachActivity {
  id: string;
  kind: OutreachKind;
  title: string;
  heldOn: string;
  placeId: string | null;
  placeName: string | null;
  wardCode: string | null;
  wardName: string | null;
  location: string | null;
  organisationId: string | null;
  organisationName: string | null;
  peopleReached: number;
  languages: string[];
  heard: string | null;
  communities: string[];
  createdAt: string;
}

export interface LinkedInsight {
  id: string;
  title: string;
  status: string;
}

export interface LinkedAction {
  id: string;
  title: string;
  status: string;
  dueDate: string;
}

export interface OutreachDetail extends OutreachActivity {
  insights: LinkedInsight[];
  actions: LinkedAction[];
}

export interface OutreachFilter {
  organisationId?: string | undefined;
  placeId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** A ward as the coverage view needs it (from the analytics geography). */
export interface CoverageWard {
  wardCode: string;
  wardName: string;
  laName: string;
  place: string;
  core20Lsoas: number;
}

export interface GroupCoverage {
  community: string;
  activities: number;
  people: number;
}

export interface WardCoverage extends CoverageWard {
  activities: number;
  people: number;
}

export interface Coverage {
  activities: number;
  people: number;
  groups: GroupCoverage[];
  groupsReached: number;
  groupsNotReached: string[];
  core20Wards: WardCoverage[];
  core20WardsReached: number;
  core20WardsNotReached: WardCoverage[];
}

/**
 * Which groups and which Core20 wards (wards with at least one LSOA in national IMD deciles 1–2)
 * the activities reached. Every group and every Core20 ward is listed, so gaps show as zeros.
 */
export function coverageOf(activities: OutreachActivity[], wards: CoverageWard[]): Coverage {
  const groups = communities.map((community) => {
    const reaching = activities.filter((a) => a.communities.includes(community));
    return { community, activities: reaching.length, people: sumPeople(reaching) };
  });
  const core20Wards = wards
    .filter((w) => w.core20Lsoas > 0)
    .map((ward) => {
      const reaching = activities.filter((a) => a.wardCode === ward.wardCode);
      return { ...ward, activities: reaching.length, people: sumPeople(reaching) };
    });
  const notReached = core20Wards.filter((w) => w.activities === 0);
  return {
    activities: activities.length,
    people: sumPeople(activities),
    groups,
    groupsReached: groups.filter((g) => g.activities > 0).length,
    groupsNotReached: groups.filter((g) => g.activities === 0).map((g) => g.community),
    core20Wards,
    core20WardsReached: core20Wards.length - notReached.length,
    core20WardsNotReached: notReached,
  };
}

const sumPeople = (list: OutreachActivity[]) => list.reduce((total, a) => total + a.peopleReached, 0);
