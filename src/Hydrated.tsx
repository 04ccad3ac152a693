import { Suspense, useEffect, useId, useLayoutEffect, type ReactNode } from 'react';

/** Set on <html> while the page shows index.html's prerendered first screen, not yet hydrated. */
export const PRERENDERED_CLASS = 'prerendered';

/** What index.html's inline script (scripts/prerender-plugin.mjs) leaves: clicks made before hydration. */
interface EarlyClicks {
  __earlyClicks?: HTMLElement[];
  __earlyListener?: (e: Event) => void;
}

let done: () => void = () => undefined;
/**
 * Resolves once the page is React's: the prerendered HTML hydrated, or the first render made.
 * The engine's first load waits for it (main.tsx): a store change while a part of the page is
 * still being hydrated would not match the HTML drawn at build time (React error 418).
 */
export const hydrated = new Promise<void>((resolve) => (done = resolve));

/** The hydration parts (HydrationPart) mounted whose insides have not hydrated yet, by id. */
const pending = new Set<string>();
/** Whether the Hydrated marker (outside every part) has mounted. */
let outerDone = false;
let finished = false;

/**
 * Once the marker and every part have: clears PRERENDERED_CLASS (index.html hides what differs
 * until then), resolves `hydrated`, and replays the clicks on controls that index.html held while
 * nothing could answer them (hydration keeps the same elements).
 */
function finishWhenAllHydrated(): void {
  if (finished || !outerDone || pending.size > 0) return;
  finished = true;
  document.documentElement.classList.remove(PRERENDERED_CLASS);
  done();
  const early = window as EarlyClicks;
  if (early.__earlyListener) document.removeEventListener('click', early.__earlyListener, true);
  for (const el of early.__earlyClicks?.splice(0) ?? []) if (el.isConnected) el.click();
}

/**
 * Rendered inside the language boundary (App.tsx), outside the hydration parts: the page's frame
 * has hydrated when its effect runs; `hydrated` waits for the parts too.
 */
export function Hydrated() {
  useEffect(() => {
    outerDone = true;
    finishWhenAllHydrated();
  }, []);
  return null;
}

/**
 * A region of the page that React hydrates on its own (a Suspense boundary: its HTML, drawn at
 * build time, is adopted in a render and a commit of its own, after the page's frame), so that
 * on a slow phone hydration is a few shorter tasks rather than one long commit with all the
 * effects. No fallback is ever shown: nothing inside suspends once the strings are there.
 */
export function HydrationPart({ children }: { children: ReactNode }) {
  const id = useId();
  // Registered in the frame's commit (before Hydrated's passive effect), ready in its own.
  useLayoutEffect(() => {
    if (!finished) pending.add(id);
  }, [id]);
  return (
    <Suspense fallback={null}>
      {children}
      <PartReady id={id} />
    </Suspense>
  );
}

function PartReady({ id }: { id: string }) {
  useEffect(() => {
    pending.delete(id);
    finishWhenAllHydrated();
  }, [id]);
  return null;
}
