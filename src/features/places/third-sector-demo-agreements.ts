// Three funded agreements for the demo, dated around today: one on track, one behind schedule
// with an overdue payment and milestone, one recently started with a payment due soon.
import type { Community } from '../memberships/communities.ts';
import type { InsightViewer } from '../insights/insight.ts';
import type { createThirdSectorServices } from './third-sector.services.ts';

type ThirdSector = ReturnType<typeof createThirdSectorServices>;

interface DemoAgreement {
  organisation: string;
  title: string;
  purpose: string;
  place: string;
  /** Days from today. */
  starts: number;
  pounds: number;
  communities: Community[];
  /** [days after the start it is due, days after the start it was paid (or null), pounds]. */
  instalments: [number, number | null, number][];
  deliverables: {
    description: string;
    target: number;
    delivered: number[];
    activity?: string;
    community?: Community;
  }[];
  milestones: { title: string; due: number; met: number | null }[];
  reporter: 'member' | 'staff';
}

export const demoAgreements: DemoAgreement[] = [
  {
    organisation: 'Northfields Community Association',
    title: 'Community connectors in Core20 wards',
    purpose:
      'Connectors from the neighbourhood hold engagement sessions in the most deprived wards and bring back what they hear.',
    place: 'Riverside City',
    starts: -180,
    pounds: 18_000,
    communities: [
      'People living in the most deprived areas (Core20)',
      'Older people',
      'Children and young people',
    ],
    instalments: [
      [5, 8, 6000],
      [125, 127, 6000],
      [245, null, 6000],
    ],
    deliverables: [
      {
        description: 'Community engagement sessions in Core20 wards',
        target: 12,
        delivered: [2, 2, 2],
        activity: 'Community connectors coffee morning',
        community: 'People living in the most deprived areas (Core20)',
      },
      { description: 'Quarterly insight reports to the partnership', target: 4, delivered: [1, 1] },
    ],
    milestones: [{ title: 'Connectors recruited and trained', due: 60, met: 55 }],
    reporter: 'member',
  },
  {
    organisation: 'Eastgate Somali Women’s Group',
    title: 'Women’s health sessions in Somali and Arabic',
    purpose:
      'Health sessions for women who speak little English, covering screening, maternity and long-term conditions.',
    place: 'Riverside City',
    starts: -240,
    pounds: 12_000,
    communities: [
      'Women, including pregnancy and maternity',
      'Ethnic minority communities',
      'People who speak little or no English',
    ],
    instalments: [
      [5, 9, 4000],
      [120, null, 4000],
      [240, null, 4000],
    ],
    deliverables: [
      {
        description: 'Health sessions with Somali and Arabic-speaking women',
        target: 20,
        delivered: [2, 2],
        activity: 'Wellbeing drop-in at the Somali community centre',
        community: 'Women, including pregnancy and maternity',
      },
    ],
    milestones: [{ title: 'Interim report to the partnership', due: 210, met: null }],
    reporter: 'staff',
  },
  {
    organisation: 'Traveller Support Hub',
    title: 'GP registration and site visits',
    purpose: 'Site visits with health advice and help for families to register with a GP practice.',
    place: 'Riverside City',
    starts: -100,
    pounds: 7_500,
    communities: ['Gypsy, Roma and Traveller communities'],
    instalments: [
      [10, 12, 3750],
      [120, null, 3750],
    ],
    deliverables: [
      {
        description: 'Site visits with health advice',
        target: 10,
        delivered: [2, 1],
        activity: 'Site visit with the Traveller liaison team',
        community: 'Gypsy, Roma and Traveller communities',
      },
    ],
    milestones: [{ title: 'Registration pathway agreed with practices', due: 160, met: null }],
    reporter: 'staff',
  },
];

const dayMs = 86_400_000;
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);

export async function loadDemoAgreements(
  s: ThirdSector,
  people: { staff: InsightViewer; member: InsightViewer },
  today: string,
  lookup: {
    organisation: (name: string) => Promise<string | null>;
    place: (name: string) => string | undefined;
    activity: (title: string) => string | undefined;
  },
): Promise<void> {
  for (const a of demoAgreements) {
    const organisationId = await lookup.organisation(a.organisation);
    if (!organisationId) continue;
    const start = addDays(today, a.starts);
    const id = await s.agreements.create(people.staff, {
      organisationId,
      title: a.title,
      purpose: a.purpose,
      placeId: lookup.place(a.place) ?? '',
      startsOn: start,
      endsOn: addDays(start, 364),
      amount: String(a.pounds),
      status: 'active',
      communities: a.communities,
    });
    for (const [due, , pounds] of a.instalments)
      await s.agreements.addInstalment(people.staff, id, {
        dueOn: addDays(start, due),
        amount: String(pounds),
      });
    const detail = await s.agreements.get(people.staff, id);
    for (const [i, [, paid]] of a.instalments.entries())
      if (paid !== null)
        await s.agreements.markPaid(people.staff, id, detail.instalments[i]!.id, {
          paidOn: addDays(start, paid),
        });
    for (const m of a.milestones)
      await s.agreements.addMilestone(people.staff, id, { title: m.title, dueOn: addDays(start, m.due) });
    const milestones = (await s.agreements.get(people.staff, id)).milestones;
    for (const [i, m] of a.milestones.entries())
      if (m.met !== null)
        await s.agreements.markMet(people.staff, id, milestones[i]!.id, { metOn: addDays(start, m.met) });
    for (const d of a.deliverables) {
      await s.agreements.addDeliverable(people.staff, id, {
        description: d.description,
        community: d.community ?? '',
        target: String(d.target),
        dueOn: addDays(start, 364),
      });
    }
    await loadDeliveries(
      s,
      a,
      id,
      start,
      a.reporter === 'member' ? people.member : people.staff,
      lookup.activity,
    );
  }
}

async function loadDeliveries(
  s: ThirdSector,
  a: DemoAgreement,
  id: string,
  start: string,
  reporter: InsightViewer,
  activity: (title: string) => string | undefined,
): Promise<void> {
  const deliverables = (await s.agreements.get(reporter, id)).deliverables;
  for (const d of a.deliverables) {
    const deliverable = deliverables.find((x) => x.description === d.description)!;
    for (const [n, quantity] of d.delivered.entries()) {
      await s.agreements.reportDelivery(reporter, id, {
        deliverableId: deliverable.id,
        quantity: String(quantity),
        deliveredOn: addDays(start, 30 + n * 40),
        notes: `${quantity} delivered: ${d.description.toLowerCase()}.`,
        activityId: n === 0 && d.activity ? (activity(d.activity) ?? '') : '',
      });
    }
  }
}
