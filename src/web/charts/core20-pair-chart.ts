// A breakdown that sets the Core20 beside the rest within each group of another (ethnic group, place),
// drawn as pairs: for each group, the Core20's bar (solid blue) above the rest's (grey outline), each
// with its 95% whisker, so that the gap within each group is read at a glance.
import * as Plot from '@observablehq/plot';
import { core20Parts } from '../../analytics/indicators/dimensions.ts';
import type { IndicatorResult, PublishedRow } from '../../analytics/indicators/result.ts';
import {
  barHeight,
  groupFrame,
  groupLabels,
  groupRows,
  look,
  nhsBlue,
  nhsDarkGrey,
} from './indicator-charts.ts';
import { renderPlot } from './plot.ts';

const series = ['Core20', 'rest'] as const;

interface Bar {
  group: string;
  series: 'Core20' | 'rest';
  value: number;
  lower: number | null;
  upper: number | null;
}

/** `noun` names the groups the pairs are within ("ethnic group", "place"). */
export function core20PairChart(
  result: IndicatorResult,
  rows: PublishedRow[],
  title: string,
  noun: string,
): string {
  const bars: Bar[] = rows.flatMap((r) => {
    const parts = core20Parts(r.group);
    return parts && r.value !== null
      ? [
          {
            group: parts.within,
            series: parts.series,
            value: r.value,
            lower: r.lower95,
            upper: r.upper95,
          },
        ]
      : [];
  });
  if (bars.length === 0) return '';
  const groups = [...new Set(bars.map((b) => b.group))];
  // "Core20 12.8", "Core20 not shown" (hidden), or "no Core20" (no such group: a place without any).
  const valueText = (group: string, id: 'Core20' | 'rest') => {
    const row = rows.find((r) => {
      const parts = core20Parts(r.group);
      return parts?.series === id && parts.within === group;
    });
    if (!row) return `no ${id}`;
    return `${id} ${row.value === null ? 'not shown' : row.valueText}`;
  };
  const labels = groups.map((group) => ({
    group,
    label: `${group}: ${valueText(group, 'Core20')}, ${valueText(group, 'rest')}`,
  }));
  const { barTop } = groupRows(labels.map((l) => l.label));
  const gap = 4;
  const rowHeight = barTop + 2 * barHeight + gap + 10;
  const marks = series.flatMap((s, i): Plot.Markish[] => {
    const own = bars.filter((b) => b.series === s);
    const top = barTop + i * (barHeight + gap);
    const solid = s === 'Core20';
    return [
      Plot.barX(own, {
        y: 'group',
        x: 'value',
        fill: solid ? nhsBlue : '#f0f4f5',
        fillOpacity: solid ? 0.75 : 1,
        stroke: solid ? 'none' : nhsDarkGrey,
        strokeWidth: 1.5,
        insetTop: top,
        insetBottom: rowHeight - top - barHeight,
      }),
      Plot.ruleY(
        own.filter((b) => b.lower !== null),
        {
          y: 'group',
          x1: 'lower',
          x2: 'upper',
          stroke: nhsDarkGrey,
          strokeWidth: 2,
          dy: top + barHeight / 2 - rowHeight / 2,
        },
      ),
    ];
  });
  return renderPlot(
    {
      ...groupFrame(result.unit, groups, rowHeight),
      marks: [...marks, groupLabels(labels, rowHeight, barTop), Plot.ruleX([0])],
    },
    {
      label: `${result.title} by ${title}`,
      description: `For each ${noun}, a solid blue bar shows the Core20 and a grey outlined bar below it the rest of the population, each with its 95% confidence interval.`,
    },
    look,
  );
}
