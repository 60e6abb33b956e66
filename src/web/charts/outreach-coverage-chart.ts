import * as Plot from '@observablehq/plot';
import type { GroupCoverage } from '../../features/outreach/outreach.ts';
import { renderPlot } from './plot.ts';

const nhsBlue = '#005eb8';
const nhsRed = '#d5281b';

/**
 * People reached in each group, one bar per group; groups not reached get a red marker at zero so
 * the gap is visible, not just an absent bar. The table beside the chart has every number.
 */
export function groupCoverageChart(groups: GroupCoverage[], title: string): string {
  const data = groups.map((g) => ({ group: g.community, people: g.people, reached: g.activities > 0 }));
  return renderPlot(
    {
      width: 640,
      height: 40 + data.length * 24,
      marginLeft: 300,
      x: { label: 'People reached', grid: true },
      y: { label: null, domain: data.map((d) => d.group) },
      marks: [
        Plot.barX(data, { y: 'group', x: 'people', fill: nhsBlue, fillOpacity: 0.8 }),
        Plot.dot(
          data.filter((d) => !d.reached),
          { y: 'group', x: 0, fill: nhsRed, r: 5, symbol: 'times', stroke: nhsRed },
        ),
        Plot.ruleX([0]),
      ],
    },
    {
      label: title,
      description:
        'Bars show the people reached in each group; a red cross marks a group not reached at all.',
    },
  );
}
