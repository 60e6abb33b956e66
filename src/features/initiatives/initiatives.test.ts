import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/test-db.ts';
import { buildTestApp, type TestApp } from '../../../test/test-app.ts';
import { makeUser } from '../../../test/factories.ts';
import { systemActor, type Actor } from '../audit/audit.ts';
import { FormError, ForbiddenError, NotFoundError } from '../shared/errors.ts';
import { stageOf, tallyAnswers, windowIsOpen, type AdviceViewer, type Initiative } from './initiative.ts';

describe('initiative stages', () => {
  const base = { windowOpensOn: '2030-06-01', windowClosesOn: '2030-06-14', published: false } as Initiative;
  it('opens the window for whole days and works out the stage from what is recorded', () => {
    expect(windowIsOpen(base, '2030-05-31')).toBe(false);
    expect(windowIsOpen(base, '2030-06-01')).toBe(true);
    expect(windowIsOpen(base, '2030-06-14')).toBe(true);
    expect(stageOf(base, '2030-05-01')).toBe('preparing');
    expect(stageOf(base, '2030-06-02')).toBe('open');
    expect(stageOf(base, '2030-06-15')).toBe('closed');
    expect(stageOf({ ...base, adviceAt: '2030-06-20' }, '2030-06-15')).toBe('advice_given');
    expect(stageOf({ ...base, adviceAt: 'x', responseAt: 'y' }, '2030-06-15')).toBe('responded');
    expect(stageOf({ ...base, responseAt: 'y', published: true }, '2030-06-15')).toBe('published');
  });

  it('counts each answer once per question', () => {
    const questions = [{ id: 'q1', position: 1, question: 'Q?' }];
    const answer = { questionId: 'q1', organisationName: 'A', comment: null, updatedAt: '' };
    const tally = tallyAnswers(questions, [
      { ...answer, organisationId: 'a', answer: 'agree' },
      { ...answer, organisationId: 'b', answer: 'agree' },
      { ...answer, organisationId: 'c', answer: 'disagree' },
    ]);
    expect(tally[0]!.counts.map((c) => c.count)).toEqual([2, 0, 1, 0]);
  });
});

