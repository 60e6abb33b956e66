import { can, type Viewer } from '../../features/access/access.policy.ts';

interface Card {
  heading: string;
  href: string;
  description: string;
}

/** The Health Equality Partnership's dashboard cards for a role. */
export function partnershipCards(who: Viewer): Card[] {
  const cards: Card[] = [];
  const staff = can(who, 'insights:triage');
  if (can(who, 'insights:submit')) {
    cards.push({
      heading: staff ? 'Intelligence and insight' : 'Your issues',
      href: '/insights',
      description: staff
        ? 'Triage issues raised by members and the public, tag themes and agree actions.'
        : 'Raise an issue from your community and follow what happens to it.',
    });
  }
  if (can(who, 'actions:manage')) {
    cards.push({
      heading: 'My actions',
      href: '/actions/mine',
      description: 'Actions you own: add progress updates and mark them done.',
    });
  }
  if (can(who, 'meetings:view')) {
    cards.push({
      heading: 'Meetings',
      href: '/meetings',
      description: staff
        ? 'Agendas, attendance, minutes and decisions.'
        : 'Agendas and minutes of partnership meetings.',
    });
  }
  if (can(who, 'partnership:directory')) {
    cards.push({
      heading: 'Member directory',
      href: '/partnership',
      description: staff
        ? 'Member organisations, their communities and representatives, and applications to join.'
        : 'The groups and organisations in the partnership.',
    });
  }
  if (can(who, 'themes:manage')) {
    cards.push({
      heading: 'Insight themes',
      href: '/admin/themes',
      description: 'Add, rename and retire themes.',
    });
  }
  cards.push({
    heading: 'You said, we did',
    href: '/you-said-we-did',
    description: 'What the public sees: issues raised and what was done.',
  });
  return cards;
}
