import type { FastifyRequest } from 'fastify';
import type { EdsUser } from '../../features/eds-reviews/review.ts';

/** The signed-in person as the EDS services want them. Only used behind requirePermission. */
export function edsUser(request: FastifyRequest): EdsUser {
  const user = request.viewer!.user;
  return { id: user.id, label: user.name, role: user.role, organisationId: user.organisationId };
}

export function params(request: FastifyRequest): Record<string, string> {
  return request.params as Record<string, string>;
}

export function scoreText(scale: { label: string }[], score: number | null): string {
  return score === null ? 'Not yet graded' : `${score} – ${scale[score]?.label ?? ''}`;
}
