import type { FastifyReply } from 'fastify';
import { FormError } from '../../features/shared/errors.ts';
import { formErrors } from '../render.ts';

export type FormBody = Record<string, string | undefined>;

/** Form fields as strings; repeated fields keep their last value; the CSRF field is dropped. */
export function formBody(body: unknown): FormBody {
  const result: FormBody = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    const last: unknown = Array.isArray(value) ? value.at(-1) : value;
    if (typeof last === 'string') result[key] = last;
  }
  return result;
}

/**
 * Runs a change; when the input is wrong, shows the form again with the error summary, the
 * person's own values (never passwords) and a 400 status.
 */
export async function handleForm(
  reply: FastifyReply,
  form: { template: string; context: Record<string, unknown>; values: FormBody },
  change: () => Promise<unknown>,
): Promise<FastifyReply | undefined> {
  try {
    await change();
    return undefined;
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    const { password: _p, confirmPassword: _c, ...values } = form.values;
    reply.code(400);
    return reply.view(form.template, { ...form.context, values, ...formErrors(error.errors) });
  }
}

/** Only paths on this site, so a crafted link cannot send people elsewhere after signing in. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/dashboard';
}
