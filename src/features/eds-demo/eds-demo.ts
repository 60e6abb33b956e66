import { randomBytes } from 'node:crypto';
import type { AccountService } from '../accounts/account.service.ts';
import type { ActionService } from '../actions/action.service.ts';
import { systemActor } from '../audit/audit.ts';
import type { EdsUser } from '../eds-reviews/review.ts';
import type { EdsServices } from '../eds-reviews/eds.services.ts';
import type { Objective } from '../eds-reviews/objective.ts';
import type { OrganisationService } from '../organisations/organisation.service.ts';
import {
  demoEvidence,
  demoGraders,
  demoObjectives,
  demoWorkforceCsv,
  domain1,
  domain2,
  domain3,
  lastYearActions,
  lastYearGrades,
  rationales,
  thisYearActions,
} from './eds-demo-data.ts';

interface Deps {
  eds: EdsServices;
  accounts: AccountService;
  organisations: OrganisationService;
  actions: ActionService;
}

type Person = EdsUser;

const yearLabel = (start: number) => `${start}/${String((start + 1) % 100).padStart(2, '0')}`;

async function people(deps: Deps): Promise<{ lead: Person; member: Person; graders: Person[] }> {
  const organisations = await deps.organisations.list();
  const all = await deps.accounts.list();
  const person = (email: string): Person => {
    const u = all.find((a) => a.email === email)!;
    return { id: u.id, label: u.name, role: u.role, organisationId: u.organisationId };
  };
  for (const g of demoGraders) {
    if (all.some((a) => a.email === g.email)) continue;
    const organisationId = organisations.find((o) => o.name === g.organisation)?.id;
    const created = await deps.accounts.create(systemActor, {
      name: g.name,
      email: g.email,
      role: g.role,
      organisationId,
      password: `demo-${randomBytes(12).toString('base64url')}`,
    });
    all.push(created);
  }
  return {
    lead: person('staff@demo.parity.invalid'),
    member: person('member@demo.parity.invalid'),
    graders: demoGraders.map((g) => person(g.email)),
  };
}

async function openReview(deps: Deps, lead: Person, start: number) {
  const review = await deps.eds.reviews.open(lead, {
    frameworkId: 'eds2022',
    yearLabel: yearLabel(start),
    level: 'organisation',
    icsName: 'Riverside and Vale Integrated Care System (demo)',
    sponsorName: 'Dr Jo Mensah, Chief Nurse',
    servicesReviewed:
      'Outpatient diabetes service\nCommunity maternity service\nAdult mental health crisis team',
  });
  const owners: Record<string, string> = {};
  for (const code of [...domain1, ...domain2, ...domain3]) {
    owners[`owner-${code}`] = code.startsWith('1')
      ? 'Head of Patient Experience'
      : code.startsWith('2')
        ? 'Director of People'
        : 'Trust Secretary';
  }
  await deps.eds.reviews.savePlan(lead, review.id, {
    'stage-1': 'Summer (quarter 2)',
    'deadline-1': `${start}-09-30`,
    'stage-2': 'Spring (quarter 1)',
    'deadline-2': `${start}-06-30`,
    'stage-3': 'Autumn (quarter 3)',
    'deadline-3': `${start}-12-15`,
    ...owners,
  });
  for (const [code, items] of Object.entries(demoEvidence)) {
    for (const e of items) {
      await deps.eds.evidence.add(
        lead,
        review.id,
        code,
        { title: e.title, summary: e.summary, providedBy: e.providedBy, linkUrl: e.link },
        null,
      );
    }
  }
  return review;
}

async function invite(
  deps: Deps,
  lead: Person,
  reviewId: string,
  who: Person,
  constituency: string,
  outcomes: string[],
) {
  const email = (await deps.accounts.get(who.id)).email;
  await deps.eds.grading.invite(lead, reviewId, { name: who.label, email, constituency, outcomes });
}

