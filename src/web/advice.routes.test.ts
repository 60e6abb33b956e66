import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../test/test-app.ts';
import { makeUser, testPassword } from '../../test/factories.ts';
import { systemActor } from '../features/audit/audit.ts';

type Who = 'anonymous' | 'member' | 'staff' | 'otherStaff' | 'admin';

describeEachDatabase('perspective and advice pages by role', (current) => {
  let t: TestApp;
  const browsers = {} as Record<Who, Browser>;
  let open = '';
  let preparing = '';

  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    t.clock.now = new Date('2030-05-20T10:00:00Z');
    const organisation = await t.services.organisations.create(systemActor, {
      name: 'Eastgate Group',
      kind: 'community_group',
    });
    const people = {
      member: await makeUser(t.services, 'member', { organisationId: organisation.id }),
      staff: await makeUser(t.services, 'staff', { name: 'Lead Person' }),
      otherStaff: await makeUser(t.services, 'staff'),
      admin: await makeUser(t.services, 'admin'),
    };
    browsers.anonymous = new Browser(t.app);
    for (const [who, user] of Object.entries(people)) {
      browsers[who as Who] = new Browser(t.app);
      await browsers[who as Who].signIn(user.email, testPassword);
    }
    const made = await browsers.staff.submit('/initiatives/new', {
      title: 'Text reminders <script>alert(1)</script>',
      service: 'Outpatients',
      summary: 'Shorter letters.',
      leadUserId: people.staff.id,
      decisionDate: '2030-08-01',
      questions: 'Would this work?',
    });
    expect(made.statusCode).toBe(303);
    open = made.headers.location!.split('/')[2]!.split('?')[0]!;
    await browsers.staff.submit(
      `/initiatives/${open}`,
      { windowOpensOn: '2030-05-19', windowClosesOn: '2030-06-01' },
      `/initiatives/${open}/window`,
    );
    const staffActor = { id: people.staff.id, label: people.staff.name };
    preparing = await t.services.initiatives.create(staffActor, {
      title: 'Not shared yet',
      service: 'ED',
      summary: 'Video interpreting.',
      decisionDate: '2030-09-01',
    });
  });

  const status = async (who: Who, url: string) => (await browsers[who].get(url)).statusCode;
  const managePages = () => [
    '/initiatives/new',
    '/initiatives/decisions',
    `/initiatives/${open}/edit`,
    `/initiatives/${open}/advice`,
    `/initiatives/${open}/response`,
    `/initiatives/${open}/publish`,
    `/initiatives/${open}/ehia`,
    `/initiatives/${open}/ehia/print`,
    `/initiatives/${open}/ehia/groups/age`,
    `/initiatives/${open}/ehia/groups/age/actions/new`,
    `/initiatives/${open}/ehia/engagement`,
    `/initiatives/${open}/ehia/sign-off`,
  ];

  it('sends visitors to sign in, and shows them only the public page', async () => {
    for (const url of [
      '/initiatives',
      `/initiatives/${open}`,
      `/initiatives/${open}/answer`,
      ...managePages(),
    ]) {
      expect(await status('anonymous', url), url).toBe(303);
    }
    expect(await status('anonymous', '/you-said-we-did')).toBe(200);
  });

  it('lets members read shared initiatives and answer, and keeps management to staff and admins', async () => {
    expect(await status('member', '/initiatives')).toBe(200);
    expect(await status('member', `/initiatives/${open}`)).toBe(200);
    expect(await status('member', `/initiatives/${preparing}`)).toBe(404);
    expect(await status('member', `/initiatives/${open}/answer`)).toBe(200);
    for (const url of managePages()) {
      expect(await status('member', url), url).toBe(403);
      expect(await status('staff', url), url).toBe(200);
      expect(await status('admin', url), url).toBe(200);
    }
    expect(await status('staff', `/initiatives/${open}/answer`)).toBe(403);
    expect(await status('staff', `/initiatives/${preparing}`)).toBe(200);
  });

  it('links the initiative from a meeting agenda it is added to', async () => {
    const meetingId = await t.services.meetings.create(
      { id: null, label: 'Test' },
      { title: 'June meeting', date: '2030-06-20', startTime: '14:00', endTime: '16:00', location: 'Room 1' },
    );
    const added = await browsers.staff.submit(
      `/initiatives/${open}`,
      { meetingId },
      `/initiatives/${open}/agenda`,
    );
    expect(added.headers.location).toBe(`/initiatives/${open}?agenda=1`);
    expect((await browsers.staff.get(`/meetings/${meetingId}`)).body).toContain(
      `href="/initiatives/${open}"`,
    );
    expect((await browsers.staff.get(`/initiatives/${open}`)).body).toContain('June meeting');
  });

  it('escapes free text and re-shows a form with the error summary', async () => {
    const page = await browsers.member.get(`/initiatives/${open}`);
    expect(page.body).toContain('Text reminders &lt;script&gt;');
    expect(page.body).not.toContain('<script>alert(1)');
    const wrong = await browsers.staff.submit('/initiatives/new', { title: 'Only a title' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('There is a problem');
    expect(wrong.body).toContain('value="Only a title"');
  });

  it('takes a member’s answers, flags an unmitigated negative impact, and publishes advice and response', async () => {
    const answered = await browsers.member.submit(`/initiatives/${open}/answer`, {
      'answer-1': 'partly',
      'comment-1': 'Keep the letter for people without phones',
    });
    expect(answered.headers.location).toBe(`/initiatives/${open}?answered=1`);
    expect((await browsers.staff.get(`/initiatives/${open}`)).body).toContain(
      'Keep the letter for people without phones',
    );

    await browsers.staff.submit(`/initiatives/${open}/ehia/groups/race`, {
      impact: 'negative',
      evidence: 'Letters only in English.',
    });
    expect((await browsers.staff.get('/dashboard')).body).toContain(
      '1 initiative has a negative impact with no mitigation',
    );
    expect((await browsers.staff.get('/initiatives')).body).toContain('Negative impact, no mitigation');

    await browsers.staff.submit(`/initiatives/${open}/advice`, { adviceSummary: 'Offer texts in Somali.' });
    const response = { responseChanged: 'Texts in Somali from June.' };
    expect((await browsers.otherStaff.submit(`/initiatives/${open}/response`, response)).statusCode).toBe(
      403,
    );
    expect((await browsers.staff.submit(`/initiatives/${open}/response`, response)).statusCode).toBe(303);
    await browsers.admin.submit(`/initiatives/${open}/publish`, {
      publicSummary: 'Text reminders.',
      published: 'yes',
    });
    const publicPage = await browsers.anonymous.get('/you-said-we-did');
    expect(publicPage.body).toContain('Offer texts in Somali.');
    expect(publicPage.body).toContain('Texts in Somali from June.');
    expect(publicPage.body).not.toContain('Keep the letter for people without phones');
    expect(publicPage.body).not.toContain('Not shared yet');
  });
});
