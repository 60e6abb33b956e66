// Benchmarks of the statistics engine, printed as JSON. Each workload is timed next to a floor
// measured in the same run (one pass over the same arrays summing counts per group), because these
// machines are noisy: compare ratios, not seconds. Run: npx tsx bench/stats.ts [--repeat 5]
import { parseArgs } from 'node:util';
import { directlyStandardisedRates } from '../src/stats/dsr.ts';
import { lifeExpectancy } from '../src/stats/life-expectancy.ts';
import { calculateSii, type SiiGroup, type SiiRow } from '../src/stats/sii.ts';
import { ESP2013 } from '../src/stats/standard-populations.ts';

const { values } = parseArgs({ options: { repeat: { type: 'string', default: '5' } } });
const repeat = Math.max(1, Number(values.repeat));

/** Median wall time in milliseconds over `repeat` runs, after one warm-up. */
function time(work: () => unknown): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const started = process.hrtime.bigint();
    work();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Sums x and n per group: what any method over these arrays must at least do. */
function floorPass(x: Float64Array, n: Float64Array, offsets: Int32Array): Float64Array {
  const groups = offsets.length - 1;
  const out = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    let sx = 0;
    let sn = 0;
    for (let i = offsets[g]!; i < offsets[g + 1]!; i++) {
      sx += x[i]!;
      sn += n[i]!;
    }
    out[g] = sx / sn;
  }
  return out;
}

function offsets(groups: number, size: number): Int32Array {
  return Int32Array.from({ length: groups + 1 }, (_, g) => g * size);
}

function dsrWorkload() {
  const groups = 30_000;
  const bands = ESP2013.weights.length;
  const x = new Float64Array(groups * bands);
  const n = new Float64Array(groups * bands);
  const stdpop = new Float64Array(groups * bands);
  for (let i = 0; i < x.length; i++) {
    x[i] = (i * 7919) % 97;
    n[i] = 1000 + ((i * 104729) % 5000);
    stdpop[i] = ESP2013.weights[i % bands]!;
  }
  const groupOffsets = offsets(groups, bands);
  const floor = time(() => floorPass(x, n, groupOffsets));
  const method = time(() =>
    directlyStandardisedRates({ x, n, stdpop, groupOffsets }, { confidence: [0.95, 0.998] }),
  );
  return {
    workload: 'DSR, 30,000 groups × 19 age bands, 95% and 99.8%',
    groups,
    bands,
    floor,
    method,
    referenceR: 9,
  };
}

function lifeExpectancyWorkload() {
  const areas = 30_000;
  const bands = 20;
  const deathsByBand = [20, 4, 2, 2, 4, 6, 7, 9, 12, 18, 27, 40, 60, 90, 130, 190, 270, 380, 480, 550];
  const popByBand = [
    2000, 8000, 10000, 10000, 9500, 9000, 9000, 9000, 8800, 8500, 8200, 7800, 7200, 6500, 5600, 4500, 3300,
    2200, 1200, 600,
  ];
  const deaths = new Float64Array(areas * bands);
  const population = new Float64Array(areas * bands);
  for (let a = 0; a < areas; a++) {
    for (let b = 0; b < bands; b++) {
      deaths[a * bands + b] = deathsByBand[b]! + (a % 7);
      population[a * bands + b] = popByBand[b]! + (a % 11) * 10;
    }
  }
  const groupOffsets = offsets(areas, bands);
  const floor = time(() => floorPass(deaths, population, groupOffsets));
  const method = time(() =>
    lifeExpectancy({ deaths, population, groupOffsets }, { confidence: [0.95, 0.998] }),
  );
  return {
    workload: 'Life expectancy, 30,000 areas × 20 age bands, 95% and 99.8%',
    groups: areas,
    bands,
    floor,
    method,
    referenceR: 70,
  };
}

function siiWorkload() {
  const areas = 1_000;
  const groups: SiiGroup<number>[] = Array.from({ length: areas }, (_, a) => ({
    key: a,
    rows: Array.from({ length: 10 }, (_v, q): SiiRow => ({
      quantile: q + 1,
      population: 10_000 + q * 150 + (a % 13) * 20,
      value: 70 + q * 1.2 + (a % 7) * 0.3,
      se: 0.8,
    })),
  }));
  const x = new Float64Array(areas * 10);
  const n = new Float64Array(areas * 10);
  groups.forEach((g, a) =>
    g.rows.forEach((r, q) => ((x[a * 10 + q] = r.value!), (n[a * 10 + q] = r.population))),
  );
  const floor = time(() => floorPass(x, n, offsets(areas, 10)));
  const method = time(() => calculateSii(groups, { repetitions: 1_000, rii: true, seed: 1 }));
  return {
    workload: 'SII and RII, 1,000 areas × 10 deciles, 1,000 simulations',
    groups: areas,
    bands: 10,
    floor,
    method,
    referenceR: null,
  };
}

const results = [dsrWorkload(), lifeExpectancyWorkload(), siiWorkload()].map((r) => ({
  workload: r.workload,
  median_ms: Number(r.method.toFixed(2)),
  floor_ms: Number(r.floor.toFixed(3)),
  ratio_to_floor: Number((r.method / r.floor).toFixed(1)),
  // The R package's times on this kind of machine, from ../shared/reference/analytics-anchors.md §4
  // (not measured in this run, so only indicative).
  r_reference_seconds: r.referenceR,
  speedup_vs_r_reference: r.referenceR ? Number(((r.referenceR * 1000) / r.method).toFixed(0)) : null,
}));

console.log(JSON.stringify({ node: process.version, repeat, results }, null, 2));
