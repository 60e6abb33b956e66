import { describe, expect, it } from 'vitest';
import { agreedGrade, lowerMedian, spreadOf, type GivenGrade } from './agreed-grade.ts';

const li = (score: number): GivenGrade => ({ score, perspective: 'local_interest' });
const org = (score: number): GivenGrade => ({ score, perspective: 'organisation' });

describe('lower median of several graders', () => {
  it('takes the middle grade of an odd number', () => {
    expect(lowerMedian([3, 0, 2])).toBe(2);
    expect(lowerMedian([1])).toBe(1);
  });
  it('takes the lower of the two middle grades of an even number', () => {
    expect(lowerMedian([1, 2])).toBe(1);
    expect(lowerMedian([3, 0, 2, 3])).toBe(2);
    expect(lowerMedian([0, 3])).toBe(0);
  });
  it('is not moved by one outlier', () => {
    expect(lowerMedian([2, 2, 0])).toBe(2);
  });
  it('has no value without grades', () => {
    expect(lowerMedian([])).toBeNull();
  });
});

describe('agreed grade', () => {
  it('follows the local interests when they and the organisation differ', () => {
    expect(agreedGrade([li(1), org(3)], null)).toEqual({
      score: 1,
      basis: 'local_interests_prevail',
      localInterests: 1,
      organisation: 3,
    });
    expect(agreedGrade([li(3), org(1)], null).score).toBe(3);
  });

  it('combines several local interests by their lower median before comparing', () => {
    const grade = agreedGrade([li(2), li(1), li(3), li(0), org(3), org(3)], null);
    expect(grade).toMatchObject({ score: 1, localInterests: 1, organisation: 3 });
  });

  it('calls equal views agreed', () => {
    expect(agreedGrade([li(2), org(2)], null)).toMatchObject({ score: 2, basis: 'agreed' });
  });

  it('lets a consensus from a grading meeting override both views, keeping them on record', () => {
    const grade = agreedGrade([li(1), org(3)], { score: 2, agreedBy: 'All present', rationale: 'x' });
    expect(grade).toEqual({ score: 2, basis: 'consensus', localInterests: 1, organisation: 3 });
  });

  it('uses whichever view exists when only one side has graded', () => {
    expect(agreedGrade([org(2)], null)).toMatchObject({ score: 2, basis: 'organisation_only' });
    expect(agreedGrade([li(0)], null)).toMatchObject({ score: 0, basis: 'local_interests_only' });
    expect(agreedGrade([], null)).toMatchObject({ score: null, basis: 'not_graded' });
  });
});

describe('spread of grades', () => {
  it('counts each grade', () => {
    expect(spreadOf([0, 2, 2, 3], 3)).toEqual([1, 0, 2, 1]);
  });
});
