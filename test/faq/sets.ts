// The labelled message sets in one place: what we tune on, and what we only measure (the held-out
// part). test/faq/accuracy.test.ts and bench/faq.ts both read them from here.
import { DEV } from './dev.js';
import { DEV2 } from './dev2.js';
import { DEV3 } from './dev3.js';
import { DEV4 } from './dev4.js';
import { DEV5 } from './dev5.js';
import { DEV6 } from './dev6.js';
import { DEV7 } from './dev7.js';
import { DEV8 } from './dev8.js';
import { DEV9 } from './dev9.js';
import { DEV10 } from './dev10.js';
import { DEV11 } from './dev11.js';
import { DEV12 } from './dev12.js';
import { DEV13 } from './dev13.js';
import { DEV14 } from './dev14.js';
import { DEV15 } from './dev15.js';
import { DEV16 } from './dev16.js';
import { HELDOUT } from './heldout.js';
import { LABELLED } from './labelled.js';
import type { LabelledMessage } from './labelled-types.js';

/** What we tune on: our own labelled set and the independent development sets. */
export const TUNING: LabelledMessage[] = [
  ...LABELLED, ...DEV, ...DEV2, ...DEV3, ...DEV4, ...DEV5, ...DEV6, ...DEV7, ...DEV8,
  ...DEV9, ...DEV10, ...DEV11, ...DEV12, ...DEV13, ...DEV14, ...DEV15, ...DEV16,
];

/** Measured, never tuned on: its misses are not printed anywhere. */
export { HELDOUT };
