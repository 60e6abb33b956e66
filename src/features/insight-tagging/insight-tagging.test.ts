import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { EdsClient } from '../../web/eds-test-client.test-util.ts';
import { systemActor } from '../audit/audit.ts';
import type { InsightViewer } from '../insights/insight.ts';
import { ForbiddenError } from '../shared/errors.ts';

type Who = 'anonymous' | 'member' | 'staff' | 'admin';

const submission = {
  title: 'No interpreter at the clinic',
  description:
    'My mother speaks Polish and there was no interpreter, so we waited three hours for a phone line.',
  communities: [] as string[],
  peopleAffected: 'some',
  wantsReply: 'no',
};

describeEachDatabase('insight tagging', (current) => {
  let t: TestApp;
  const browsers = {} as Record<Who, Browser>;
  let staff: InsightViewer;
  let member: InsightViewer;
  let itemId = '';

  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const org = await t.services.organisations.create(systemActor, { name: 'Ours', kind: 'vcse' });
    const people = {
      member: await makeUser(t.services, 'member', { organisationId: org.id }),
      staff: await makeUser(t.services, 'staff'),
      admin: await makeUser(t.services, 'admin'),
    };
    const view = (u: (typeof people)['staff']): InsightViewer => ({
      id: u.id,
      name: u.name,
      role: u.role,
      organisationId: u.organisationId,
    });
    staff = view(people.staff);
    member = view(people.member);
    browsers.anonymous = new Browser(t.app);
    for (const [who, user] of Object.entries(people)) {
      browsers[who as Who] = new Browser(t.app);
      await browsers[who as Who].signIn(user.email, testPassword);
    }
    itemId = await t.services.insights.submit(member, submission);
  });

  const tags = () => t.services.insightTagging.forItem(staff, itemId);
  const tagNamed = async (kind: string, value: string) => {
    const found = (await tags()).find((x) => x.kind === kind && x.value === value);
    if (!found) throw new Error(`No ${kind} tag ${value}`);
    return found;
  };

  it('shows staff suggested themes, communities and sentiment on the triage page, and members nothing', async () => {
    const page = await browsers.staff.get(`/insights/${itemId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Suggested tags');
    expect(page.body).toContain('Interpreting and language');
    expect(page.body).toContain('People who speak little or no English');
    expect(page.body).toContain('language: Polish');
    expect(page.body).toContain('The sentiment is');
    const memberPage = await browsers.member.get(`/insights/${itemId}`);
    expect(memberPage.statusCode).toBe(200);
    expect(memberPage.body).not.toContain('Suggested tags');
  });

  it('confirms a theme in one click, adding it to the issue, and rejects a community', async () => {
    const theme = await tagNamed('theme', 'Interpreting and language');
    const confirmed = await browsers.staff.submit(
      `/insights/${itemId}`,
      { verdict: 'accept' },
      `/insights/${itemId}/tags/${theme.id}`,
    );
    expect(confirmed.statusCode).toBe(303);
    expect((await tagNamed('theme', 'Interpreting and language')).status).toBe('accepted');
    const item = await t.services.insights.get(staff, itemId);
    expect(item.themes.map((x) => x.name)).toContain('Interpreting and language');

    const group = await tagNamed('group', 'People who speak little or no English');
    await browsers.staff.submit(
      `/insights/${itemId}`,
      { verdict: 'accept' },
      `/insights/${itemId}/tags/${group.id}`,
    );
    expect((await t.services.insights.get(staff, itemId)).communities).toContain(
      'People who speak little or no English',
    );
    await browsers.staff.submit(
      `/insights/${itemId}`,
      { verdict: 'reject' },
      `/insights/${itemId}/tags/${group.id}`,
    );
    expect((await t.services.insights.get(staff, itemId)).communities).not.toContain(
      'People who speak little or no English',
    );

    const audit = await t.services.audit.list({ entityId: itemId, page: 1 });
    expect(audit.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining(['insight.tag_accepted', 'insight.tag_rejected']),
    );
  });

  it('corrects the sentiment in one click and offers the decisions as training data', async () => {
    const corrected = await browsers.staff.submit(
      `/insights/${itemId}`,
      { sentiment: 'neutral' },
      `/insights/${itemId}/sentiment`,
    );
    expect(corrected.statusCode).toBe(303);
    const sentiment = (await tags()).filter((x) => x.kind === 'sentiment' && x.status === 'accepted');
    expect(sentiment.map((x) => x.value)).toEqual(['neutral']);
    const page = await browsers.staff.get(`/insights/${itemId}`);
    expect(page.body).toContain('Confirmed: <strong>Neutral or mixed</strong>');

    const corrections = await t.services.insightTagging.trainingCorrections();
    const ours = corrections.find((c) => c.text.includes('My mother speaks Polish'))!;
    expect(ours.themes).toEqual(['Interpreting and language']);
    expect(ours.sentiment).toBe('neutral');

    const wrong = await browsers.staff.submit(
      `/insights/${itemId}`,
      { sentiment: 'furious' },
      `/insights/${itemId}/sentiment`,
    );
    expect(wrong.statusCode).toBe(400);
  });

  it('keeps tagging, the summary and the import to staff and admins', async () => {
    for (const url of ['/insights/summary', '/insights/import']) {
      expect((await browsers.anonymous.get(url)).statusCode, url).toBe(303);
      expect((await browsers.member.get(url)).statusCode, url).toBe(403);
      expect((await browsers.staff.get(url)).statusCode, url).toBe(200);
      expect((await browsers.admin.get(url)).statusCode, url).toBe(200);
    }
    const theme = await tagNamed('theme', 'Interpreting and language');
    const posted = await browsers.member.submit(
      `/insights/${itemId}`,
      { verdict: 'reject' },
      `/insights/${itemId}/tags/${theme.id}`,
    );
    expect(posted.statusCode).toBe(403);
    expect((await tagNamed('theme', 'Interpreting and language')).status).toBe('accepted');
    await expect(t.services.insightTagging.forItem(member, itemId)).rejects.toThrow(ForbiddenError);
  });

  it('imports a CSV of comments as tagged issues and summarises themes by community and place', async () => {
    const client = await EdsClient.signIn(t.app, t.services, (await t.services.accounts.get(staff.id)).email);
    const token = await client.token('/insights/import');
    const csv = [
      'FFT answer,Place,Communities',
      '"Could not park, the car park costs too much",Northfield,Disabled people',
      '"Had to book online, but I have no internet at home",Eastgate,Older people',
      ',Eastgate,',
    ].join('\n');
    const response = await client.postMultipart('/insights/import', [
      { name: '_csrf', value: token },
      { name: 'file', filename: 'fft.csv', data: Buffer.from(csv) },
    ]);
    expect(response.statusCode, response.body.slice(0, 3000)).toBe(200);
    expect(response.body).toContain('Comments imported');
    expect(response.body).toMatch(/Imported as issues[\s\S]*?2/);
    expect(response.body).toContain('The comment is empty');
    const importId = /summary\?import=([0-9a-f-]+)/.exec(response.body)![1]!;

    const summary = await t.services.insightTagging.summary(staff, { withSuggestions: true, importId });
    expect(summary.items).toBe(2);
    expect(summary.places.map((p) => p.place).sort()).toEqual(['Eastgate', 'Northfield']);
    const northfield = summary.places.find((p) => p.place === 'Northfield')!;
    expect(northfield.counts.Cost).toBe(1);
    const older = summary.communities.find((c) => c.community === 'Older people')!;
    expect(older.counts['Digital exclusion']).toBe(1);
    const confirmedOnly = await t.services.insightTagging.summary(staff, {
      withSuggestions: false,
      importId,
    });
    expect(confirmedOnly.themes).toEqual([]);

    const page = await browsers.staff.get(`/insights/summary?import=${importId}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Digital exclusion');

    const empty = await client.postMultipart('/insights/import', [{ name: '_csrf', value: token }]);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Choose a CSV file of comments');
  });

  it('suggests tags for issues that have none, once', async () => {
    await t.services.insights.submit(member, {
      ...submission,
      title: 'Rude receptionist',
      description: 'Treated differently because of my accent',
    });
    expect(await t.services.insightTagging.tagUntagged(staff)).toBe(1);
    expect(await t.services.insightTagging.tagUntagged(staff)).toBe(0);
  });
});
