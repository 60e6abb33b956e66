import { afterAll, beforeAll, expect, it } from 'vitest';
import { analyticsStore } from '../../analytics/store.ts';
import { loadSyntheticGeography } from '../../analytics/synthetic/demo-geography.ts';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser } from '../../../test/factories.ts';
import { systemActor } from '../audit/audit.ts';
import { financialYearOf } from '../outreach/financial-year.ts';
import { loadThirdSectorDemo } from './third-sector-demo.ts';

const partnerNames = [
  'Northfields Community Association',
  'Eastgate Somali Women’s Group',
  'Traveller Support Hub',
  'Sanctuary Riverside Refugee Network',
  'Open Doors Homelessness Project',
  'Rainbow Health Forum',
  'Highcross Deaf Community Centre',
  'Bridgeway Carers Network',
  'Riverside Interfaith Council',
  'Highcross Learning Disability Advocacy',
];

describeEachDatabase('third-sector demo data', (current) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    await loadSyntheticGeography(await analyticsStore(t.services.config.dataDir));
    const ids = [];
    for (const name of partnerNames)
      ids.push((await t.services.organisations.create(systemActor, { name, kind: 'vcse' })).id);
    await makeUser(t.services, 'staff');
    await makeUser(t.services, 'member', { organisationId: ids[0]! });
    await loadThirdSectorDemo({
      services: t.services,
      accounts: t.services.accounts,
      organisations: t.services.organisations,
      clock: t.services.clock,
    });
  }, 60_000);
  afterAll(async () => t.services.analytics.close());

  it('loads three places with plans and a directory of twenty organisations', async () => {
    const places = await t.services.places.list(false);
    expect(places.map((p) => p.name)).toEqual(['Northshire', 'Riverside City', 'Westdale']);
    for (const place of places) {
      const page = await t.services.places.page(place.id, { staff: true, year: 2026 });
      expect(page.plan.length).toBeGreaterThan(0);
    }
    expect(await t.services.directory.search()).toHaveLength(20);
  });

  it('leaves visible gaps in this year’s outreach coverage', async () => {
    const year = financialYearOf(t.services.clock().toISOString().slice(0, 10));
    const coverage = await t.services.outreach.coverage({ year });
    expect(coverage.activities).toBeGreaterThanOrEqual(12);
    expect(coverage.groupsNotReached).toContain('Trans and non-binary people');
    expect(coverage.core20WardsReached).toBeGreaterThan(0);
    expect(coverage.core20WardsNotReached.length).toBeGreaterThan(0);
  });

  it('has three funded agreements with deliveries and payments, one behind schedule', async () => {
    const staff = (await t.services.accounts.list()).find((u) => u.role === 'staff')!;
    const agreements = await t.services.agreements.list({
      id: staff.id,
      name: staff.name,
      role: 'staff',
      organisationId: null,
    });
    expect(agreements).toHaveLength(3);
    expect(agreements.filter((a) => a.progress.behindSchedule).map((a) => a.organisationName)).toEqual([
      'Eastgate Somali Women’s Group',
    ]);
    expect(agreements.every((a) => a.deliveries.length > 0 && a.progress.paidPence > 0)).toBe(true);
  });
});
