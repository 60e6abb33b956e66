import { seededRandom, shuffled } from './random.ts';

export interface Fold {
  train: number[];
  test: number[];
}

/** k folds over n items after a seeded shuffle: every item is tested exactly once. */
export function kFolds(n: number, k: number, seed: number): Fold[] {
  if (k < 2 || k > n) throw new RangeError(`Cannot make ${k} folds of ${n} items`);
  const order = shuffled(
    Array.from({ length: n }, (_, i) => i),
    seededRandom(seed),
  );
  return Array.from({ length: k }, (_, fold) => {
    const test = order.filter((_, position) => position % k === fold);
    const inTest = new Set(test);
    return { train: order.filter((i) => !inTest.has(i)), test };
  });
}
