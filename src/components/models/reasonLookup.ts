import type { Lang } from '../../sim/engine/errors';

/** How a node id reads in a reason (its label). */
type NameOf = (id: string) => string;
/** How a kind reads in a reason (its name in the reader's language). */
type KindNameOf = (kind: string) => string;
type ReasonText = (reason: string, lang: Lang, name?: NameOf, kindName?: KindNameOf) => string;

/**
 * The narrators' way to the reasons' table (reasons.ts, reasonTable.ts), which is not on the
 * first screen: reasons only appear in trace events, so the table comes with the engine
 * (engineRuntime.ts imports reasons.ts, which installs itself here). Until then a reason reads
 * as the model wrote it, which never happens: no event is narrated before the engine runs.
 */
let lookup: ReasonText | null = null;

/** Called by reasons.ts when it loads. */
export function installReasons(f: ReasonText): void {
  lookup = f;
}

/** A reason from the trace in `lang` (see reasons.ts `reasonText`). */
export function reasonOf(reason: string, lang: Lang, name?: NameOf, kindName?: KindNameOf): string {
  return lookup ? lookup(reason, lang, name, kindName) : reason;
}
