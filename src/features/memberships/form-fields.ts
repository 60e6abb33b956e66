import { z } from 'zod';

/** Zod building blocks for the partnership's forms: blank optional text becomes null. */
export function requiredText(message: string, max = 2000) {
  return z.string({ error: message }).trim().min(1, message).max(max, `Must be ${max} characters or fewer`);
}

export function optionalText(max = 2000) {
  return z
    .string()
    .trim()
    .max(max, `Must be ${max} characters or fewer`)
    .optional()
    .transform((v) => (v ? v : null));
}

export const optionalEmail = z
  .string()
  .trim()
  .max(254, 'Email address must be 254 characters or fewer')
  .optional()
  .transform((v) => (v ? v.toLowerCase() : null))
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' }).nullable());

export const requiredEmail = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' }))
  .transform((v) => v.toLowerCase());

export const optionalWebsite = z
  .string()
  .trim()
  .max(300, 'Website must be 300 characters or fewer')
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), {
    message: 'Enter a website address starting with https://, like https://example.org',
  });

export function yesNo(message: string) {
  return z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes');
}

/** An ISO calendar date typed as YYYY-MM-DD (from an <input type="date">). */
export function isoDate(message: string) {
  return z
    .string({ error: message })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine(
      (v) =>
        !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      {
        message,
      },
    );
}

/** Checkbox answers arrive as a string or a list of strings; keep only values from `allowed`. */
export function choiceList<T extends string>(allowed: readonly T[], message: string) {
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.enum(allowed as [T, ...T[]], { error: message })))
    .transform((list) => [...new Set(list)]);
}

/** Free text listing several things ("Northfields, Eastgate" or one per line) as a clean list. */
export function splitList(text: string | null | undefined): string[] {
  if (!text) return [];
  const items = text
    .split(/[,\n;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(items)].slice(0, 30);
}
