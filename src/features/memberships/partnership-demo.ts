import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AccountService } from '../accounts/account.service.ts';
import type { ActionDetail } from '../actions/action.ts';
import { systemActor, type Actor } from '../audit/audit.ts';
import { createAuditService } from '../audit/audit.service.ts';
import type { InsightViewer } from '../insights/insight.ts';
import type { Mailer } from '../mail/mail.service.ts';
import type { Organisation } from '../organisations/organisation.ts';
import type { OrganisationService } from '../organisations/organisation.service.ts';
import {
  demoIssues,
  demoMeetings,
  demoPlaces,
  demoProfiles,
  extraDemoOrganisations,
  type DemoIssue,
} from './partnership-demo-data.ts';
import { createPartnershipServices, type PartnershipServices } from './partnership.services.ts';

const day = 86_400_000;
const silentMailer: Mailer = { send: () => Promise.resolve(), describe: () => 'demo: no mail' };
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

interface Loader {
  s: PartnershipServices;
  at(daysAgo: number): void;
  start: Date;
  staff: InsightViewer;
  member: InsightViewer;
  organisations: Organisation[];
}

/**
 * The partnership's demonstration data: 15 member organisations, 60 issues across themes and
 * statuses, 25 actions and 4 meetings. Records are dated over the past year with a moving clock.
 */
export async function loadPartnershipDemo(deps: {
  db: Kysely<Database>;
  clock: () => Date;
  accounts: AccountService;
  organisations: OrganisationService;
  members: Organisation[];
}): Promise<void> {
  const start = deps.clock();
  let current = start;
  const clock = () => current;
  const s = createPartnershipServices({
    db: deps.db,
    audit: createAuditService(deps.db, clock),
    accounts: deps.accounts,
    mailer: silentMailer,
    clock,
    baseUrl: '',
  });
  current = new Date(start.getTime() - 365 * day);
  const organisations = [...deps.members];
  for (const extra of extraDemoOrganisations)
    organisations.push(await deps.organisations.create(systemActor, extra));
  await loadProfiles(s, organisations);
  const users = await deps.accounts.list();
  const staffUser =
    users.find((u) => u.email === 'staff@demo.parity.invalid') ?? users.find((u) => u.role === 'staff')!;
  const memberUser =
    users.find((u) => u.email === 'member@demo.parity.invalid') ?? users.find((u) => u.role === 'member')!;
  const loader: Loader = {
    s,
    start,
    at: (daysAgo) => (current = new Date(start.getTime() - daysAgo * day)),
    staff: { id: staffUser.id, name: staffUser.name, role: 'staff', organisationId: null },
    member: {
      id: memberUser.id,
      name: memberUser.name,
      role: 'member',
      organisationId: memberUser.organisationId,
    },
    organisations,
  };
  const items = await loadIssues(loader);
  await loadMeetings(loader, items);
  current = start;
}

async function loadProfiles(s: PartnershipServices, organisations: Organisation[]): Promise<void> {
  for (const [i, organisation] of organisations.entries()) {
    const profile = demoProfiles[i]!;
    const slug = organisation.name
      .toLowerCase()
      .replace(/[^a-z]+/g, '-')
      .replace(/^-|-$/g, '');
    await s.memberships.updateProfile(systemActor, organisation.id, {
      name: organisation.name,
      kind: organisation.kind,
      description: `${organisation.name} supports ${profile.communities[0]!.toLowerCase()} in ${profile.places.join(' and ')}.`,
      website: `https://${slug}.example.org`,
      contactName: profile.contact,
      contactEmail: `contact@${slug}.example.org`,
      communities: profile.communities,
      places: profile.places.join(', '),
      languages: profile.languages.join(', '),
      listedPublicly: i % 5 === 4 ? 'no' : 'yes',
      charityNumber: organisation.kind === 'vcse' ? String(1100000 + i * 7919) : '',
    });
    await s.memberships.addRepresentative(systemActor, organisation.id, {
      name: profile.contact,
      roleTitle: profile.role,
      startDate: '2025-04-01',
    });
  }
}

