// Shares of NHS ethnic category codes in each fictional place, loosely shaped on a diverse city, a
// mostly White British county and a rural area (Census 2021 patterns); Z = not stated.

// prettier-ignore
export const ethnicityMix: Record<string, [string, number][]> = {
  'Riverside City': [['A', 33], ['B', 1], ['C', 7], ['D', 1], ['E', 1], ['F', 1], ['G', 1], ['H', 31], ['J', 3.5], ['K', 1], ['L', 5], ['M', 1], ['N', 6], ['P', 1], ['R', 1], ['S', 3], ['Z', 2.5]],
  Northshire: [['A', 82], ['B', 1], ['C', 4], ['D', 0.5], ['E', 0.3], ['F', 0.7], ['G', 0.6], ['H', 5], ['J', 0.6], ['K', 0.3], ['L', 1.2], ['M', 0.3], ['N', 0.7], ['P', 0.2], ['R', 0.4], ['S', 0.7], ['Z', 1.5]],
  Westdale: [['A', 89], ['B', 1], ['C', 3.5], ['D', 0.4], ['E', 0.3], ['F', 0.6], ['G', 0.5], ['H', 1], ['J', 0.2], ['K', 0.1], ['L', 0.3], ['M', 0.4], ['N', 0.8], ['P', 0.2], ['R', 0.3], ['S', 0.4], ['Z', 1]],
};
