import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import type { StoredResult } from '../analytics/analytics.ts';
import { FormError, NotFoundError } from '../shared/errors.ts';
import { linesOf, placeIndicators } from './place.ts';
import {
  buildThirdSectorWorld,
  core20WardOf,
  placeFields,
  type ThirdSectorWorld,
} from './third-sector.test-util.ts';

const row = (dimension: string, group: string, valueText: string, comparison = 'not compared') =>
  ({ period: '2025', dimension, group, valueText, comparison }) as never;

describe('place pages, pure parts', () => {
  it('reads one priority per line, dropping bullets typed by hand', () => {
    expect(linesOf('- Screening\n\n• Hypertension\n')).toEqual(['Screening', 'Hypertension']);
  });

  it('takes the place’s row of each published indicator beside the whole area', () => {
    const stored = {
      id: 'r1',
      result: {
        title: 'Bowel screening uptake',
        unit: '%',
        latestPeriod: '2025',
        rows: [
          row('overall', 'All', '61.0'),
          row('place', 'Westdale', '70.2'),
          row('place', 'Riverside City', '52.4', 'worse'),
        ],
      },
    } as unknown as StoredResult;
    expect(placeIndicators([stored], 'Riverside City')).toEqual([
      {
        resultId: 'r1',
        title: 'Bowel screening uptake',
        period: '2025',
        unit: '%',
        placeValue: '52.4',
        overallValue: '61.0',
        comparison: 'Worse than the whole area',
      },
    ]);
    expect(placeIndicators([stored], 'Northshire')).toEqual([]);
  });
});

describeEachDatabase('places and plans', (current) => {
  let w: ThirdSectorWorld;
  const staffActor = () => ({ id: w.users.staff.id, label: w.users.staff.name });
  beforeAll(async () => {
    w = await buildThirdSectorWorld(current().handle);
    w.t.clock.now = new Date('2026-06-01T10:00:00Z');
  });
  afterAll(async () => w.t.services.analytics.close());

  it('takes places from the analytics geography, one page each', async () => {
    const { places } = w.t.services;
    await expect(places.create(staffActor(), placeFields('Atlantis'))).rejects.toThrow(FormError);
    await expect(places.create(staffActor(), placeFields('Riverside City'))).rejects.toThrow(FormError);
    expect(await places.unusedNames()).toEqual(['Westdale']);
  });

  it('hides unpublished places from the public', async () => {
    const { places } = w.t.services;
    await expect(places.get(w.northshireId, false)).rejects.toThrow(NotFoundError);
    expect((await places.list(false)).map((p) => p.name)).toEqual(['Riverside City']);
    expect((await places.list(true)).map((p) => p.name)).toEqual(['Northshire', 'Riverside City']);
  });

  it('brings together the plan, insight, authorities and coverage of a place', async () => {
    const { places, outreach, insights } = w.t.services;
    const base = {
      description: 'd',
      ownerRoleLabel: 'Place lead',
      directorate: 'Place',
      dueDate: '2026-12-01',
    };
    await places.addPlanAction(staffActor(), w.riversideId, {
      ...base,
      title: 'Screening outreach in Core20 wards',
      publishable: 'yes',
      publicSummary: 'Screening vans in the most deprived wards',
    });
    await places.addPlanAction(staffActor(), w.riversideId, { ...base, title: 'Internal data review' });
    const wardCode = await core20WardOf(w.t, 'Riverside City');
    const activityId = await outreach.record(w.viewers.staff, {
      kind: 'event',
      title: 'Health fair',
      heldOn: '2026-05-20',
      wardCode,
      peopleReached: '80',
      communities: ['Men'],
    });
    await outreach.raiseInsight(w.viewers.staff, activityId, {
      title: 'Men miss NHS health checks',
      description: 'Appointments are only in working hours',
      peopleAffected: 'many',
    });
    await insights.submitPublic({
      title: 'Buses to the clinic',
      description: 'No evening buses',
      place: 'riverside city',
      peopleAffected: 'some',
      wantsReply: 'no',
    });

    const publicPage = await places.page(w.riversideId, { staff: false, year: 2026 });
    expect(publicPage.plan.map((a) => a.title)).toEqual(['Screening outreach in Core20 wards']);
    expect(publicPage.insight).toEqual([]);
    expect(publicPage.authorities.map((a) => a.laName)).toEqual(['Riverside']);
    expect(publicPage.coverage.core20WardsReached).toBe(1);

    const staffPage = await places.page(w.riversideId, { staff: true, year: 2026 });
    expect(staffPage.plan).toHaveLength(2);
    expect(staffPage.insight.map((i) => i.title).sort()).toEqual([
      'Buses to the clinic',
      'Men miss NHS health checks',
    ]);
    const links = (await w.t.services.actions.get(staffPage.plan[0]!.id)).links;
    expect(links).toEqual([{ targetType: 'place_plan', targetId: w.riversideId }]);
  });
});
