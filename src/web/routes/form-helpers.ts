import type { FastifyReply } from 'fastify';
import { FormError } from '../../features/shared/errors.ts';
import { formErrors } from '../render.ts';

export type FormBody = Record<string, string | undefined>;

/** Every value of a repeated field (checkboxes), as strings. */
export function allValues(body: unknown, field: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return [value].flat().filter((v): v is string => typeof v === 'string');
}

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
 * person's own values (never passwords) and a 400 status, and returns true: the handler then
 * returns `reply` and sends nothing else (`return shown ? reply : reply.redirect(…)`).
 *
 * It returns a flag, not the reply: a Fastify reply is "thenable", so an async function that
 * returns it resolves to undefined once it has been sent, which read as "nothing shown" and sent a
 * second answer ("Reply was already sent").
 */
export async function handleForm(
  reply: FastifyReply,
  form: {
    template: string;
    /** What the page shows besides the form; a function when it is costly and only needed on error. */
    context: Record<string, unknown> | (() => Promise<Record<string, unknown>>);
    values: FormBody;
  },
  change: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await change();
    return false;
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    const { password: _p, confirmPassword: _c, ...values } = form.values;
    reply.code(400);
    const context = typeof form.context === 'function' ? await form.context() : form.context;
    reply.view(form.template, { ...context, values, ...formErrors(error.errors) });
    return true;
  }
}

/** Only paths on this site, so a crafted link cannot send people elsewhere after signing in. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/dashboard';
}
