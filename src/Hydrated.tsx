import { useEffect } from 'react';

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

/**
 * Rendered inside the language boundary (App.tsx), the last part to hydrate: clears
 * PRERENDERED_CLASS (index.html hides what differs until then), resolves `hydrated`, and replays
 * the clicks on controls that index.html held while nothing could answer them (hydration keeps
 * the same elements).
 */
export function Hydrated() {
  useEffect(() => {
    document.documentElement.classList.remove(PRERENDERED_CLASS);
    done();
    const early = window as EarlyClicks;
    if (early.__earlyListener) document.removeEventListener('click', early.__earlyListener, true);
    for (const el of early.__earlyClicks?.splice(0) ?? []) if (el.isConnected) el.click();
  }, []);
  return null;
}

