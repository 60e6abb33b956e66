import type { FastifyInstance } from 'fastify';
import { can } from '../../features/access/access.policy.ts';
import type { Role } from '../../features/accounts/account.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { partnershipCards } from './partnership-cards.ts';

const headings: Record<Role, string> = {
  admin: 'Administration',
  staff: 'Your work',
  member: 'Your partnership',
  grader: 'Your EDS grading',
};

export function dashboardRoutes(app: FastifyInstance): void {
  app.get('/dashboard', { preHandler: requirePermission('dashboard:view') }, (request, reply) => {
    const user = request.viewer!.user;
    const who = { id: user.id, role: user.role };
    const cards = [];
    if (can(who, 'users:list')) {
      cards.push({
        heading: 'Accounts',
        href: '/admin/users',
        description: 'Invite people, change roles and disable accounts.',
      });
    }
    if (can(who, 'audit:read')) {
      cards.push({
        heading: 'Audit log',
        href: '/admin/audit',
        description: 'Every change, who made it and when.',
      });
    }
    if (can(who, 'eds:manage')) {
      cards.push({
        heading: 'Equality Delivery System',
        href: '/eds',
        description: 'Run the annual EDS review: evidence, graders, agreed ratings and the published report.',
      });
    }
    if (can(who, 'eds:grade')) {
      cards.push({
        heading: 'Grade EDS outcomes',
        href: '/eds/grading',
        description: 'Read the evidence and grade the outcomes you have been asked to.',
      });
    }
    cards.push(...partnershipCards(who));
    cards.push({
      heading: 'Your account',
      href: '/account',
      description: 'Your details and how to change your password.',
    });
    return reply.view('pages/dashboard.njk', {
      pageTitle: headings[user.role],
      heading: headings[user.role],
      cards,
    });
  });
}
