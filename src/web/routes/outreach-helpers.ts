import type { FastifyRequest } from 'fastify';
import { can, type Permission } from '../../features/access/access.policy.ts';
import { financialYearLabel, financialYearOf } from '../../features/outreach/financial-year.ts';
import type { Services } from '../../services.ts';

/** The last four financial years for a filter, newest first. */
export function yearItems(chosen: number, today: string) {
  const current = financialYearOf(today);
  return [0, 1, 2, 3].map((back) => ({
    value: String(current - back),
    text: financialYearLabel(current - back),
    selected: current - back === chosen,
  }));
}

export function todayOf(services: Services): string {
  return services.clock().toISOString().slice(0, 10);
}

/** Staff and administrators who can own a shared action. */
export async function actionOwners(services: Services) {
  return (await services.accounts.list()).filter(
    (u) => (u.role === 'staff' || u.role === 'admin') && u.status !== 'disabled',
  );
}

/** Partner organisations: every organisation but the trust itself. */
export async function partnerOrganisations(services: Services) {
  return (await services.organisations.list()).filter((o) => o.kind !== 'trust');
}

/** Whether the signed-in person (if any) holds a permission: for showing staff-only parts of a page. */
export function holds(request: FastifyRequest, permission: Permission): boolean {
  const user = request.viewer?.user;
  return can(user ? { id: user.id, role: user.role } : null, permission);
}
