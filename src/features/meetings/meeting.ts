export const attendanceKinds = ['present', 'apologies', 'absent'] as const;
export type AttendanceKind = (typeof attendanceKinds)[number];

export const attendanceLabels: Record<AttendanceKind, string> = {
  present: 'Present',
  apologies: 'Sent apologies',
  absent: 'Absent',
};

export interface AgendaItem {
  id: string;
  position: number;
  title: string;
  notes: string | null;
  targetType: 'insight' | 'action' | 'initiative' | null;
  targetId: string | null;
}

export interface Attendance {
  id: string;
  name: string;
  organisationName: string | null;
  attendance: AttendanceKind;
}

export interface Meeting {
  id: string;
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  description: string | null;
  minutes: string | null;
  agendaPublished: boolean;
  minutesPublished: boolean;
}

export interface MeetingDetail extends Meeting {
  agenda: AgendaItem[];
  attendance: Attendance[];
  decisions: { id: string; body: string; createdAt: string }[];
}

/** Minutes from UTC to Europe/London at a moment (60 in summer time, 0 in winter). */
function londonOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** A date and time as people in the trust type them (UK time) to an ISO instant. */
export function londonToIso(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  return new Date(guess.getTime() - londonOffsetMinutes(guess) * 60_000).toISOString();
}

/** The UK date (YYYY-MM-DD) and time (HH:MM) of an instant, for form fields. */
export function isoToLondon(iso: string): { date: string; time: string } {
  const at = new Date(iso);
  const local = new Date(at.getTime() + londonOffsetMinutes(at) * 60_000).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
}
