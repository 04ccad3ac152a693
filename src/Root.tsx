import { StrictMode } from 'react';
import { App } from './App';

/**
 * The whole tree, the same for the browser (main.tsx) and the build-time prerender
 * (scripts/prerender-app.tsx), so that hydration meets exactly the markup it drew.
 */
export function Root() {
  return (
    <StrictMode>
      <App />
    </StrictMode>
  );
}
