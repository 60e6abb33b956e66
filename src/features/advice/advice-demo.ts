import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AccountService } from '../accounts/account.service.ts';
import { createActionService } from '../actions/action.service.ts';
import type { Actor } from '../audit/audit.ts';
import { createAuditService } from '../audit/audit.service.ts';
import { ehiaGroups, type Impact } from '../impact-assessments/impact-assessment.ts';
import { createAdviceServices, type AdviceServices } from '../initiatives/advice.services.ts';
import type { AdviceViewer } from '../initiatives/initiative.ts';
import { createMeetingService } from '../meetings/meeting.service.ts';
import type { OrganisationService } from '../organisations/organisation.service.ts';
import {
  demoAnswers,
  demoInitiatives,
  maternityAdvice,
  physioAdvice,
  type DemoInitiative,
} from './advice-demo-data.ts';

const day = 86_400_000;

interface Loader {
  s: AdviceServices;
  at(daysFromNow: number): void;
  date(daysFromNow: number): string;
  staff: Actor;
  staffViewer: AdviceViewer;
}

/**
 * Four initiatives in different states: open for answers (its EHIA flagged), advice given after a
 * meeting, response recorded and published with a signed-off EHIA, and one still being prepared.
 */
export async function loadAdviceDemo(deps: {
  db: Kysely<Database>;
  clock: () => Date;
  accounts: AccountService;
  organisations: OrganisationService;
}): Promise<void> {
  const start = deps.clock();
  let current = start;
  const clock = () => current;
  const audit = createAuditService(deps.db, clock);
  const meetings = createMeetingService({ db: deps.db, audit, clock, baseUrl: '' });
  const actions = createActionService({ db: deps.db, audit, clock });
  const s = createAdviceServices({ db: deps.db, audit, clock, actions, meetings });
  const users = await deps.accounts.list();
  const staffUser =
    users.find((u) => u.email === 'staff@demo.parity.invalid') ?? users.find((u) => u.role === 'staff')!;
  const member = users.find((u) => u.role === 'member');
  const l: Loader = {
    s,
    at: (days) => (current = new Date(start.getTime() + days * day)),
    date: (days) => new Date(start.getTime() + days * day).toISOString().slice(0, 10),
    staff: { id: staffUser.id, label: staffUser.name },
    staffViewer: { id: staffUser.id, name: staffUser.name, role: 'staff', organisationId: null },
  };
  const ids: string[] = [];
  for (const spec of demoInitiatives) ids.push(await bring(l, spec));
  const [letters, maternity, physio] = ids as [string, string, string];

  const members = (await deps.organisations.list()).slice(0, 3);
  l.at(-2);
  for (const [n, organisation] of members.entries()) {
    if (!member) break;
    const viewer = {
      id: member.id,
      name: `Representative of ${organisation.name}`,
      role: 'member' as const,
      organisationId: organisation.id,
    };
    const answers = demoAnswers[n]!;
    const input: Record<string, string> = {};
    answers.answers.forEach((a, i) => (input[`answer-${i + 1}`] = a));
    answers.comments.forEach((c, i) => (input[`comment-${i + 1}`] = c));
    await s.initiatives.answer(viewer, letters, input);
  }
  await assess(
    l,
    letters,
    { race: 'negative', age: 'negative' },
    { age: 'Keep the paper letter for anyone who asks, and phone people who miss two reminders.' },
  );

  const upcoming = (await meetings.list({ managesMeetings: true })).filter(
    (m) => m.startsAt > start.toISOString(),
  );
  const past = (await meetings.list({ managesMeetings: true })).filter(
    (m) => m.startsAt <= start.toISOString(),
  );
  if (upcoming.at(-1)) await s.initiatives.addToAgenda(l.staff, letters, { meetingId: upcoming.at(-1)!.id });
  if (past[0]) await s.initiatives.addToAgenda(l.staff, maternity, { meetingId: past[0].id });
  l.at(-4);
  await s.advice.writeAdvice(l.staff, maternity, { adviceSummary: maternityAdvice });
  await assess(l, maternity, { pregnancy: 'positive', disability: 'unknown' }, {}, 12);

  await completePhysio(l, physio);
}

