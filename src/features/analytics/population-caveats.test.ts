import { describe, expect, it } from 'vitest';
import { populationYearsCaveat } from './population-caveats.ts';

describe("what a rate says of its populations' mid-years", () => {
  it('names the year of each period, and the nearest where its own was not imported', () => {
    expect(populationYearsCaveat([2022, 2023], ['2024/25', '2022/23', '2023/24'])).toBe(
      'The populations are mid-year estimates: mid-2022 for 2022/23, mid-2023 for 2023/24 and mid-2023 for 2024/25 (the nearest imported).',
    );
    expect(populationYearsCaveat([2022, 2023, 2024], ['2022/23', '2023/24', '2024/25'])).toBe(
      'The populations are mid-year estimates: mid-2022 for 2022/23, mid-2023 for 2023/24 and mid-2024 for 2024/25.',
    );
  });

  it('says when one year stands for every period, and what that means for change over time', () => {
    expect(populationYearsCaveat([2020], ['2023/24', '2024/25'])).toBe(
      'The populations are mid-2020 estimates for every period (the nearest imported): a change in a rate over time also includes any change in the number of people living in each group.',
    );
    expect(populationYearsCaveat([2023], ['2023/24'])).toBe(
      'The populations are mid-2023 estimates (30 June 2023, early in 2023/24).',
    );
    expect(populationYearsCaveat([null], ['2023/24', '2024/25'])).toBe(
      'The mid-year of the population estimates was not recorded when they were imported, so the same populations are used for every period: a change in a rate over time also includes any change in the number of people living in each group.',
    );
    expect(populationYearsCaveat([], ['2023/24'])).toBeNull();
  });
});