describeEachDatabase('perspective and advice', (current) => {
  let t: TestApp;
  let staff: Actor;
  let staffViewer: AdviceViewer;
  let otherStaff: AdviceViewer;
  let ours: AdviceViewer;
  let theirs: AdviceViewer;
  let id = '';

  beforeAll(async () => {
    t = await buildTestApp(current().handle);
    t.clock.now = new Date('2030-05-20T10:00:00Z');
    const a = await t.services.organisations.create(systemActor, { name: 'Ours', kind: 'community_group' });
    const b = await t.services.organisations.create(systemActor, { name: 'Theirs', kind: 'vcse' });
    const lead = await makeUser(t.services, 'staff', { name: 'Service Lead' });
    const other = await makeUser(t.services, 'staff');
    const m1 = await makeUser(t.services, 'member', { organisationId: a.id });
    const m2 = await makeUser(t.services, 'member', { organisationId: b.id });
    staff = { id: lead.id, label: lead.name };
    staffViewer = { id: lead.id, name: lead.name, role: 'staff', organisationId: null };
    otherStaff = { id: other.id, name: other.name, role: 'staff', organisationId: null };
    ours = { id: m1.id, name: m1.name, role: 'member', organisationId: a.id };
    theirs = { id: m2.id, name: m2.name, role: 'member', organisationId: b.id };
    id = await t.services.initiatives.create(staff, {
      title: 'Text reminders',
      service: 'Outpatients',
      summary: 'Shorter letters and text reminders.',
      decisionDate: '2030-08-01',
      questions: 'Would this work?\n\n  Which languages first?  \n',
    });
  });

  it('checks what is typed and that the lead is trust staff', async () => {
    await expect(
      t.services.initiatives.create(staff, { title: '', decisionDate: '2030-02-30' }),
    ).rejects.toSatisfy(
      (e: FormError) => e.errors.map((x) => x.field).join() === 'title,service,summary,decisionDate',
    );
    const input = { title: 'T', service: 'S', summary: 'S', decisionDate: '2030-08-01', leadUserId: ours.id };
    await expect(t.services.initiatives.create(staff, input)).rejects.toBeInstanceOf(FormError);
    const detail = await t.services.initiatives.get(staffViewer, id);
    expect(detail.questions.map((q) => [q.position, q.question])).toEqual([
      [1, 'Would this work?'],
      [2, 'Which languages first?'],
    ]);
    expect(detail.leadName).toBe('Service Lead');
  });

  it('shows members an initiative only once its window opens, and takes answers only while open', async () => {
    await expect(t.services.initiatives.get(ours, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await t.services.initiatives.list(ours)).toEqual([]);
    await expect(
      t.services.initiatives.setWindow(staff, id, {
        windowOpensOn: '2030-06-10',
        windowClosesOn: '2030-06-01',
      }),
    ).rejects.toBeInstanceOf(FormError);
    await t.services.initiatives.setWindow(staff, id, {
      windowOpensOn: '2030-05-20',
      windowClosesOn: '2030-06-01',
    });
    expect((await t.services.initiatives.list(ours)).map((i) => i.stage)).toEqual(['open']);
    await expect(t.services.initiatives.answer(ours, id, { 'answer-1': 'agree' })).rejects.toSatisfy(
      (e: FormError) => e.errors[0]!.message === 'Select an answer to question 2',
    );
    await t.services.initiatives.answer(ours, id, {
      'answer-1': 'agree',
      'answer-2': 'partly',
      'comment-2': 'Somali',
    });
    await t.services.initiatives.answer(ours, id, { 'answer-1': 'disagree', 'answer-2': 'partly' });
    await t.services.initiatives.answer(theirs, id, { 'answer-1': 'agree', 'answer-2': 'not_sure' });
    const mine = await t.services.initiatives.answers(ours, id);
    expect(mine[0]!.answers.map((a) => [a.organisationName, a.answer])).toEqual([['Ours', 'disagree']]);
    const all = await t.services.initiatives.answers(staffViewer, id);
    expect(all[0]!.counts.map((c) => c.count)).toEqual([1, 0, 1, 0]);
    t.clock.now = new Date('2030-06-02T09:00:00Z');
    await expect(
      t.services.initiatives.answer(ours, id, { 'answer-1': 'agree', 'answer-2': 'agree' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect((await t.services.initiatives.list(staffViewer))[0]!.organisationsAnswered).toBe(2);
  });

  it('puts the initiative on a meeting agenda, linked both ways', async () => {
    const meetingId = await t.services.meetings.create(staff, {
      title: 'Summer meeting',
      date: '2030-06-20',
      startTime: '14:00',
      endTime: '16:00',
      location: 'Room 1',
    });
    await t.services.initiatives.addToAgenda(staff, id, { meetingId });
    const meeting = await t.services.meetings.get({ managesMeetings: true }, meetingId);
    expect(meeting.agenda.map((a) => [a.targetType, a.targetId])).toEqual([['initiative', id]]);
    expect((await t.services.initiatives.get(staffViewer, id)).agenda.map((a) => a.meetingTitle)).toEqual([
      'Summer meeting',
    ]);
  });

  it('lets only the service lead respond, after the advice, and publishes both to "you said, we did"', async () => {
    const response = { responseChanged: 'Reminders in Somali.', responseUnchanged: 'Letters stay.' };
    await expect(t.services.advice.recordResponse(staffViewer, id, response)).rejects.toBeInstanceOf(
      FormError,
    );
    await expect(
      t.services.advice.publish(staff, id, { publicSummary: 'We asked', published: 'yes' }),
    ).rejects.toBeInstanceOf(FormError);
    await t.services.advice.writeAdvice(staff, id, { adviceSummary: 'Offer reminders in Somali.' });
    await expect(t.services.advice.recordResponse(otherStaff, id, response)).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await t.services.advice.recordResponse(staffViewer, id, response);
    expect((await t.services.accountability.page({})).advice).toEqual([]);
    await expect(t.services.advice.publish(staff, id, { published: 'yes' })).rejects.toBeInstanceOf(
      FormError,
    );
    await t.services.advice.publish(staff, id, {
      publicSummary: 'Text reminders for appointments.',
      published: 'yes',
    });
    const published = (await t.services.accountability.page({})).advice;
    expect(published.map((a) => [a.weAsked, a.youSaid, a.weChanged, a.weDidNotChange])).toEqual([
      [
        'Text reminders for appointments.',
        'Offer reminders in Somali.',
        'Reminders in Somali.',
        'Letters stay.',
      ],
    ]);
    const trail = await t.services.audit.list({ entityId: id, page: 1 });
    expect(trail.entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'initiative.create',
        'initiative.answer',
        'initiative.advice',
        'initiative.response',
        'initiative.publish',
      ]),
    );
  });

  it('logs each decision with whether the duty to involve applied and how it was met', async () => {
    const decision = {
      decidedOn: '2030-08-01',
      decision: 'Go ahead',
      dutyApplies: 'yes',
      explanation: 'Partnership involved',
    };
    await expect(t.services.advice.recordDecision(staff, id, decision)).rejects.toSatisfy(
      (e: FormError) => e.errors[0]!.field === 'dutySection',
    );
    await t.services.advice.recordDecision(staff, id, { ...decision, dutySection: 's242' });
    await t.services.advice.recordDecision(staff, id, {
      ...decision,
      decidedOn: '2030-09-01',
      dutyApplies: 'no',
      dutySection: 's242',
      explanation: 'Wording only',
    });
    const log = await t.services.advice.decisions();
    expect(log.map((d) => [d.decidedOn, d.dutyApplies, d.dutySection, d.initiativeTitle])).toEqual([
      ['2030-09-01', false, 'none', 'Text reminders'],
      ['2030-08-01', true, 's242', 'Text reminders'],
    ]);
  });
});