async function loadIssues(l: Loader): Promise<{ insightIds: string[]; actionIds: string[] }> {
  const themes = await l.s.insights.themes();
  const themeIds = (issue: DemoIssue) => themes.filter((t) => issue.themes.includes(t.name)).map((t) => t.id);
  const insightIds: string[] = [];
  const actionIds: string[] = [];
  for (let i = 0; i < 60; i++) {
    const k = i % 30;
    const issue = demoIssues[k]!;
    const first = i < 30;
    const created = first ? 340 - k * 10 : 200 - k * 6;
    l.at(created);
    const organisation = l.organisations[(k + (first ? 0 : 7)) % 15]!;
    const fields = {
      title: issue.title,
      description: issue.description,
      service: issue.service,
      communities: issue.communities,
      place: demoPlaces[(k + (first ? 0 : 3)) % demoPlaces.length],
      peopleAffected: ['few', 'some', 'many', 'very_many', 'unknown'][i % 5],
      evidence: first ? 'Raised by several people at our weekly drop-in.' : 'A survey of our members.',
      wantsReply: i % 3 === 0 ? 'yes' : 'no',
    };
    const id =
      i % 10 === 9
        ? await l.s.insights.submitPublic({ ...fields, wantsReply: 'no' })
        : organisation.id === l.member.organisationId
          ? await l.s.insights.submit(l.member, fields)
          : await l.s.insights.submit(l.staff, { ...fields, organisationId: organisation.id });
    insightIds.push(id);
    await triageIssue(l, id, issue, i, created, themeIds(issue), actionIds);
    if (!first)
      await l.s.insights.relate(l.staff, id, { relatedReference: `HEP-${insightIds[k]!.slice(0, 6)}` });
  }
  return { insightIds, actionIds };
}

function triage(status: string, issue: DemoIssue, themeIds: string[], publish: boolean) {
  return {
    status,
    themeIds,
    publicSummary: issue.summary,
    publishable: publish ? 'yes' : 'no',
    noActionReason:
      status === 'no_action'
        ? 'This is already covered by a trust-wide review due to report next year; we will share its findings with the partnership.'
        : '',
  };
}

async function triageIssue(
  l: Loader,
  id: string,
  issue: DemoIssue,
  i: number,
  created: number,
  themeIds: string[],
  actionIds: string[],
): Promise<void> {
  const k = i % 30;
  const first = i < 30;
  if (!first && k % 3 === 0) return; // left as new
  l.at(created - 7);
  await l.s.insights.triage(l.staff, id, triage('under_review', issue, themeIds, false));
  if (!first && k % 3 === 1) return;
  l.at(created - 21);
  await l.s.insights.triage(l.staff, id, triage('discussed', issue, themeIds, first));
  if (!first) return;
  if (!issue.action) {
    if (k % 3 === 0) await l.s.insights.triage(l.staff, id, triage('no_action', issue, themeIds, true));
    return;
  }
  l.at(created - 28);
  const action = await agreeAction(l, id, issue, k, created);
  actionIds.push(action.id);
  if (k < 10) actionIds.push(await auditAction(l, id, k));
}

async function agreeAction(
  l: Loader,
  insightId: string,
  issue: DemoIssue,
  k: number,
  created: number,
): Promise<ActionDetail> {
  const spec = issue.action!;
  const dueDate = isoDay(new Date(l.start.getTime() + (k * 12 - 100) * day));
  const actionId = await l.s.insights.agreeAction(l.staff, insightId, {
    title: spec.title,
    description: `${spec.summary} Agreed with the partnership.`,
    ownerUserId: k % 3 === 0 ? l.staff.id : null,
    ownerRoleLabel: spec.role,
    directorate: spec.directorate,
    dueDate,
    publishable: 'yes',
    publicSummary: spec.summary,
  });
  const actor: Actor = { id: l.staff.id, label: l.staff.name };
  l.at(created - 50);
  await l.s.actions.changeStatus(actor, actionId, { status: 'in_progress' });
  await l.s.actions.addUpdate(actor, actionId, { body: 'Plan agreed with the service; work has started.' });
  if (k % 4 === 0 || k % 4 === 3) {
    l.at(Math.max(1, created - 100));
    await l.s.actions.addUpdate(actor, actionId, {
      body: 'Change in place and checked with the partnership.',
    });
    await l.s.actions.changeStatus(actor, actionId, { status: 'done' });
    if (k % 8 === 0) await closeInsight(l, insightId);
  } else if (k % 4 === 2 && k > 8) {
    await l.s.actions.changeStatus(actor, actionId, { status: 'agreed' });
  }
  return l.s.actions.get(actionId);
}

