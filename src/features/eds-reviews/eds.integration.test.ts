import { beforeAll, expect, it } from 'vitest';
import { makeUser } from '../../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { describeEachDatabase } from '../../../test/test-db.ts';
import type { User } from '../accounts/account.ts';
import { systemActor } from '../audit/audit.ts';
import { FormError, ForbiddenError } from '../shared/errors.ts';
import type { EdsUser } from './review.ts';

const as = (u: User): EdsUser => ({
  id: u.id,
  label: u.name,
  role: u.role,
  organisationId: u.organisationId,
});
const pdf = Buffer.from('%PDF-1.7\n%synthetic\n');

describeEachDatabase('EDS review, grading and rating', (current) => {
  let t: TestApp;
  let lead: EdsUser;
  let admin: EdsUser;
  let reviewId: string;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const trust = await t.services.organisations.create(systemActor, { name: 'Test Trust', kind: 'trust' });
    lead = as(await makeUser(t.services, 'staff', { organisationId: trust.id, name: 'Lena Lead' }));
    admin = as(await makeUser(t.services, 'admin'));
    reviewId = (
      await t.services.eds.reviews.open(lead, {
        frameworkId: 'eds2022',
        yearLabel: '2025/26',
        level: 'organisation',
        icsName: 'Test ICS',
        sponsorName: 'Chief Nurse',
        servicesReviewed: 'Maternity\nDiabetes',
      })
    ).id;
  });

  it('opens a review with every outcome of the framework and refuses a second one for the same year', async () => {
    const detail = await t.services.eds.reviews.detail(reviewId);
    expect(detail.outcomes).toHaveLength(11);
    expect(detail.review.servicesReviewed).toEqual(['Maternity', 'Diabetes']);
    await expect(
      t.services.eds.reviews.open(lead, {
        frameworkId: 'eds2022',
        yearLabel: '2025/26',
        level: 'organisation',
        icsName: 'x',
        sponsorName: 'y',
      }),
    ).rejects.toThrow(/already/);
  });

  it('keeps staff of another organisation out of the review', async () => {
    const other = await t.services.organisations.create(systemActor, { name: 'Other Trust', kind: 'trust' });
    const outsider = as(await makeUser(t.services, 'staff', { organisationId: other.id }));
    await expect(t.services.eds.reviews.savePlan(outsider, reviewId, {})).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(t.services.eds.reports.preview(outsider, reviewId)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('stores an uploaded PDF under a random name and refuses a disguised file', async () => {
    const added = await t.services.eds.evidence.add(
      lead,
      reviewId,
      '1A',
      { title: 'Access audit', providedBy: 'Team' },
      { filename: 'audit.pdf', data: pdf, tooLarge: false },
    );
    const file = await t.services.eds.evidence.file(lead, added.id);
    expect(file.path).not.toContain('audit');
    expect(file.type).toBe('application/pdf');
    await expect(
      t.services.eds.evidence.add(
        lead,
        reviewId,
        '1A',
        { title: 'Bad', providedBy: 'Team' },
        { filename: 'evil.pdf', data: Buffer.from('<script>'), tooLarge: false },
      ),
    ).rejects.toBeInstanceOf(FormError);
    await expect(
      t.services.eds.evidence.add(lead, reviewId, '1A', { title: 'Nothing', providedBy: 'Team' }, null),
    ).rejects.toThrow(/link or choose a file/);
  });

  it('invites a new community grader as a member and a new peer reviewer as a grader, by e-mail', async () => {
    await t.services.eds.grading.invite(lead, reviewId, {
      name: 'Cara Community',
      email: 'cara@example.org',
      constituency: 'patient',
      outcomes: ['1A'],
    });
    await t.services.eds.grading.invite(lead, reviewId, {
      name: 'Pete Peer',
      email: 'pete@example.org',
      constituency: 'peer_reviewer',
      outcomes: ['3A'],
    });
    const accounts = await t.services.accounts.list();
    expect(accounts.find((a) => a.email === 'cara@example.org')).toMatchObject({
      role: 'member',
      status: 'invited',
    });
    expect(accounts.find((a) => a.email === 'pete@example.org')).toMatchObject({ role: 'grader' });
    expect(t.mailer.sent.filter((m) => m.to === 'cara@example.org').map((m) => m.subject)).toEqual([
      'You are invited to Parity',
      'You are invited to grade the EDS 2022 review for 2025/26',
    ]);
  });

  it('lets graders grade only their outcomes, 0 to 3, and hides others’ grades until released', async () => {
    const community = as(await makeUser(t.services, 'member'));
    const staffGrader = as(await makeUser(t.services, 'staff', { organisationId: lead.organisationId! }));
    await t.services.eds.grading.invite(lead, reviewId, {
      name: community.label,
      email: (await t.services.accounts.get(community.id)).email,
      constituency: 'vcse',
      outcomes: ['1A', '1B'],
    });
    await t.services.eds.grading.invite(lead, reviewId, {
      name: staffGrader.label,
      email: (await t.services.accounts.get(staffGrader.id)).email,
      constituency: 'internal_lead',
      outcomes: ['1A'],
    });

    for (const score of ['4', '-1', '', '2.5', 'two']) {
      await expect(
        t.services.eds.grading.saveGrade(community, reviewId, '1A', { score, rationale: 'x' }),
      ).rejects.toBeInstanceOf(FormError);
    }
    await expect(
      t.services.eds.grading.saveGrade(community, reviewId, '2A', { score: '1', rationale: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      t.services.eds.grading.saveGrade(lead, reviewId, '1A', { score: '1', rationale: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await t.services.eds.grading.saveGrade(community, reviewId, '1A', {
      score: '2',
      rationale: 'first thoughts',
    });
    await t.services.eds.grading.saveGrade(community, reviewId, '1A', {
      score: '1',
      rationale: 'Interpreters are hard to get',
    });
    await t.services.eds.grading.saveGrade(staffGrader, reviewId, '1A', {
      score: '3',
      rationale: 'Targets met',
    });

    const portal = await t.services.eds.grading.portal(community, reviewId);
    expect(portal.outcomes.map((o) => o.code)).toEqual(['1A', '1B']);
    expect(portal.outcomes[0]!.grade).toMatchObject({ score: 1, rationale: 'Interpreters are hard to get' });
    expect((await t.services.eds.grading.outcomeForGrader(community, reviewId, '1A')).released).toBeNull();

    await t.services.eds.reviews.releaseGrades(lead, reviewId);
    const released = (await t.services.eds.grading.outcomeForGrader(community, reviewId, '1A')).released!;
    expect(released.grades.map((g) => g.score).sort()).toEqual([1, 3]);
    expect(released.spread).toEqual([0, 1, 0, 1]);
  });

  it('follows the local interests’ grade when the views differ, until a consensus is recorded', async () => {
    const before = (await t.services.eds.grading.results(reviewId)).outcomes.find((o) => o.code === '1A')!;
    expect(before.agreed).toEqual({
      score: 1,
      basis: 'local_interests_prevail',
      localInterests: 1,
      organisation: 3,
    });

    await t.services.eds.reviews.recordConsensus(lead, reviewId, '1B', {
      score: '2',
      agreedBy: 'Everyone at the meeting',
      rationale: 'Agreed',
    });
    const results = await t.services.eds.grading.results(reviewId);
    expect(results.outcomes.find((o) => o.code === '1B')!.agreed).toMatchObject({
      score: 2,
      basis: 'consensus',
    });
    expect(results.rating.overall).toMatchObject({
      total: 3,
      graded: 2,
      band: 'Undeveloped',
      complete: false,
    });
    expect(results.rating.groups[0]).toMatchObject({ score: 3, maximum: 12 });
  });

  it('refuses every change to a closed review; only a reopening, which is audited', async () => {
    await t.services.eds.reviews.signOff(lead, reviewId, {
      dateAuthorised: '2026-02-10',
      thirdPartyTradeUnion: 'Union rep',
      thirdPartyPeerReviewers: 'Peer',
    });
    await t.services.eds.reviews.close(lead, reviewId);
    await expect(t.services.eds.reviews.savePlan(lead, reviewId, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      t.services.eds.reviews.recordConsensus(lead, reviewId, '1A', {
        score: '3',
        agreedBy: 'x',
        rationale: 'y',
      }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      t.services.eds.evidence.add(
        lead,
        reviewId,
        '1A',
        { title: 'Late', providedBy: 'x', linkUrl: '/x' },
        null,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      t.services.eds.grading.saveGrade(lead, reviewId, '1A', { score: '1', rationale: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    await t.services.eds.reports.publish(lead, reviewId);
    const published = await t.services.eds.reports.published(reviewId);
    expect(published.overall).toMatchObject({ total: 3, maximum: 33, band: 'Undeveloped' });
    expect(published.publishedAt).toBe(t.clock.now.toISOString());
    expect(published.groups[0]!.outcomes[0]).toMatchObject({
      code: '1A',
      score: 1,
      evidence: ['Access audit'],
    });
    expect(published.thirdParty.tradeUnion).toBe('Union rep');

    await t.services.eds.reviews.reopen(admin, reviewId);
    const audit = await t.services.audit.list({
      entityType: 'eds_review',
      entityId: reviewId,
      action: 'eds_review.reopen',
      page: 1,
    });
    expect(audit.entries[0]).toMatchObject({
      actorId: admin.id,
      summary: 'Reopened the closed review (2025/26)',
    });
    expect((await t.services.eds.reviews.get(reviewId)).status).toBe('open');
  });

  it('loads the demo: a published previous year and a current year in progress', async () => {
    await t.services.demo.load();
    const reviews = await t.services.eds.reviews.list();
    const demo = reviews.filter((r) => r.sponsorName === 'Dr Jo Mensah, Chief Nurse');
    expect(demo.map((r) => [r.status, Boolean(r.publishedAt)])).toEqual([
      ['open', false],
      ['closed', true],
    ]);
    const published = await t.services.eds.reports.published(demo[1]!.id);
    expect(published.overall.complete).toBe(true);
    expect(published.overall.band).toBe('Developing');
    const current = await t.services.eds.reports.preview(admin, demo[0]!.id);
    expect(current.completedActions.map((a) => a.action)).toContain(
      'Text reminders in the five most used community languages',
    );
    expect((await t.services.eds.workforce.years()).length).toBe(2);
  });
});
