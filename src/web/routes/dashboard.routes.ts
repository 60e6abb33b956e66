import type { FastifyInstance } from 'fastify';
import { can, type Viewer } from '../../features/access/access.policy.ts';
import type { Role } from '../../features/accounts/account.ts';
import type { Services } from '../../services.ts';
import { requirePermission } from '../middleware/authorise.ts';
import { adviceCards } from './advice-cards.ts';
import { partnershipCards } from './partnership-cards.ts';
import { thirdSectorCards } from './third-sector-cards.ts';

interface Card {
  heading: string;
  href: string;
  description: string;
}

const headings: Record<Role, string> = {
  admin: 'Administration',
  staff: 'Your work',
  member: 'Your partnership',
  grader: 'Your EDS grading',
};

function edsCards(who: Viewer): Card[] {
  const cards: Card[] = [];
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
  return cards;
}

function intelligenceCards(who: Viewer): Card[] {
  return [
    {
      heading: 'Health inequalities',
      href: '/analytics',
      description: can(who, 'analytics:manage')
        ? 'Core20PLUS5 indicators by deprivation, ethnic group and place: import data, review and publish.'
        : 'Core20PLUS5 indicators by deprivation, ethnic group and place.',
    },
  ];
}

function adminCards(who: Viewer): Card[] {
  const cards: Card[] = [];
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
  cards.push({
    heading: 'Your account',
    href: '/account',
    description: 'Your details and how to change your password.',
  });
  return cards;
}

/** The signed-in home: one section per part of Parity, showing only what the role can use. */
export function dashboardRoutes(app: FastifyInstance, services: Services): void {
  app.get('/dashboard', { preHandler: requirePermission('dashboard:view') }, async (request, reply) => {
    const user = request.viewer!.user;
    const who = { id: user.id, role: user.role };
    const sections = [
      {
        heading: 'Health Equality Partnership',
        cards: [...partnershipCards(who), ...(await adviceCards(who, services))],
      },
      { heading: 'Working with the third sector and places', cards: thirdSectorCards(who) },
      { heading: 'Equality Delivery System', cards: edsCards(who) },
      { heading: 'Health-inequality intelligence', cards: intelligenceCards(who) },
      { heading: user.role === 'admin' ? 'Administration' : 'Your account', cards: adminCards(who) },
    ].filter((section) => section.cards.length > 0);
    return reply.view('pages/dashboard.njk', {
      pageTitle: headings[user.role],
      heading: headings[user.role],
      sections,
    });
  });
}
