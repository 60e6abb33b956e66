// JSON adapter for the standardised mortality ratio: calculate_ISRatio with refvalue 100 by default.
import { runRatio } from './isratio.ts';
import type { JsonMethod } from './types.ts';

/** params as for isratio; refvalue is 100 (default) or 1. */
export const run: JsonMethod = (json) => runRatio(json, 100, [1, 100]);
