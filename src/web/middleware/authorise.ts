import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { can, type Permission } from '../../features/access/access.policy.ts';
import { ForbiddenError } from '../../features/shared/errors.ts';

/** Whether the signed-in person (nobody, for a visitor) has the permission: what a page offers them. */
export function viewerCan(request: FastifyRequest, permission: Permission): boolean {
  const viewer = request.viewer;
  return Boolean(viewer) && can({ id: viewer!.user.id, role: viewer!.user.role }, permission);
}

/** Route guard: anonymous visitors are sent to sign in; signed-in people without the permission get 403. */
export function requirePermission(permission: Permission): preHandlerAsyncHookHandler {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    if (!request.viewer) {
      const next = encodeURIComponent(request.url);
      return reply.redirect(`/sign-in?next=${next}`, 303);
    }
    if (!viewerCan(request, permission)) {
      throw new ForbiddenError(`Needs ${permission}`);
    }
  };
}
