// Lint fixture: the other half of the cycle with cycle-a.ts.
import { a } from './cycle-a';

/** The other half of a deliberate cycle. */
export const b = (): number => (a.length > 1 ? 0 : 1);