async function bring(l: Loader, spec: DemoInitiative): Promise<string> {
  l.at((spec.opens ?? 0) - 14);
  const id = await l.s.initiatives.create(l.staff, {
    title: spec.title,
    service: spec.service,
    summary: spec.summary,
    decisionDate: l.date(spec.decision),
    questions: spec.questions.join('\n'),
  });
  for (const doc of spec.documents) await l.s.initiatives.addDocument(l.staff, id, doc);
  if (spec.opens !== null && spec.closes !== null)
    await l.s.initiatives.setWindow(l.staff, id, {
      windowOpensOn: l.date(spec.opens),
      windowClosesOn: l.date(spec.closes),
    });
  return id;
}

/** Assesses the first `count` groups (all when omitted): neutral unless told otherwise. */
async function assess(
  l: Loader,
  id: string,
  impacts: Record<string, Impact>,
  mitigations: Record<string, string>,
  count = ehiaGroups.length,
): Promise<void> {
  for (const group of ehiaGroups.slice(0, count)) {
    const impact = impacts[group.key] ?? (group.clinical ? 'not_relevant' : 'neutral');
    await l.s.impactAssessments.saveGroup(l.staff, id, group.key, {
      impact,
      evidence: evidenceFor(impact, group.label),
      mitigation: mitigations[group.key] ?? '',
    });
  }
}

function evidenceFor(impact: Impact, label: string): string {
  if (impact === 'not_relevant' || impact === 'unknown') return '';
  if (impact === 'negative')
    return `Members’ answers and issues raised with the partnership show that ${label.toLowerCase()} could be disadvantaged by this change.`;
  if (impact === 'positive')
    return `The change is expected to improve access for ${label.toLowerCase()}, based on feedback from the partnership.`;
  return 'No difference in effect expected; the service will monitor uptake by this group.';
}

async function completePhysio(l: Loader, id: string): Promise<void> {
  l.at(-95);
  await l.s.advice.writeAdvice(l.staff, id, { adviceSummary: physioAdvice.advice });
  await assess(
    l,
    id,
    { age: 'negative', disability: 'positive', core20: 'negative' },
    {
      core20: 'Paper forms at community venues in the most deprived neighbourhoods, and a freephone number.',
    },
  );
  await l.s.impactAssessments.addMitigationAction(l.staff, id, 'age', {
    title: 'Staff the physiotherapy telephone line from 8am to 8pm',
    description:
      'So that older people and carers who cannot use the online form can refer themselves by phone.',
    ownerUserId: l.staff.id,
    ownerRoleLabel: 'Physiotherapy Service Manager',
    directorate: 'Musculoskeletal services',
    dueDate: l.date(-70),
    publishable: 'yes',
    publicSummary: 'The physiotherapy telephone line is open from 8am to 8pm.',
  });
  l.at(-68);
  await l.s.impactAssessments.saveEngagement(l.staff, id, {
    engagement:
      'Discussed at the partnership’s spring meeting; 3 member organisations answered online; tested the prototype form with 2 community groups and the trust’s disability staff network.',
  });
  await l.s.impactAssessments.signOff(l.staff, id, {
    signedOffBy: 'Priya Demo',
    signedOffRole: 'Head of Equality, Diversity and Inclusion',
    signedOffOn: l.date(-66),
    reviewDate: l.date(300),
  });
  l.at(-60);
  await l.s.advice.recordDecision(l.staff, id, {
    decidedOn: l.date(-60),
    decision:
      'Launch online self-referral with an extended telephone line and paper forms at community venues.',
    dutyApplies: 'yes',
    dutySection: 's242',
    explanation:
      'The change alters how people reach the service, so the duty applied. The partnership was involved before the decision through a meeting and an online window; its advice changed the plan.',
  });
  await l.s.advice.recordResponse(l.staffViewer, id, {
    responseChanged: physioAdvice.changed,
    responseUnchanged: physioAdvice.unchanged,
  });
  await l.s.advice.publish(l.staff, id, { publicSummary: physioAdvice.public, published: 'yes' });
}
