import { z } from 'zod';

/**
 * The runner parses one scenario once: zod's compiled fast path (it writes a parser per object
 * shape with `new Function`) costs more to build than it saves. Imported first by sim.ts, so it
 * is set before any schema is made (zod reads it at construction).
 */
z.config({ jitless: true });
