/** The confidence levels of every interval Parity publishes: 95% and 99.8%, as Fingertips does. */
export const CONFIDENCE = [0.95, 0.998] as const;