async function completedLastYear(
  deps: Deps,
  lead: Person,
  member: Person,
  graders: Person[],
  start: number,
  objectives: Objective[],
) {
  const review = await openReview(deps, lead, start);
  const [amina, ray, dev, helen, priya] = graders as [Person, Person, Person, Person, Person];
  await invite(deps, lead, review.id, member, 'patient', domain1);
  await invite(deps, lead, review.id, ray, 'healthwatch', domain1);
  await invite(deps, lead, review.id, amina, 'vcse', domain1);
  await invite(deps, lead, review.id, priya, 'staff_network', domain2);
  await invite(deps, lead, review.id, dev, 'trade_union', [...domain2, ...domain3]);
  await invite(deps, lead, review.id, helen, 'peer_reviewer', domain3);
  await invite(deps, lead, review.id, lead, 'internal_lead', [...domain1, ...domain2, ...domain3]);
  for (const [code, grades] of Object.entries(lastYearGrades)) {
    const locals = code.startsWith('1') ? [member, ray] : code.startsWith('2') ? [priya, dev] : [dev, helen];
    for (const [i, person] of locals.entries()) {
      await deps.eds.grading.saveGrade(person, review.id, code, {
        score: String(grades.local[i]),
        rationale: rationales[i % rationales.length],
      });
    }
    await deps.eds.grading.saveGrade(lead, review.id, code, {
      score: String(grades.organisation),
      rationale: 'Our reading of the evidence and of progress against last year’s plan.',
    });
  }
  await deps.eds.reviews.recordConsensus(lead, review.id, '1D', {
    score: '2',
    agreedBy: 'Morgan Member (patient representative), Ray Okafor (Healthwatch), Sam Staff (EDS lead)',
    rationale:
      'At the grading meeting the listening-event notes persuaded everyone present that most groups report positive experiences.',
  });
  await deps.eds.reviews.signOff(lead, review.id, {
    dateAuthorised: `${start + 1}-02-12`,
    thirdPartyTradeUnion: 'Dev Mistry, staff side chair',
    thirdPartyPeerReviewers: 'Helen Ford, peer reviewer from a neighbouring trust',
  });
  for (const a of lastYearActions) {
    await deps.eds.actionPlan.add(lead, review.id, a.outcome, {
      objectiveId: objectives[a.objective]!.id,
      title: a.title,
      description: a.title,
      ownerRoleLabel: 'Head of Patient Experience',
      directorate: 'Nursing and Quality',
      dueDate: `${start + 1}-03-31`,
    });
  }
  for (const action of await deps.actions.list({ status: 'agreed' })) {
    const planned = lastYearActions.find((a) => a.title === action.title);
    if (planned) await deps.actions.changeStatus(lead, action.id, { status: planned.status });
  }
  await deps.eds.reviews.close(lead, review.id);
  await deps.eds.reports.publish(lead, review.id);
}

async function inProgressThisYear(
  deps: Deps,
  lead: Person,
  member: Person,
  graders: Person[],
  start: number,
  objectives: Objective[],
) {
  const review = await openReview(deps, lead, start);
  const [amina, ray] = graders as [Person, Person];
  await invite(deps, lead, review.id, member, 'patient', domain1);
  await invite(deps, lead, review.id, amina, 'vcse', domain1);
  await invite(deps, lead, review.id, ray, 'healthwatch', domain1);
  await invite(deps, lead, review.id, lead, 'internal_lead', domain1);
  await deps.eds.grading.saveGrade(amina, review.id, '1A', {
    score: '1',
    rationale: 'Women in our group still struggle to get interpreters for clinic appointments.',
  });
  await deps.eds.grading.saveGrade(ray, review.id, '1A', {
    score: '2',
    rationale: 'Text reminders have helped; complaints about access are down.',
  });
  await deps.eds.grading.saveGrade(lead, review.id, '1A', {
    score: '2',
    rationale: 'Missed-appointment gap narrowed this year.',
  });
  await deps.eds.evidence.addWorkforce(lead, review.id, '2B', start);
  for (const a of thisYearActions) {
    await deps.eds.actionPlan.add(lead, review.id, a.outcome, {
      objectiveId: objectives[a.objective]!.id,
      title: a.title,
      description: a.title,
      ownerRoleLabel: 'Director of People',
      directorate: 'People and Culture',
      dueDate: `${start + 1}-03-31`,
    });
  }
}

/** A completed, published review for last year and this year's review part-way through grading. */
export async function loadEdsDemo(deps: Deps): Promise<void> {
  const { lead, member, graders } = await people(deps);
  const thisYear = new Date().getUTCFullYear();
  await deps.eds.workforce.importCsv(lead, demoWorkforceCsv(thisYear));
  const objectives: Objective[] = [];
  for (const o of demoObjectives)
    objectives.push(await deps.eds.objectives.create(lead, { ...o, startYear: String(thisYear - 1) }));
  await completedLastYear(deps, lead, member, graders, thisYear - 1, objectives);
  await inProgressThisYear(deps, lead, member, graders, thisYear, objectives);
}
