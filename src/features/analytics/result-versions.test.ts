import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { Browser, buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser, testPassword } from '../../../test/factories.ts';
import { systemActor } from '../audit/audit.ts';
import { loadAnalyticsDemo, demoDatasetName } from './analytics-demo.ts';
import { builtInIndicators } from '../../analytics/indicators/catalogue.ts';

// Computing again must not take published figures off the public pages: the new results wait as
// drafts beside them until staff publish them, and then take the published results' place.
describeEachDatabase('analytics: a published result and its newer draft', (current) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    await loadAnalyticsDemo(t.services.analytics, t.services.config.dataDir, 20_000);
  }, 120_000);
  afterAll(async () => {
    await t.services.analytics.close();
  });

  const dnaOf = async (includeDrafts: boolean) =>
    (await t.services.analytics.listResults(includeDrafts)).filter((r) => r.indicatorId === 'did-not-attend');

  it('keeps the published version up while a recomputed draft waits beside it', async () => {
    const [published] = await dnaOf(false);
    t.clock.now = new Date(Date.now() + 60_000);
    await t.services.analytics.compute(systemActor, { datasetName: demoDatasetName });
    // Computing twice leaves one draft, not two.
    t.clock.now = new Date(Date.now() + 120_000);
    await t.services.analytics.compute(systemActor, { datasetName: demoDatasetName });

    expect((await t.services.analytics.listResults(false)).length).toBe(builtInIndicators().length);
    expect(await dnaOf(false)).toEqual([published]);
    const versions = await dnaOf(true);
    expect(versions.map((v) => v.status).sort()).toEqual(['draft', 'published']);
    const draft = versions.find((v) => v.status === 'draft')!;
    expect(draft.computedAt).toBe(t.clock.now.toISOString());

    // Staff see each version pointing to the other; the public see the published one only.
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const publishedPage = await browser.get(`/analytics/indicators/${published!.id}`);
    expect(publishedPage.body).toContain('A newer draft of this result');
    expect(publishedPage.body).toContain(`href="/analytics/indicators/${draft.id}"`);
    const draftPage = await browser.get(`/analytics/indicators/${draft.id}`);
    expect(draftPage.body).toContain('Publishing it replaces the');
    expect(draftPage.body).toContain(`href="/analytics/indicators/${published!.id}"`);
    expect((await new Browser(t.app).get(`/analytics/indicators/${draft.id}`)).statusCode).toBe(404);
    const publicPage = await new Browser(t.app).get(`/analytics/indicators/${published!.id}`);
    expect(publicPage.body).not.toContain('A newer draft');
    // The dataset's page lists the indicator once, linking to the published version and the draft.
    const datasetPage = (await browser.get(`/analytics/datasets/${published!.datasetId}`)).body;
    const listed = datasetPage.slice(datasetPage.indexOf('Results from this dataset'));
    expect(listed.split(`>${published!.title}</a>`)).toHaveLength(2);
    expect(listed).toContain(`<a href="/analytics/indicators/${draft.id}">Newer draft`);

    // Publishing the draft puts its figures at the published result's address.
    const done = await browser.submit(
      `/analytics/indicators/${draft.id}`,
      {},
      `/analytics/results/${draft.id}/publish`,
    );
    expect(done.headers.location).toBe(`/analytics/indicators/${published!.id}?published=1`);
    const after = await dnaOf(true);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: published!.id, status: 'published', computedAt: draft.computedAt });
    expect((await browser.get(`/analytics/indicators/${draft.id}`)).statusCode).toBe(404);
    const audit = await t.services.audit.list({
      action: 'analytics.result.published',
      entityId: published!.id,
      page: 1,
    });
    expect(audit.entries[0]?.summary).toMatch(/replacing the version computed/);
  });

  it('holds back a draft worked out on another limits basis than the server now uses', async () => {
    const [published] = await dnaOf(false);
    t.clock.now = new Date(Date.now() + 180_000);
    await t.services.analytics.compute(systemActor, { datasetName: demoDatasetName });
    const draft = (await dnaOf(true)).find((v) => v.status === 'draft')!;
    expect(draft.result.limitsFrom).toBe('exact');

    // The same database, served with DISCLOSURE_LIMITS=rounded (as after a change of setting).
    const rounded = await buildTestApp(current().handle, { disclosureLimits: 'rounded' });
    try {
      const staff = await makeUser(rounded.services, 'staff');
      const browser = new Browser(rounded.app);
      await browser.signIn(staff.email, testPassword);
      const draftPage = (await browser.get(`/analytics/indicators/${draft.id}`)).body;
      expect(draftPage).toContain(
        'were worked out from the exact counts, but this server now works them out from the rounded counts it publishes',
      );
      expect(draftPage).not.toContain(`action="/analytics/results/${draft.id}/publish"`);
      const refused = await browser.submit(
        `/analytics/indicators/${draft.id}`,
        {},
        `/analytics/results/${draft.id}/publish`,
      );
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('There is a problem');
      expect(refused.body).toContain('indicators again before you publish it.');
      expect((await dnaOf(false))[0]).toMatchObject({ id: published!.id, computedAt: published!.computedAt });

      const publishedPage = (await browser.get(`/analytics/indicators/${published!.id}`)).body;
      expect(publishedPage).toContain('To bring it up to date');
      const publicPage = (await new Browser(rounded.app).get(`/analytics/indicators/${published!.id}`)).body;
      expect(publicPage).not.toContain('DISCLOSURE_LIMITS');
    } finally {
      await rounded.services.analytics.close();
    }

    // Served as it was computed, the same draft can be published.
    const staff = await makeUser(t.services, 'staff');
    const browser = new Browser(t.app);
    await browser.signIn(staff.email, testPassword);
    const draftPage = (await browser.get(`/analytics/indicators/${draft.id}`)).body;
    expect(draftPage).toContain(`action="/analytics/results/${draft.id}/publish"`);
    expect(draftPage).not.toContain('DISCLOSURE_LIMITS');
  });
});
