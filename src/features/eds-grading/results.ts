import { maximumScore, outcomesOf, type Framework } from '../eds-frameworks/framework.ts';
import type { Review, ReviewOutcome } from '../eds-reviews/review.ts';
import { agreedGrade, spreadOf, type AgreedGrade } from './agreed-grade.ts';
import type { GradeWithGrader } from './grader.ts';
import { rateReview, type ReviewRating } from './rating.ts';

export interface OutcomeResult {
  code: string;
  text: string;
  groupCode: string;
  owner: string;
  grades: GradeWithGrader[];
  spread: number[];
  agreed: AgreedGrade;
  consensus: ReviewOutcome['consensus'];
}

export interface ReviewResults {
  review: Review;
  framework: Framework;
  outcomes: OutcomeResult[];
  rating: ReviewRating;
}

/** Puts the grades, the agreed-grade rule and the rating arithmetic together for one review. */
export function reviewResults(
  review: Review,
  framework: Framework,
  reviewOutcomes: ReviewOutcome[],
  grades: GradeWithGrader[],
): ReviewResults {
  const outcomes = outcomesOf(framework).map((outcome) => {
    const record = reviewOutcomes.find((r) => r.outcomeCode === outcome.code);
    const given = grades.filter((g) => g.outcomeCode === outcome.code);
    return {
      code: outcome.code,
      text: outcome.text,
      groupCode: outcome.groupCode,
      owner: record?.owner ?? '',
      grades: given,
      spread: spreadOf(
        given.map((g) => g.score),
        maximumScore(framework),
      ),
      agreed: agreedGrade(given, record?.consensus ?? null),
      consensus: record?.consensus ?? null,
    };
  });
  const rating = rateReview(framework, new Map(outcomes.map((o) => [o.code, o.agreed.score])));
  return { review, framework, outcomes, rating };
}
