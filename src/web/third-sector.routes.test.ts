import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/test-db.ts';
import { Browser } from '../../test/test-app.ts';
import { testPassword } from '../../test/factories.ts';
import {
  buildThirdSectorWorld,
  core20WardOf,
  type ThirdSectorWorld,
} from '../features/places/third-sector.test-util.ts';

type Who = 'anonymous' | 'member' | 'otherMember' | 'staff' | 'admin';

describeEachDatabase('outreach, agreements, directory and places by role', (current) => {
  let w: ThirdSectorWorld;
  const browsers = {} as Record<Who, Browser>;
  const ids = { agreement: '', theirAgreement: '', activity: '', theirActivity: '', deliverable: '' };

  beforeAll(async () => {
    w = await buildThirdSectorWorld(current().handle);
    w.t.clock.now = new Date('2026-07-01T09:00:00Z');
    browsers.anonymous = new Browser(w.t.app);
    for (const who of ['member', 'otherMember', 'staff', 'admin'] as const) {
      browsers[who] = new Browser(w.t.app);
      await browsers[who].signIn(w.users[who].email, testPassword);
    }
    const { agreements, outreach } = w.t.services;
    const agreement = (organisationId: string) => ({
      organisationId,
      title: 'Connectors',
      purpose: 'Sessions with carers',
      startsOn: '2026-04-01',
      endsOn: '2027-03-31',
      amount: '9000',
      communities: ['Unpaid carers'],
    });
    ids.agreement = await agreements.create(w.viewers.staff, agreement(w.organisations.ours));
    ids.theirAgreement = await agreements.create(w.viewers.staff, agreement(w.organisations.theirs));
    await agreements.addDeliverable(w.viewers.staff, ids.agreement, {
      description: 'Carers sessions',
      target: '8',
      dueOn: '2027-03-31',
    });
    await agreements.addInstalment(w.viewers.staff, ids.agreement, { dueOn: '2026-05-01', amount: '4500' });
    ids.deliverable = (await agreements.get(w.viewers.staff, ids.agreement)).deliverables[0]!.id;
    const activity = {
      kind: 'visit',
      title: 'Carers cafe',
      heldOn: '2026-06-10',
      peopleReached: '9',
      communities: ['Unpaid carers'],
    };
    ids.activity = await outreach.record(w.viewers.member, activity);
    ids.theirActivity = await outreach.record(w.viewers.otherMember, activity);
  });
  afterAll(async () => w.t.services.analytics.close());

  const status = async (who: Who, url: string) => (await browsers[who].get(url)).statusCode;

  it('shows the public the directory, guides and published places only', async () => {
    for (const url of [
      '/directory',
      '/directory?q=carers&community=Men',
      '/engaging',
      '/engaging/men',
      '/places',
      `/places/${w.riversideId}`,
    ])
      expect(await status('anonymous', url), url).toBe(200);
    expect(await status('anonymous', `/places/${w.northshireId}`)).toBe(404);
    for (const url of [
      '/outreach',
      '/outreach/new',
      '/outreach/coverage',
      '/agreements',
      `/agreements/${ids.agreement}`,
      '/directory/new',
      '/engaging/men/edit',
      '/places/new',
    ])
      expect(await status('anonymous', url), url).toBe(303);
  });

  it('lets members record outreach and see their own organisation’s agreements only', async () => {
    for (const url of [
      '/outreach',
      '/outreach/new',
      '/outreach/coverage',
      `/outreach/${ids.activity}`,
      `/outreach/${ids.activity}/edit`,
      '/agreements',
      `/agreements/${ids.agreement}`,
      `/agreements/${ids.agreement}/report`,
    ])
      expect(await status('member', url), url).toBe(200);
    for (const url of [
      `/outreach/${ids.theirActivity}`,
      `/agreements/${ids.theirAgreement}`,
      `/agreements/${ids.theirAgreement}/report`,
      `/places/${w.northshireId}`,
    ])
      expect(await status('member', url), url).toBe(404);
    for (const url of [
      '/agreements/new',
      `/agreements/${ids.agreement}/instalments/new`,
      '/directory/new',
      '/engaging/men/edit',
      '/places/new',
      `/places/${w.riversideId}/edit`,
      `/places/${w.riversideId}/actions/new`,
      `/outreach/${ids.activity}/follow-up`,
    ])
      expect(await status('member', url), url).toBe(403);
  });

  it('gives staff and administrators every page', async () => {
    const pages = [
      '/outreach',
      '/outreach/new',
      '/outreach/coverage',
      `/outreach/${ids.theirActivity}`,
      `/outreach/${ids.activity}/follow-up`,
      '/agreements',
      '/agreements/new',
      `/agreements/${ids.theirAgreement}`,
      `/agreements/${ids.agreement}/instalments/new`,
      `/agreements/${ids.agreement}/deliverables/new`,
      `/agreements/${ids.agreement}/milestones/new`,
      `/agreements/${ids.agreement}/report`,
      '/directory/new',
      '/engaging/men/edit',
      '/places',
      '/places/new',
      `/places/${w.northshireId}`,
      `/places/${w.riversideId}/edit`,
      `/places/${w.riversideId}/actions/new`,
    ];
    for (const who of ['staff', 'admin'] as const)
      for (const url of pages) expect(await status(who, url), `${who} ${url}`).toBe(200);
  });

  it('tracks a partner’s delivery and the payments staff make', async () => {
    const report = {
      deliverableId: ids.deliverable,
      quantity: '3',
      deliveredOn: '2026-06-30',
      notes: 'Three carers cafes',
      activityId: ids.activity,
    };
    const url = `/agreements/${ids.agreement}/report`;
    expect((await browsers.otherMember.post(url, report)).statusCode).toBe(403);
    const missing = await browsers.member.submit(url, { ...report, notes: '' });
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Describe what was delivered');
    expect((await browsers.member.submit(url, report)).statusCode).toBe(303);
    const page = (await browsers.staff.get(`/agreements/${ids.agreement}`)).body;
    expect(page).toContain('Three carers cafes');
    expect(page).toContain('Overdue');
    const instalment = (await w.t.services.agreements.get(w.viewers.staff, ids.agreement)).instalments[0]!;
    const paidUrl = `/agreements/${ids.agreement}/instalments/${instalment.id}/paid`;
    expect((await browsers.member.submit(`/agreements/${ids.agreement}`, {}, paidUrl)).statusCode).toBe(403);
    expect((await browsers.staff.submit(`/agreements/${ids.agreement}`, {}, paidUrl)).statusCode).toBe(303);
    expect((await w.t.services.agreements.get(w.viewers.staff, ids.agreement)).progress.paidPence).toBe(
      450_000,
    );
  });

  it('changes the coverage view when an outreach event is logged', async () => {
    const wardCode = await core20WardOf(w.t, 'Riverside City');
    const wardName = (await w.t.services.outreach.wards()).find((x) => x.wardCode === wardCode)!.wardName;
    const coverageUrl = `/outreach/coverage?place=${w.riversideId}&year=2026`;
    const before = (await browsers.staff.get(coverageUrl)).body;
    expect(before).toContain(`Core20 wards: `);
    expect(before).toMatch(new RegExp(`Core20 wards: [^<]*${wardName}`));
    const saved = await browsers.staff.submit('/outreach/new', {
      kind: 'event',
      title: 'Health fair',
      heldOn: '2026-06-20',
      wardCode,
      peopleReached: '40',
      communities: 'Men',
    });
    expect(saved.statusCode).toBe(303);
    const after = (await browsers.staff.get(coverageUrl)).body;
    expect(after).not.toMatch(new RegExp(`Core20 wards: [^<]*${wardName}`));
    expect(after).toContain('<svg');
  });

  it('shows guide text and directory entries as text, never as markup', async () => {
    const edited = await browsers.staff.submit('/engaging/men/edit', {
      summary: 'Summary',
      body: 'Hello <script>alert(1)</script>\n\n- <b>bold</b>',
    });
    expect(edited.statusCode).toBe(303);
    const page = (await browsers.anonymous.get('/engaging/men')).body;
    expect(page).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('<li>&lt;b&gt;bold&lt;/b&gt;</li>');
  });
});
