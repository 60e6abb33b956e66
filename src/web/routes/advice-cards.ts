import { can, type Viewer } from '../../features/access/access.policy.ts';
import type { Services } from '../../services.ts';

/** Perspective and advice on the dashboard; staff are told about initiatives whose EHIA is flagged. */
export async function adviceCards(
  who: Viewer,
  services: Services,
): Promise<{ heading: string; href: string; description: string }[]> {
  if (can(who, 'initiatives:manage')) {
    const flagged = await services.initiatives.flagged();
    const warning = flagged.length
      ? ` ${flagged.length} initiative${flagged.length === 1 ? ' has' : 's have'} a negative impact with no mitigation.`
      : '';
    return [
      {
        heading: 'Perspective and advice',
        href: '/initiatives',
        description: `Bring initiatives to the partnership, record its advice and your response, and assess equality impacts.${warning}`,
      },
    ];
  }
  if (can(who, 'initiatives:view')) {
    return [
      {
        heading: 'Perspective and advice',
        href: '/initiatives',
        description:
          'Service developments the trust has brought to the partnership: read them and give your views.',
      },
    ];
  }
  return [];
}
