import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Database, MeetingTable } from '../../db/schema.ts';
import type { AgendaItem, Attendance, AttendanceKind, Meeting, MeetingDetail } from './meeting.ts';

function toMeeting(row: Selectable<MeetingTable>): Meeting {
  return {
    id: row.id,
    title: row.title,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    location: row.location,
    description: row.description,
    minutes: row.minutes,
    agendaPublished: Number(row.agenda_published) === 1,
    minutesPublished: Number(row.minutes_published) === 1,
  };
}

export async function insertMeeting(
  db: Kysely<Database>,
  meeting: Pick<Meeting, 'id' | 'title' | 'startsAt' | 'endsAt' | 'location' | 'description'>,
  at: string,
): Promise<void> {
  await db
    .insertInto('meetings')
    .values({
      id: meeting.id,
      title: meeting.title,
      starts_at: meeting.startsAt,
      ends_at: meeting.endsAt,
      location: meeting.location,
      description: meeting.description,
      agenda_published: 0,
      minutes_published: 0,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updateMeeting(
  db: Kysely<Database>,
  id: string,
  changes: Partial<{ minutes: string; agenda_published: number; minutes_published: number }>,
  at: string,
): Promise<void> {
  await db
    .updateTable('meetings')
    .set({ ...changes, updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function findMeetings(
  db: Kysely<Database>,
  options: { publishedOnly: boolean },
): Promise<Meeting[]> {
  let query = db.selectFrom('meetings').selectAll();
  if (options.publishedOnly) query = query.where('agenda_published', '=', 1);
  return (await query.orderBy('starts_at', 'desc').execute()).map(toMeeting);
}

export async function findMeeting(db: Kysely<Database>, id: string): Promise<MeetingDetail | undefined> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [agenda, attendance, decisions] = await Promise.all([
    db
      .selectFrom('meeting_agenda_items')
      .selectAll()
      .where('meeting_id', '=', id)
      .orderBy('position')
      .execute(),
    db.selectFrom('meeting_attendance').selectAll().where('meeting_id', '=', id).orderBy('name').execute(),
    db
      .selectFrom('meeting_decisions')
      .selectAll()
      .where('meeting_id', '=', id)
      .orderBy('created_at')
      .execute(),
  ]);
  return {
    ...toMeeting(row),
    agenda: agenda.map((a): AgendaItem => ({
      id: a.id,
      position: Number(a.position),
      title: a.title,
      notes: a.notes,
      targetType: a.target_type as AgendaItem['targetType'],
      targetId: a.target_id,
    })),
    attendance: attendance.map((a): Attendance => ({
      id: a.id,
      name: a.name,
      organisationName: a.organisation_name,
      attendance: a.attendance as AttendanceKind,
    })),
    decisions: decisions.map((d) => ({ id: d.id, body: d.body, createdAt: d.created_at })),
  };
}

export async function insertAgendaItem(
  db: Kysely<Database>,
  meetingId: string,
  item: Omit<AgendaItem, 'id' | 'position'>,
  at: string,
): Promise<string> {
  const last = await db
    .selectFrom('meeting_agenda_items')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  const id = randomUUID();
  await db
    .insertInto('meeting_agenda_items')
    .values({
      id,
      meeting_id: meetingId,
      position: Number(last?.position ?? 0) + 1,
      title: item.title,
      notes: item.notes,
      target_type: item.targetType,
      target_id: item.targetId,
      created_at: at,
    })
    .execute();
  return id;
}

export async function insertAttendance(
  db: Kysely<Database>,
  meetingId: string,
  person: Omit<Attendance, 'id'>,
  at: string,
): Promise<void> {
  await db
    .insertInto('meeting_attendance')
    .values({
      id: randomUUID(),
      meeting_id: meetingId,
      name: person.name,
      organisation_name: person.organisationName,
      attendance: person.attendance,
      created_at: at,
    })
    .execute();
}

export async function insertDecision(
  db: Kysely<Database>,
  meetingId: string,
  body: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('meeting_decisions')
    .values({ id: randomUUID(), meeting_id: meetingId, body, created_at: at })
    .execute();
}
