import ical from 'ical-generator';
import type { Meeting } from './meeting.ts';

/** One meeting as an iCalendar file, so people can add it to Outlook or their phone. */
export function meetingCalendar(meeting: Meeting, url: string): string {
  const calendar = ical({
    name: 'Health Equality Partnership',
    prodId: { company: 'Parity', product: 'Parity' },
  });
  calendar.createEvent({
    id: `${meeting.id}@parity`,
    start: new Date(meeting.startsAt),
    end: new Date(meeting.endsAt),
    summary: meeting.title,
    location: meeting.location,
    description: [meeting.description ?? '', `Agenda and papers: ${url}`].filter(Boolean).join('\n\n'),
    url,
  });
  return calendar.toString();
}
