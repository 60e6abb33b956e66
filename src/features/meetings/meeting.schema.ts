import { z } from 'zod';
import { isoDate, optionalText, requiredText, yesNo } from '../memberships/form-fields.ts';
import { attendanceKinds } from './meeting.ts';

const time = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, message);

export const meetingSchema = z
  .object({
    title: requiredText('Enter the meeting’s title', 200),
    date: isoDate('Enter the date as a date, like 2026-10-14'),
    startTime: time('Enter the start time in 24-hour format, like 14:00'),
    endTime: time('Enter the end time in 24-hour format, like 16:00'),
    location: requiredText('Enter where the meeting is, or how to join online', 300),
    description: optionalText(2000),
  })
  .refine((v) => v.endTime > v.startTime, {
    message: 'The end time must be after the start time',
    path: ['endTime'],
  });

export const agendaItemSchema = z.object({
  title: requiredText('Enter the agenda item', 300),
  notes: optionalText(2000),
  target: z
    .string()
    .trim()
    .optional()
    .transform((v) => v ?? '')
    .refine((v) => v === '' || /^(insight|action|initiative):[0-9a-f-]{36}$/.test(v), {
      message: 'Choose an insight item, action or initiative from the list',
    }),
});

export const attendanceSchema = z.object({
  name: requiredText('Enter the person’s name', 200),
  organisationName: optionalText(200),
  attendance: z.enum(attendanceKinds, { error: 'Select whether they attended' }),
});

export const minutesSchema = z.object({ minutes: requiredText('Enter the minutes', 20000) });

export const decisionSchema = z.object({ body: requiredText('Enter the decision', 2000) });

export const publishSchema = z.object({
  agendaPublished: yesNo('Select whether members can see the agenda'),
  minutesPublished: yesNo('Select whether members can see the minutes'),
});
