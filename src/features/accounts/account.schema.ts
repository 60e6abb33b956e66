import { z } from 'zod';
import { passwordMinLength, roles } from './account.ts';

const email = z
  .string({ error: 'Enter an email address' })
  .trim()
  .min(1, 'Enter an email address')
  .max(254, 'Email address must be 254 characters or fewer')
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.org' }));

const name = z
  .string({ error: 'Enter a full name' })
  .trim()
  .min(1, 'Enter a full name')
  .max(200, 'Name must be 200 characters or fewer');

const role = z.enum(roles, { error: 'Select a role' });

const organisationId = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null));

const newPassword = z
  .string({ error: 'Enter a password' })
  .min(passwordMinLength, `Password must be at least ${passwordMinLength} characters`)
  .max(200, 'Password must be 200 characters or fewer');

export const signInSchema = z.object({
  email: email,
  password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password'),
});

export const inviteSchema = z.object({ name, email, role, organisationId });

export const createUserSchema = z.object({ name, email, role, organisationId, password: newPassword });

export const editUserSchema = z.object({
  name,
  role,
  organisationId,
  status: z.enum(['active', 'disabled'], { error: 'Select whether the account is active' }),
});

export const setPasswordSchema = z
  .object({
    password: newPassword,
    confirmPassword: z.string({ error: 'Confirm the password' }).min(1, 'Confirm the password'),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: 'The passwords do not match',
    path: ['confirmPassword'],
  });

export const resetRequestSchema = z.object({ email });
