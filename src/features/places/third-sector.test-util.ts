// Shared set-up for the third-sector feature tests: the real app over the test database, the
// fictional ICS as analytics geography, two partner organisations with a member each, and staff.
import { analyticsStore } from '../../analytics/store.ts';
import { loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser } from '../../../test/factories.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { User } from '../accounts/account.ts';
import { systemActor } from '../audit/audit.ts';
import type { InsightViewer } from '../insights/insight.ts';

export interface ThirdSectorWorld {
  t: TestApp;
  users: { staff: User; admin: User; member: User; otherMember: User };
  viewers: { staff: InsightViewer; member: InsightViewer; otherMember: InsightViewer };
  organisations: { ours: string; theirs: string; trust: string };
  riversideId: string;
  northshireId: string;
}

const viewerOf = (u: User): InsightViewer => ({
  id: u.id,
  name: u.name,
  role: u.role,
  organisationId: u.organisationId,
});

export const placeFields = (name: string) => ({
  name,
  summary: `${name} is one of the three places of the fictional ICS.`,
  priorities: 'Cancer screening uptake\nHypertension case finding',
  planSummary: 'Work with community groups in the most deprived wards.',
  partners: 'City council public health\nVoluntary action partnership',
  published: 'yes',
});

export async function buildThirdSectorWorld(handle: DatabaseHandle): Promise<ThirdSectorWorld> {
  const t = await buildTestApp(handle);
  await loadSyntheticGeography(await analyticsStore(t.services.config.dataDir));
  const { organisations, places } = t.services;
  const ours = await organisations.create(systemActor, { name: 'Ours Community Trust', kind: 'vcse' });
  const theirs = await organisations.create(systemActor, {
    name: 'Theirs Carers Group',
    kind: 'community_group',
  });
  const trust = await organisations.create(systemActor, { name: 'The Trust', kind: 'trust' });
  const users = {
    staff: await makeUser(t.services, 'staff'),
    admin: await makeUser(t.services, 'admin'),
    member: await makeUser(t.services, 'member', { organisationId: ours.id }),
    otherMember: await makeUser(t.services, 'member', { organisationId: theirs.id }),
  };
  const staffActor = { id: users.staff.id, label: users.staff.name };
  const riversideId = await places.create(staffActor, placeFields('Riverside City'));
  const northshireId = await places.create(staffActor, { ...placeFields('Northshire'), published: 'no' });
  return {
    t,
    users,
    viewers: {
      staff: viewerOf(users.staff),
      member: viewerOf(users.member),
      otherMember: viewerOf(users.otherMember),
    },
    organisations: { ours: ours.id, theirs: theirs.id, trust: trust.id },
    riversideId,
    northshireId,
  };
}

/** A Core20 ward of a place (a ward holding at least one LSOA in IMD deciles 1–2). */
export async function core20WardOf(t: TestApp, place: string): Promise<string> {
  const ward = (await t.services.outreach.wards()).find((w) => w.place === place && w.core20Lsoas > 0);
  if (!ward) throw new Error(`No Core20 ward in ${place}`);
  return ward.wardCode;
}
