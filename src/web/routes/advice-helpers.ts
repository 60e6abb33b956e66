import type { FastifyRequest } from 'fastify';
import { can } from '../../features/access/access.policy.ts';
import type { AdviceViewer } from '../../features/initiatives/initiative.ts';
import type { FormBody } from './form-helpers.ts';

/** Form fields as strings, except the named checkbox lists, which stay lists. */
export function formWithLists(body: unknown, lists: string[]): FormBody {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (!values.length) continue;
    result[key] = lists.includes(key) ? values : values.at(-1)!;
  }
  return result as FormBody;
}

export function adviceViewerOf(request: FastifyRequest): AdviceViewer {
  const user = request.viewer!.user;
  return { id: user.id, name: user.name, role: user.role, organisationId: user.organisationId };
}

export function managesOf(request: FastifyRequest): boolean {
  const user = request.viewer!.user;
  return can({ id: user.id, role: user.role }, 'initiatives:manage');
}

/** Route parameters of the advice and EHIA pages. */
export function paramsOf(request: FastifyRequest): { id: string; key: string } {
  const params = request.params as { id?: string; key?: string };
  return { id: params.id ?? '', key: params.key ?? '' };
}
