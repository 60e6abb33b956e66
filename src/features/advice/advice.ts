/** One published piece of advice: what was asked, what the partnership said, what the service did. */
export interface PublishedAdvice {
  id: string;
  title: string;
  service: string;
  weAsked: string;
  youSaid: string;
  weChanged: string;
  weDidNotChange: string | null;
  decisionDate: string;
  publishedAt: string;
}
