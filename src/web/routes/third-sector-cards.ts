import { can, type Viewer } from '../../features/access/access.policy.ts';

interface Card {
  heading: string;
  href: string;
  description: string;
}

/** Dashboard cards for outreach, funded agreements, places and the directory. */
export function thirdSectorCards(who: Viewer): Card[] {
  const cards: Card[] = [];
  const staff = can(who, 'agreements:manage');
  if (can(who, 'outreach:record')) {
    cards.push({
      heading: 'Outreach and connection',
      href: '/outreach',
      description:
        'Record engagement activities, what was heard, and see which groups and Core20 wards were reached.',
    });
  }
  if (can(who, 'agreements:view')) {
    cards.push({
      heading: staff ? 'Funded partner agreements' : 'Your funded agreements',
      href: '/agreements',
      description: staff
        ? 'Delivery against each agreement, payments due and overdue, and totals by year and group.'
        : 'Report what your organisation has delivered under its agreements with the trust.',
    });
  }
  if (can(who, 'places:manage')) {
    cards.push({
      heading: 'Places and plans',
      href: '/places',
      description: 'Each place’s priorities, plan actions, insight, outreach coverage and indicators.',
    });
    cards.push({
      heading: 'Directory and engagement guides',
      href: '/directory',
      description: 'Organisations working with each group, and how to engage each group.',
    });
  }
  return cards;
}
