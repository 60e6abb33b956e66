import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../features/audit/audit.ts';
import type { InsightViewer } from '../../features/insights/insight.ts';
import type { FormBody } from './form-helpers.ts';

/** Fields whose checkboxes send several values; everything else keeps its last value, as formBody does. */
const listFields = new Set(['communities', 'themeIds']);

/**
 * Form fields for the partnership's forms: like formBody, but checkbox lists stay lists so both the
 * service and the re-shown form see every ticked box.
 */
export function partnershipForm(body: unknown): FormBody {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf') continue;
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (!values.length) continue;
    result[key] = listFields.has(key) ? values : values.at(-1)!;
  }
  return result as FormBody;
}

export function actorOf(request: FastifyRequest): Actor {
  const user = request.viewer!.user;
  return { id: user.id, label: user.name };
}

export function insightViewerOf(request: FastifyRequest): InsightViewer {
  const user = request.viewer!.user;
  return { id: user.id, name: user.name, role: user.role, organisationId: user.organisationId };
}

export function idParam(request: FastifyRequest): string {
  return (request.params as { id: string }).id;
}

export function queryOf(request: FastifyRequest): Record<string, string | undefined> {
  const query = request.query as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(query).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : Array.isArray(v) ? String(v.at(-1)) : undefined,
    ]),
  );
}

/** For select and radio items: [{ value, text }] from a label map. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ value, text: labels[value] }));
}
