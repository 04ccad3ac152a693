import { StrictMode, useEffect } from 'react';
import { App } from './App';

/** Set on <html> while the page shows index.html's prerendered first screen, not yet hydrated. */
export const PRERENDERED_CLASS = 'prerendered';

/** What index.html's inline script (scripts/prerender-plugin.mjs) leaves: clicks made before hydration. */
interface EarlyClicks {
  __earlyClicks?: HTMLElement[];
  __earlyListener?: (e: Event) => void;
}

/**
 * Clears PRERENDERED_CLASS (index.html hides what differs until then), replays the clicks on
 * controls that index.html held while nothing could answer them (hydration keeps the same
 * elements).
 */
function Hydrated() {
  useEffect(() => {
    document.documentElement.classList.remove(PRERENDERED_CLASS);
    const early = window as EarlyClicks;
    if (early.__earlyListener) document.removeEventListener('click', early.__earlyListener, true);
    for (const el of early.__earlyClicks?.splice(0) ?? []) if (el.isConnected) el.click();
  }, []);
  return null;
}

/**
 * The whole tree, the same for the browser (main.tsx) and the build-time prerender
 * (scripts/prerender-app.tsx), so that hydration meets exactly the markup it drew.
 */
export function Root() {
  return (
    <StrictMode>
      <App />
      <Hydrated />
    </StrictMode>
  );
}
