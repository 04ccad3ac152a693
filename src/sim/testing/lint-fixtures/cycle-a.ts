// Lint fixture: imports cycle-b.ts, which imports this file back (a runtime cycle).
import { b } from './cycle-b';

/** One half of a deliberate cycle. */
export const a = (): number => b() + 1;
