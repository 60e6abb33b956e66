import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Actor } from '../audit/audit.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { auditedChange } from '../audit/audited-change.ts';
import { NotFoundError } from '../shared/errors.ts';
import { parseInput } from '../shared/validation.ts';
import { londonToIso, type AgendaItem, type Meeting, type MeetingDetail } from './meeting.ts';
import { meetingCalendar } from './meeting-calendar.ts';
import {
  findMeeting,
  findMeetings,
  insertAgendaItem,
  insertAttendance,
  insertDecision,
  insertMeeting,
  updateMeeting,
} from './meeting.repository.ts';
import {
  agendaItemSchema,
  attendanceSchema,
  decisionSchema,
  meetingSchema,
  minutesSchema,
  publishSchema,
} from './meeting.schema.ts';

/** Staff see every meeting and draft; members see an agenda once published, minutes once published. */
export interface MeetingViewer {
  managesMeetings: boolean;
}

function forViewer(meeting: MeetingDetail, viewer: MeetingViewer): MeetingDetail {
  if (viewer.managesMeetings) return meeting;
  if (!meeting.agendaPublished) throw new NotFoundError('No such meeting');
  const agenda = meeting.agenda.map((a): AgendaItem => ({ ...a, targetType: null, targetId: null }));
  if (meeting.minutesPublished) return { ...meeting, agenda };
  return { ...meeting, agenda, minutes: null, attendance: [], decisions: [] };
}

export function createMeetingService(deps: {
  db: Kysely<Database>;
  audit: AuditService;
  clock: () => Date;
  baseUrl: string;
}) {
  const { db, audit, clock, baseUrl } = deps;
  const now = () => clock().toISOString();

  const audited = auditedChange(deps, { type: 'meeting', find: findMeeting, missing: 'No such meeting' });
  const change = (
    actor: Actor,
    id: string,
    summary: string,
    write: (trx: Kysely<Database>) => Promise<unknown>,
  ) =>
    audited(actor, id, 'meeting.change', async (trx, meeting) => {
      await write(trx);
      return `${summary} (${meeting.title})`;
    });

  async function get(viewer: MeetingViewer, id: string): Promise<MeetingDetail> {
    const meeting = await findMeeting(db, id);
    if (!meeting) throw new NotFoundError('No such meeting');
    return forViewer(meeting, viewer);
  }

  return {
    list: (viewer: MeetingViewer): Promise<Meeting[]> =>
      findMeetings(db, { publishedOnly: !viewer.managesMeetings }),
    get,

    async create(actor: Actor, input: unknown): Promise<string> {
      const data = parseInput(meetingSchema, input);
      const id = randomUUID();
      const meeting = {
        id,
        title: data.title,
        startsAt: londonToIso(data.date, data.startTime),
        endsAt: londonToIso(data.date, data.endTime),
        location: data.location,
        description: data.description,
      };
      await db.transaction().execute(async (trx) => {
        await insertMeeting(trx, meeting, now());
        await audit.record(trx, actor, {
          action: 'meeting.create',
          entityType: 'meeting',
          entityId: id,
          summary: `Scheduled the meeting ${data.title}`,
          after: meeting,
        });
      });
      return id;
    },

    async addAgendaItem(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(agendaItemSchema, input);
      const [type, targetId] = data.target ? data.target.split(':') : [null, null];
      await change(actor, id, `Added "${data.title}" to the agenda`, (trx) =>
        insertAgendaItem(
          trx,
          id,
          {
            title: data.title,
            notes: data.notes,
            targetType: type as AgendaItem['targetType'],
            targetId: targetId ?? null,
          },
          now(),
        ),
      );
    },

    async addAttendance(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(attendanceSchema, input);
      await change(actor, id, `Recorded the attendance of ${data.name}`, (trx) =>
        insertAttendance(trx, id, data, now()),
      );
    },

    async saveMinutes(actor: Actor, id: string, input: unknown): Promise<void> {
      const { minutes } = parseInput(minutesSchema, input);
      await change(actor, id, 'Saved the minutes', (trx) => updateMeeting(trx, id, { minutes }, now()));
    },

    async addDecision(actor: Actor, id: string, input: unknown): Promise<void> {
      const { body } = parseInput(decisionSchema, input);
      await change(actor, id, 'Recorded a decision', (trx) => insertDecision(trx, id, body, now()));
    },

    async publish(actor: Actor, id: string, input: unknown): Promise<void> {
      const data = parseInput(publishSchema, input);
      const summary = `Agenda ${data.agendaPublished ? 'published' : 'unpublished'}, minutes ${data.minutesPublished ? 'published' : 'unpublished'}`;
      await change(actor, id, summary, (trx) =>
        updateMeeting(
          trx,
          id,
          {
            agenda_published: data.agendaPublished ? 1 : 0,
            minutes_published: data.minutesPublished ? 1 : 0,
          },
          now(),
        ),
      );
    },

    async calendar(viewer: MeetingViewer, id: string): Promise<string> {
      const meeting = await get(viewer, id);
      return meetingCalendar(meeting, `${baseUrl}/meetings/${id}`);
    },
  };
}

export type MeetingService = ReturnType<typeof createMeetingService>;
