import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildThirdSectorWorld, type ThirdSectorWorld } from '../places/third-sector.test-util.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { expectedByNow, paymentState } from './agreement.ts';
import { formatPence, penceFromPounds } from './money.ts';

describe('money and schedules', () => {
  it('reads pounds as whole pence and shows them as pounds', () => {
    expect(penceFromPounds('£12,500.5')).toBe(1_250_050);
    expect(penceFromPounds('300')).toBe(30_000);
    expect(penceFromPounds('12.345')).toBeNull();
    expect(penceFromPounds('ten')).toBeNull();
    expect(formatPence(1_250_050)).toBe('£12,500.50');
  });

  it('expects delivery evenly from the start to the due date', () => {
    expect(expectedByNow(12, '2026-04-01', '2027-04-01', '2026-10-01')).toBe(6);
    expect(expectedByNow(12, '2026-04-01', '2027-04-01', '2026-03-01')).toBe(0);
    expect(expectedByNow(12, '2026-04-01', '2027-04-01', '2027-05-01')).toBe(12);
  });

  it('tells paid, overdue, due-soon and scheduled payments apart', () => {
    expect(paymentState({ dueOn: '2026-05-01', paidOn: '2026-05-02' }, '2026-06-01')).toBe('paid');
    expect(paymentState({ dueOn: '2026-05-01', paidOn: null }, '2026-06-01')).toBe('overdue');
    expect(paymentState({ dueOn: '2026-06-20', paidOn: null }, '2026-06-01')).toBe('due');
    expect(paymentState({ dueOn: '2026-09-01', paidOn: null }, '2026-06-01')).toBe('scheduled');
  });
});

describeEachDatabase('funded partner agreements', (current) => {
  let w: ThirdSectorWorld;
  let id = '';
  const fields = () => ({
    organisationId: w.organisations.ours,
    title: 'Community connectors 2026/27',
    purpose: 'Engagement sessions with refugee families',
    placeId: w.riversideId,
    startsOn: '2026-04-01',
    endsOn: '2027-03-31',
    amount: '12,000',
    communities: ['Refugees and people seeking asylum', 'Unpaid carers'],
  });

  beforeAll(async () => {
    w = await buildThirdSectorWorld(current().handle);
    w.t.clock.now = new Date('2026-10-01T09:00:00Z');
    const { agreements } = w.t.services;
    id = await agreements.create(w.viewers.staff, fields());
    await agreements.addInstalment(w.viewers.staff, id, { dueOn: '2026-04-15', amount: '6000' });
    await agreements.addInstalment(w.viewers.staff, id, { dueOn: '2026-09-15', amount: '3000' });
    await agreements.addDeliverable(w.viewers.staff, id, {
      description: 'Engagement sessions with refugee families',
      community: 'Refugees and people seeking asylum',
      target: '12',
      dueOn: '2027-03-31',
    });
    await agreements.addMilestone(w.viewers.staff, id, { title: 'Interim report', dueOn: '2026-09-30' });
  });
  afterAll(async () => w.t.services.analytics.close());

  it('shows staff payments overdue and delivery behind schedule', async () => {
    const { agreements } = w.t.services;
    const detail = await agreements.get(w.viewers.staff, id);
    expect(detail.amountPence).toBe(1_200_000);
    expect(detail.progress.overduePence).toBe(900_000);
    expect(detail.progress.unscheduledPence).toBe(300_000);
    expect(detail.deliverables[0]!.expected).toBe(6);
    expect(detail.progress.behindSchedule).toBe(true);
    const [first] = detail.instalments;
    await agreements.markPaid(w.viewers.staff, id, first!.id, { paidOn: '2026-04-16' });
    expect((await agreements.get(w.viewers.staff, id)).progress.paidPence).toBe(600_000);
  });

  it('refuses payments beyond the amount agreed and agreements with the trust itself', async () => {
    const { agreements } = w.t.services;
    await expect(
      agreements.addInstalment(w.viewers.staff, id, { dueOn: '2027-01-15', amount: '3000.01' }),
    ).rejects.toThrow(FormError);
    await expect(
      agreements.create(w.viewers.staff, { ...fields(), organisationId: w.organisations.trust }),
    ).rejects.toThrow(FormError);
    await expect(agreements.create(w.viewers.member, fields())).rejects.toThrow(ForbiddenError);
  });

  it('lets the partner report delivery linked to its own activity and insight only', async () => {
    const { agreements, outreach } = w.t.services;
    const activityId = await outreach.record(w.viewers.member, {
      kind: 'event',
      title: 'Family health morning',
      heldOn: '2026-09-20',
      peopleReached: '30',
      communities: ['Refugees and people seeking asylum'],
    });
    const theirActivity = await outreach.record(w.viewers.otherMember, {
      kind: 'visit',
      title: 'Their visit',
      heldOn: '2026-09-21',
      peopleReached: '5',
      communities: ['Unpaid carers'],
    });
    const { deliverables } = await agreements.deliveryOptions(w.viewers.member, id);
    const report = {
      deliverableId: deliverables[0]!.id,
      quantity: '6',
      deliveredOn: '2026-09-30',
      notes: 'Six sessions held',
    };
    await expect(
      agreements.reportDelivery(w.viewers.member, id, { ...report, activityId: theirActivity }),
    ).rejects.toThrow(FormError);
    await agreements.reportDelivery(w.viewers.member, id, { ...report, activityId });
    const detail = await agreements.get(w.viewers.member, id);
    expect(detail.deliverables[0]!.delivered).toBe(6);
    expect(detail.deliveries[0]!.activityTitle).toBe('Family health morning');
    await expect(agreements.get(w.viewers.otherMember, id)).rejects.toThrow(NotFoundError);
    await expect(agreements.reportDelivery(w.viewers.otherMember, id, report)).rejects.toThrow(NotFoundError);
    expect(await agreements.list(w.viewers.otherMember)).toEqual([]);
  });

  it('totals funding by financial year and by group served', async () => {
    const { byYear, byGroup } = await w.t.services.agreements.totals(w.viewers.staff);
    expect(byYear).toEqual([{ year: 2026, label: '2026/27', scheduledPence: 900_000, paidPence: 600_000 }]);
    expect(byGroup.map((g) => [g.community, g.amountPence])).toEqual([
      ['Refugees and people seeking asylum', 1_200_000],
      ['Unpaid carers', 1_200_000],
    ]);
    await expect(w.t.services.agreements.totals(w.viewers.member)).rejects.toThrow(ForbiddenError);
  });
});
