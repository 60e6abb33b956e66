import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser } from '../../../test/factories.ts';
import type { Actor } from '../audit/audit.ts';
import { NotFoundError } from '../shared/errors.ts';
import { isoToLondon, londonToIso } from './meeting.ts';

describe('UK times', () => {
  it('converts summer and winter times to UTC and back', () => {
    expect(londonToIso('2030-07-01', '14:00')).toBe('2030-07-01T13:00:00.000Z');
    expect(londonToIso('2030-01-15', '14:00')).toBe('2030-01-15T14:00:00.000Z');
    expect(isoToLondon('2030-07-01T13:00:00.000Z')).toEqual({ date: '2030-07-01', time: '14:00' });
  });
});

describeEachDatabase('meetings', (current) => {
  let t: TestApp;
  let actor: Actor;
  const member = { managesMeetings: false };
  const staff = { managesMeetings: true };
  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    const user = await makeUser(t.services, 'staff');
    actor = { id: user.id, label: user.name };
  });

  it('shows members the agenda once published and the minutes only once those are published', async () => {
    const id = await t.services.meetings.create(actor, {
      title: 'Autumn',
      date: '2030-10-14',
      startTime: '14:00',
      endTime: '16:00',
      location: 'Room 1',
    });
    await t.services.meetings.addAgendaItem(actor, id, {
      title: 'Interpreting',
      target: `action:${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}`,
    });
    await t.services.meetings.addAttendance(actor, id, { name: 'Pat', attendance: 'present' });
    await t.services.meetings.saveMinutes(actor, id, { minutes: 'Discussed interpreting.' });
    await t.services.meetings.addDecision(actor, id, { body: 'Agreed to pilot video interpreting.' });
    await expect(t.services.meetings.get(member, id)).rejects.toThrow(NotFoundError);
    expect(await t.services.meetings.list(member)).toEqual([]);
    await t.services.meetings.publish(actor, id, { agendaPublished: 'yes', minutesPublished: 'no' });
    const agendaOnly = await t.services.meetings.get(member, id);
    expect([
      agendaOnly.agenda[0]!.title,
      agendaOnly.agenda[0]!.targetId,
      agendaOnly.minutes,
      agendaOnly.decisions,
    ]).toEqual(['Interpreting', null, null, []]);
    await t.services.meetings.publish(actor, id, { agendaPublished: 'yes', minutesPublished: 'yes' });
    const full = await t.services.meetings.get(member, id);
    expect([full.minutes, full.attendance.length, full.decisions.length]).toEqual([
      'Discussed interpreting.',
      1,
      1,
    ]);
    expect((await t.services.meetings.get(staff, id)).agenda[0]!.targetType).toBe('action');
    const ics = await t.services.meetings.calendar(member, id);
    expect(ics).toContain('DTSTART:20301014T130000Z');
    expect(ics).toContain('LOCATION:Room 1');
  });
});
