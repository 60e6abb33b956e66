import { z } from 'zod';
import { communities } from '../memberships/communities.ts';
import { choiceList, isoDate, optionalText, requiredText } from '../memberships/form-fields.ts';
import { agreementStatuses } from './agreement.ts';
import { penceFromPounds } from './money.ts';

function pounds(message: string) {
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .transform((v, ctx) => {
      const pence = penceFromPounds(v);
      if (pence === null || pence <= 0) {
        ctx.addIssue({ code: 'custom', message: 'Enter an amount in pounds, like 12500 or 12,500.00' });
        return z.NEVER;
      }
      return pence;
    });
}

function wholeNumber(message: string, max: number) {
  return z.coerce
    .number({ error: message })
    .int(message)
    .min(1, 'Enter a number of 1 or more')
    .max(max, `Enter a number up to ${max}`);
}

export const agreementSchema = z
  .object({
    organisationId: requiredText('Choose the partner organisation', 100),
    title: requiredText('Enter a name for the agreement', 200),
    purpose: requiredText('Describe what the funding is for', 4000),
    placeId: optionalText(100),
    startsOn: isoDate('Enter the start date, like 2026-04-01'),
    endsOn: isoDate('Enter the end date, like 2027-03-31'),
    amount: pounds('Enter the total funding'),
    status: z.enum(agreementStatuses, { error: 'Select the status' }).optional().default('active'),
    communities: choiceList(communities, 'Select groups from the list').refine((l) => l.length > 0, {
      message: 'Select at least one group the agreement serves',
    }),
  })
  .refine((v) => v.endsOn > v.startsOn, {
    message: 'The end date must be after the start date',
    path: ['endsOn'],
  });

export const instalmentSchema = z.object({
  dueOn: isoDate('Enter the date the payment is due, like 2026-07-01'),
  amount: pounds('Enter the amount of the payment'),
});

export const paidSchema = z.object({ paidOn: isoDate('Enter the date it was paid, like 2026-07-03') });

export const deliverableSchema = z.object({
  description: requiredText('Describe the deliverable, like engagement sessions with carers', 300),
  community: z
    .union([z.enum(communities), z.literal('')])
    .optional()
    .transform((v) => (v ? v : null)),
  target: wholeNumber('Enter how many, as a whole number', 10_000),
  dueOn: isoDate('Enter the date it is due by, like 2027-03-31'),
});

export const milestoneSchema = z.object({
  title: requiredText('Enter the milestone', 300),
  dueOn: isoDate('Enter the date it is due, like 2026-09-30'),
});

export const metSchema = z.object({ metOn: isoDate('Enter the date it was met, like 2026-09-28') });

export const statusSchema = z.object({ status: z.enum(agreementStatuses, { error: 'Select the status' }) });

export const deliverySchema = z.object({
  deliverableId: requiredText('Choose the deliverable this counts towards', 100),
  quantity: wholeNumber('Enter how many were delivered, as a whole number', 10_000),
  deliveredOn: isoDate('Enter the date, like 2026-05-20'),
  notes: requiredText('Describe what was delivered', 4000),
  activityId: optionalText(100),
  insightId: optionalText(100),
});
