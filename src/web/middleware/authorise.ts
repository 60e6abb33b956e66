import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { can, type Permission } from '../../features/access/access.policy.ts';
import { ForbiddenError } from '../../features/shared/errors.ts';

/** Route guard: anonymous visitors are sent to sign in; signed-in people without the permission get 403. */
export function requirePermission(permission: Permission): preHandlerAsyncHookHandler {
  return async function guard(request: FastifyRequest, reply: FastifyReply) {
    if (!request.viewer) {
      const next = encodeURIComponent(request.url);
      return reply.redirect(`/sign-in?next=${next}`, 303);
    }
    if (!can({ id: request.viewer.user.id, role: request.viewer.user.role }, permission)) {
      throw new ForbiddenError(`Needs ${permission}`);
    }
  };
}
