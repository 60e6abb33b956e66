import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../test/test-app.ts';
import { makeUser, testPassword } from '../../test/factories.ts';
import { systemActor } from '../features/audit/audit.ts';

type Who = 'anonymous' | 'member' | 'otherMember' | 'staff' | 'admin';

const submission = {
  title: 'No interpreter at clinic',
  description: 'Families wait hours for a phone interpreter',
  service: 'Outpatients',
  communities: 'Refugees and people seeking asylum',
  place: 'Eastgate',
  peopleAffected: 'some',
  evidence: 'Drop-in sessions',
  wantsReply: 'yes',
};

describeEachDatabase('partnership pages by role', (current) => {
  let t: TestApp;
  const browsers = {} as Record<Who, Browser>;
  let itemId = '';
  let otherItemId = '';
  let actionId = '';
  let meetingId = '';

  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const ours = await t.services.organisations.create(systemActor, {
      name: 'Ours',
      kind: 'community_group',
    });
    const theirs = await t.services.organisations.create(systemActor, { name: 'Theirs', kind: 'vcse' });
    const people = {
      member: await makeUser(t.services, 'member', { organisationId: ours.id }),
      otherMember: await makeUser(t.services, 'member', { organisationId: theirs.id }),
      staff: await makeUser(t.services, 'staff'),
      admin: await makeUser(t.services, 'admin'),
    };
    browsers.anonymous = new Browser(t.app);
    for (const [who, user] of Object.entries(people)) {
      browsers[who as Who] = new Browser(t.app);
      await browsers[who as Who].signIn(user.email, testPassword);
    }
    const made = await browsers.member.submit('/insights/new', submission);
    itemId = made.headers.location!.split('/')[2]!.split('?')[0]!;
    const other = await browsers.otherMember.submit('/insights/new', { ...submission, title: 'Their issue' });
    otherItemId = other.headers.location!.split('/')[2]!.split('?')[0]!;
    const staffActor = { id: people.staff.id, label: people.staff.name };
    actionId = (
      await t.services.actions.create(
        staffActor,
        {
          title: 'Book interpreters',
          description: 'd',
          ownerRoleLabel: 'Head',
          directorate: 'Outpatients',
          dueDate: '2030-01-01',
        },
        [{ targetType: 'insight', targetId: itemId }],
      )
    ).id;
    meetingId = await t.services.meetings.create(staffActor, {
      title: 'Autumn meeting',
      date: '2030-10-14',
      startTime: '14:00',
      endTime: '16:00',
      location: 'Room 1',
    });
  });

  const status = async (who: Who, url: string) => (await browsers[who].get(url)).statusCode;

  it('lets the public reach the public pages and nothing else', async () => {
    for (const url of [
      '/partnership/join',
      '/partnership/members',
      '/insights/new',
      '/you-said-we-did',
      '/you-said-we-did/quarterly',
    ]) {
      expect(await status('anonymous', url), url).toBe(200);
    }
    for (const url of [
      '/partnership',
      '/insights',
      `/insights/${itemId}`,
      '/actions',
      '/meetings',
      '/admin/themes',
      '/insights/export.csv',
    ]) {
      expect(await status('anonymous', url), url).toBe(303);
    }
  });

  it('keeps triage, actions, applications and export to staff and admins', async () => {
    const staffOnly = [
      '/actions',
      '/actions/mine',
      '/actions/new',
      `/actions/${actionId}`,
      '/partnership/applications',
      '/insights/export.csv',
      '/meetings/new',
    ];
    for (const url of staffOnly) {
      expect(await status('member', url), url).toBe(403);
      expect(await status('staff', url), url).toBe(200);
      expect(await status('admin', url), url).toBe(200);
    }
    expect(await status('staff', '/admin/themes')).toBe(403);
    expect(await status('admin', '/admin/themes')).toBe(200);
  });

  it('shows members only their own organisation’s issues, even by address', async () => {
    expect(await status('member', `/insights/${itemId}`)).toBe(200);
    expect(await status('member', `/insights/${otherItemId}`)).toBe(404);
    expect(await status('member', `/insights/${otherItemId}/edit`)).toBe(404);
    const list = (await browsers.member.get('/insights')).body;
    expect(list).toContain('No interpreter at clinic');
    expect(list).not.toContain('Their issue');
    const edit = await browsers.member.submit(
      `/insights/${itemId}/edit`,
      { ...submission, title: 'Changed' },
      `/insights/${otherItemId}/edit`,
    );
    expect(edit.statusCode).toBe(404);
    expect(
      (
        await t.services.insights.get(
          { id: 'x', name: 'x', role: 'staff', organisationId: null },
          otherItemId,
        )
      ).title,
    ).toBe('Their issue');
  });

  it('refuses members posting triage or status changes directly', async () => {
    const triage = await browsers.member.submit(
      `/insights/${itemId}`,
      { status: 'under_review', publishable: 'no' },
      `/insights/${itemId}/triage`,
    );
    expect(triage.statusCode).toBe(403);
    const actionStatus = await browsers.member.submit(
      '/dashboard',
      { status: 'done' },
      `/actions/${actionId}/status`,
    );
    expect(actionStatus.statusCode).toBe(403);
    expect((await t.services.actions.get(actionId)).status).toBe('agreed');
  });

  it('hides a meeting from members until its agenda is published', async () => {
    expect(await status('member', `/meetings/${meetingId}`)).toBe(404);
    expect(await status('staff', `/meetings/${meetingId}`)).toBe(200);
    await browsers.staff.submit(
      `/meetings/${meetingId}`,
      { agendaPublished: 'yes', minutesPublished: 'no' },
      `/meetings/${meetingId}/publish`,
    );
    expect(await status('member', `/meetings/${meetingId}`)).toBe(200);
    const ics = await browsers.member.get(`/meetings/${meetingId}/calendar.ics`);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.body).toContain('SUMMARY:Autumn meeting');
  });

  it('exports insight as CSV with formula cells neutralised', async () => {
    await browsers.member.submit('/insights/new', { ...submission, title: '=HYPERLINK("http://evil")' });
    const csv = (await browsers.staff.get('/insights/export.csv')).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('escapes what people typed on every page that shows it', async () => {
    await browsers.member.submit('/insights/new', { ...submission, title: '<script>alert(1)</script>' });
    const page = (await browsers.staff.get('/insights')).body;
    expect(page).not.toContain('<script>alert(1)</script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it("links an issue's history of changes only for those who may read the audit log", async () => {
    const history = `/admin/audit?entityType=insight&amp;entityId=${itemId}`;
    expect((await browsers.staff.get(`/insights/${itemId}`)).body).not.toContain('/admin/audit');
    expect((await browsers.admin.get(`/insights/${itemId}`)).body).toContain(history);
    expect(await status('admin', history.replace('&amp;', '&'))).toBe(200);
  });

  it('shows partnership links in the navigation and dashboard for the role', async () => {
    const member = (await browsers.member.get('/dashboard')).body;
    const staff = (await browsers.staff.get('/dashboard')).body;
    expect(member).toContain('href="/insights"');
    expect(member).not.toContain('href="/actions/mine"');
    expect(staff).toContain('href="/actions/mine"');
    expect((await browsers.anonymous.get('/')).body).toContain('href="/partnership/join"');
  });
});
