// The third-sector part of `parity demo`: three places with plans, the directory, outreach across
// places and communities (leaving visible gaps), and three funded agreements, one behind schedule.
import type { AccountService } from '../accounts/account.service.ts';
import type { Actor } from '../audit/audit.ts';
import type { InsightViewer } from '../insights/insight.ts';
import type { OrganisationService } from '../organisations/organisation.service.ts';
import { financialYearOf, financialYearRange } from '../outreach/financial-year.ts';
import { loadDemoAgreements } from './third-sector-demo-agreements.ts';
import { demoActivities, demoLastYear, demoPlaces } from './third-sector-demo-data.ts';
import { demoDirectory } from './third-sector-demo-directory.ts';
import type { createThirdSectorServices } from './third-sector.services.ts';

type ThirdSector = ReturnType<typeof createThirdSectorServices>;

interface Context {
  s: ThirdSector;
  staff: InsightViewer;
  member: InsightViewer;
  today: string;
  orgId: (name: string) => Promise<string | null>;
  placeIds: Map<string, string>;
}

const dayMs = 86_400_000;
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
const actorOf = (v: InsightViewer): Actor => ({ id: v.id, label: v.name });

export async function loadThirdSectorDemo(deps: {
  services: ThirdSector;
  accounts: AccountService;
  organisations: OrganisationService;
  clock: () => Date;
}): Promise<void> {
  const users = await deps.accounts.list();
  const staffUser = users.find((u) => u.role === 'staff') ?? users.find((u) => u.role === 'admin')!;
  const memberUser =
    users.find((u) => u.email === 'member@demo.parity.invalid') ?? users.find((u) => u.role === 'member')!;
  const view = (u: typeof staffUser): InsightViewer => ({
    id: u.id,
    name: u.name,
    role: u.role,
    organisationId: u.organisationId,
  });
  const ctx: Context = {
    s: deps.services,
    staff: view(staffUser),
    member: view(memberUser),
    today: deps.clock().toISOString().slice(0, 10),
    orgId: async (name) => (await deps.organisations.findByName(name))?.id ?? null,
    placeIds: new Map(),
  };
  await loadPlaces(ctx, staffUser.id);
  for (const entry of demoDirectory) await ctx.s.directory.create(actorOf(ctx.staff), entry);
  const activityIds = await loadOutreach(ctx);
  await loadDemoAgreements(ctx.s, ctx, ctx.today, {
    organisation: ctx.orgId,
    place: (name) => ctx.placeIds.get(name),
    activity: (title) => activityIds.get(title),
  });
}

async function loadPlaces(ctx: Context, ownerUserId: string): Promise<void> {
  for (const place of demoPlaces) {
    const { actions, ...fields } = place;
    const id = await ctx.s.places.create(actorOf(ctx.staff), { ...fields, published: 'yes' });
    ctx.placeIds.set(place.name, id);
    for (const [i, action] of actions.entries()) {
      await ctx.s.places.addPlanAction(actorOf(ctx.staff), id, {
        title: action.title,
        description: `${action.title}, agreed as part of the ${place.name} plan.`,
        ownerUserId,
        ownerRoleLabel: 'Place health inequalities lead',
        directorate: `${place.name} place`,
        dueDate: addDays(ctx.today, 60 + i * 45),
        publishable: action.publishable ? 'yes' : 'no',
        publicSummary: action.publicSummary ?? '',
      });
    }
  }
}

/** Outreach dated across this financial year so far, and a little last year. Returns ids by title. */
async function loadOutreach(ctx: Context): Promise<Map<string, string>> {
  const wards = await ctx.s.outreach.wards();
  const core20 = (place: string) => wards.filter((w) => w.place === place && w.core20Lsoas > 0);
  const yearStart = financialYearRange(financialYearOf(ctx.today)).from;
  const elapsed = Math.max(0, (Date.parse(ctx.today) - Date.parse(yearStart)) / dayMs);
  const ids = new Map<string, string>();
  for (const a of demoActivities) {
    const ward = a.place && a.ward !== null ? core20(a.place)[a.ward] : undefined;
    const organisationId = a.organisation ? await ctx.orgId(a.organisation) : null;
    const id = await ctx.s.outreach.record(ctx.staff, {
      kind: a.kind,
      title: a.title,
      heldOn: addDays(yearStart, Math.floor(a.when * elapsed)),
      placeId: a.place ? ctx.placeIds.get(a.place) : '',
      wardCode: ward?.wardCode ?? '',
      organisationId: organisationId ?? '',
      peopleReached: String(a.people),
      languages: a.languages,
      heard: a.heard,
      communities: a.communities,
    });
    ids.set(a.title, id);
  }
  for (const [i, a] of demoLastYear.entries()) {
    await ctx.s.outreach.record(ctx.staff, {
      ...a,
      heldOn: addDays(yearStart, -90 - i * 60),
      placeId: ctx.placeIds.get(a.place),
      peopleReached: String(a.people),
    });
  }
  await raiseDemoInsight(ctx, ids);
  return ids;
}

async function raiseDemoInsight(ctx: Context, ids: Map<string, string>): Promise<void> {
  const dropIn = ids.get('Wellbeing drop-in at the Somali community centre')!;
  await ctx.s.outreach.raiseInsight(ctx.staff, dropIn, {
    title: 'Phone booking shuts out women who speak little English',
    description:
      'Women at the drop-in said the phone menu is English only and they give up before reaching a person.',
    peopleAffected: 'many',
  });
  const fair = ids.get('Health fair at Abbey market')!;
  await ctx.s.outreach.addFollowUp(ctx.staff, fair, {
    title: 'Evening blood pressure clinics in Abbey ward',
    description: 'Run two evening clinics a month at the community centre for people who work in the day.',
    ownerRoleLabel: 'Community cardiology lead',
    directorate: 'Medicine',
    dueDate: addDays(ctx.today, 75),
  });
  const members = ids.get('Community connectors coffee morning')!;
  await ctx.s.outreach.raiseInsight(ctx.member, members, {
    title: 'Two-hour bus journeys to outpatients',
    description: 'Older residents said the new bus route means two changes to reach outpatients.',
    peopleAffected: 'some',
  });
}
