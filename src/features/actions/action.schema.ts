import { z } from 'zod';
import { isoDate, optionalText, requiredText } from '../memberships/form-fields.ts';
import { actionStatuses, actionTargetTypes } from './action.ts';

const flag = z
  .union([z.boolean(), z.enum(['yes', 'no'])])
  .optional()
  .transform((v) => v === true || v === 'yes');

const ownerUserId = z
  .string()
  .trim()
  .optional()
  .nullable()
  .transform((v) => (v ? v : null));

const details = {
  title: requiredText('Enter what will be done', 200),
  description: requiredText('Describe the action', 4000),
  ownerUserId,
  ownerRoleLabel: requiredText('Enter the role responsible, for example Head of Outpatients', 200),
  directorate: requiredText('Enter the directorate or service', 200),
  dueDate: isoDate('Enter the due date as a date, like 2026-09-30'),
  publishable: flag,
  publicSummary: optionalText(2000),
};

const publicSummaryWhenPublishable = <T extends { publishable: boolean; publicSummary: string | null }>(
  v: T,
) => !v.publishable || v.publicSummary !== null;
const summaryMessage = {
  message: 'Enter a public summary before marking the action publishable',
  path: ['publicSummary'],
};

export const createActionSchema = z
  .object({ ...details, status: z.enum(actionStatuses).optional().default('agreed') })
  .refine(publicSummaryWhenPublishable, summaryMessage);

export const editActionSchema = z.object(details).refine(publicSummaryWhenPublishable, summaryMessage);

export const actionUpdateSchema = z.object({
  body: requiredText('Enter the progress update', 4000),
});

export const actionStatusSchema = z
  .object({
    status: z.enum(actionStatuses, { error: 'Select the new status' }),
    reason: optionalText(2000),
  })
  .refine((v) => v.status !== 'not_possible' || v.reason !== null, {
    message: 'Explain why the action is not possible; this reason may be published',
    path: ['reason'],
  });

export const actionLinkSchema = z.object({
  targetType: z.enum(actionTargetTypes, { error: 'Choose what the action answers' }),
  targetId: requiredText('Choose what the action answers', 100),
});
