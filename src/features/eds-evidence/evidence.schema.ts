import { z } from 'zod';

/** A web address, or a path on this site such as an insight, action or analytics result. */
const link = z
  .string()
  .trim()
  .max(2000, 'The link must be 2000 characters or fewer')
  .refine((v) => v === '' || /^\/(?![/\\])\S*$/.test(v) || /^https?:\/\/[^\s]+$/i.test(v), {
    message: 'Enter a link starting with https://, or a page on this site starting with /',
  })
  .optional()
  .transform((v) => v || null);

export const evidenceSchema = z.object({
  title: z
    .string({ error: 'Enter a title' })
    .trim()
    .min(1, 'Enter a title')
    .max(200, 'The title must be 200 characters or fewer'),
  summary: z
    .string()
    .trim()
    .max(4000, 'The summary must be 4000 characters or fewer')
    .optional()
    .transform((v) => v ?? ''),
  linkUrl: link,
  providedBy: z
    .string({ error: 'Enter who provided the evidence' })
    .trim()
    .min(1, 'Enter who provided the evidence')
    .max(200, 'Who provided it must be 200 characters or fewer'),
});