async function closeInsight(l: Loader, insightId: string): Promise<void> {
  const item = await l.s.insights.get(l.staff, insightId);
  await l.s.insights.triage(l.staff, insightId, {
    status: 'closed',
    themeIds: item.themes.map((t) => t.id),
    publicSummary: item.publicSummary ?? '',
    publishable: item.publishable ? 'yes' : 'no',
  });
}

/** A follow-up action: checking, three months on, that the change worked. */
async function auditAction(l: Loader, insightId: string, k: number): Promise<string> {
  const action = await l.s.actions.create(
    { id: l.staff.id, label: l.staff.name },
    {
      title: 'Check with the community that the change worked',
      description:
        'Ask the groups who raised this whether things are better, and report back to the partnership.',
      ownerUserId: k % 2 === 0 ? l.staff.id : null,
      ownerRoleLabel: 'Patient and Community Engagement Lead',
      directorate: 'Patient Experience',
      dueDate: isoDay(new Date(l.start.getTime() + (k * 15 - 30) * day)),
      publishable: 'no',
    },
    [{ targetType: 'insight', targetId: insightId }],
  );
  return action.id;
}

async function loadMeetings(
  l: Loader,
  records: { insightIds: string[]; actionIds: string[] },
): Promise<void> {
  const actor: Actor = { id: l.staff.id, label: l.staff.name };
  for (const [m, spec] of demoMeetings.entries()) {
    l.at(Math.max(0, -spec.daysFromNow + 21));
    const date = isoDay(new Date(l.start.getTime() + spec.daysFromNow * day));
    const id = await l.s.meetings.create(actor, {
      title: spec.title,
      date,
      startTime: '14:00',
      endTime: '16:00',
      location: 'Seminar room 2, Education Centre, Riverside General Hospital, or online',
      description: 'Quarterly meeting of the Health Equality Partnership.',
    });
    await l.s.meetings.addAgendaItem(actor, id, { title: 'Welcome, introductions and apologies' });
    for (const j of [0, 1]) {
      const insightId = records.insightIds[m * 7 + j]!;
      await l.s.meetings.addAgendaItem(actor, id, {
        title: 'Issue raised by members',
        target: `insight:${insightId}`,
      });
    }
    const actionId = records.actionIds[m * 3];
    if (actionId)
      await l.s.meetings.addAgendaItem(actor, id, {
        title: 'Progress on agreed actions',
        target: `action:${actionId}`,
      });
    await l.s.meetings.publish(actor, id, {
      agendaPublished: 'yes',
      minutesPublished: spec.minutes ? 'yes' : 'no',
    });
    if (spec.daysFromNow < 0) await recordMeeting(l, actor, id, spec.minutes);
  }
}

async function recordMeeting(l: Loader, actor: Actor, id: string, publish: boolean): Promise<void> {
  for (const [n, organisation] of l.organisations.slice(0, 6).entries()) {
    await l.s.meetings.addAttendance(actor, id, {
      name: demoProfiles[n]!.contact,
      organisationName: organisation.name,
      attendance: n === 4 ? 'apologies' : 'present',
    });
  }
  await l.s.meetings.addAttendance(actor, id, {
    name: l.staff.name,
    organisationName: 'Trust',
    attendance: 'present',
  });
  await l.s.meetings.saveMinutes(actor, id, {
    minutes:
      'Members shared issues from their communities. Service leads attended for two items and agreed actions with owners and dates.\n\nThe group reviewed progress on open actions and asked for updates on the overdue ones before the next meeting.',
  });
  await l.s.meetings.addDecision(actor, id, {
    body: 'Actions agreed for both issues discussed; owners to report back at the next meeting.',
  });
  await l.s.meetings.publish(actor, id, { agendaPublished: 'yes', minutesPublished: publish ? 'yes' : 'no' });
}
